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

## serve: build and serve the campaign site at http://127.0.0.1:1313 with live reload
serve: build
	$(BIN) serve --source . --port 1313

## test: formatting, vet, every test with the race detector, and a clean build of the site
test: fmt-check vet race site-check

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

race:
	$(GO) test -race -count=1 ./...

# The repo's own site must build with zero problems.
site-check: build
	$(BIN) build --source . --dest $$(mktemp -d)/public

## lint: gofmt and go vet (the same checks make test runs first)
lint: fmt-check vet

## bench: Go benchmarks of full builds on generated corpora (see docs/performance.md)
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./internal/site/ ./bench/...

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
