# samizdat: the two commands a new machine needs are `make serve` and `make test`.
GO      ?= go
BIN     := bin/samizdat
FUZZTIME ?= 20s

.PHONY: all build site serve test fmt-check vet race lint bench fuzz clean

all: build

## build: the samizdat binary in bin/
build:
	$(GO) build -trimpath -o $(BIN) ./cmd/samizdat

## site: build the campaign site in this repo into public/
site: build
	$(BIN) build --source . --dest public

## serve: build and serve the campaign site at http://127.0.0.1:1313 with live reload (DRAFTS=1 shows drafts too)
serve: build
	$(BIN) serve --source . --port 1313 $(if $(DRAFTS),--drafts)

## test: formatting, vet, every test with the race detector, and a clean build of the site
test: fmt-check vet race site-check

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

race:
	$(GO) test -race -count=1 ./...

# The repo's own site must build with zero problems and no warnings.
site-check: build
	@out=$$($(BIN) build --source . --dest $$(mktemp -d)/public 2>&1) || { echo "$$out"; exit 1; }; echo "$$out"; \
	if echo "$$out" | grep -q ': warning: '; then echo "make site-check: the repo's site must build without warnings"; exit 1; fi

## lint: gofmt and go vet (the same checks make test runs first)
lint: fmt-check vet

## bench: Go benchmarks of full builds on a generated corpus and of the dev server (see docs/performance.md)
# SAMIZDAT_CORPUS names the corpus (default: 1 000 pages, seed 1); it is made
# with ../shared/bench/gen-corpus when missing and that script exists.
bench:
	@corpus=$${SAMIZDAT_CORPUS:-/tmp/bench-runs/corpus/seed1-n1000}; gen=../shared/bench/gen-corpus; \
	if [ ! -d "$$corpus/content" ]; then \
	  if [ -z "$$SAMIZDAT_CORPUS" ] && [ -x "$$gen" ]; then \
	    echo "$$gen --n 1000 --seed 1 --out $$corpus"; $$gen --n 1000 --seed 1 --out "$$corpus" >/dev/null || exit 1; \
	  else \
	    echo "make bench: no corpus in $$corpus. Make one with gen-corpus from the benchmark harness"; \
	    echo "  (samizdat's ../shared/bench): gen-corpus --n 1000 --seed 1 --out $$corpus"; \
	    echo "or point SAMIZDAT_CORPUS at a folder with content/<section>/<page>.md."; exit 1; \
	  fi; \
	fi; \
	echo "SAMIZDAT_CORPUS=$$corpus"; \
	SAMIZDAT_CORPUS=$$corpus $(GO) test -run '^$$' -bench . -benchmem ./bench/gobench/ ./internal/devserver/

## fuzz: each fuzz target for FUZZTIME
fuzz:
	@set -e; for pkg in $$($(GO) list ./internal/...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "== $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; \
	done

clean:
	rm -rf bin public

## screenshots: build the site and write PNGs of every page, 390 and 1280 px wide, light and dark, into screenshots/ (not committed)
.PHONY: screenshots
screenshots:
	rm -rf screenshots
	$(GO) test -count=1 -run '^TestScreenshots$$' ./internal/sitecheck -args -screenshots=$(CURDIR)/screenshots
	@echo "$$(ls screenshots | wc -l) screenshots in screenshots/"
