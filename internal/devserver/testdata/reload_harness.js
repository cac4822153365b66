// Runs reload.js against stubs of the few browser APIs it uses and checks
// what it does for each event. Usage: node reload_harness.js reload.js
// Exits 1 with a message on the first failed check. Run by TestReloadScript.
"use strict";
const fs = require("fs");
const vm = require("vm");
const assert = require("assert");

const src = fs.readFileSync(process.argv[2], "utf8");
const origin = "http://localhost:1313";

class El {
  constructor(tag, log) {
    this.tagName = tag; this.children = []; this.style = {}; this.attrs = {};
    this.textContent = ""; this.parent = null; this.log = log;
  }
  appendChild(c) { c.parent = this; this.children.push(c); return c; }
  setAttribute(k, v) { this.attrs[k] = String(v); }
  getAttribute(k) { return k in this.attrs ? this.attrs[k] : null; }
  remove() {
    if (this.parent) this.parent.children = this.parent.children.filter((x) => x !== this);
    this.parent = null;
    this.log.push("remove " + this.tagName + (this.href ? " " + this.href : ""));
  }
  after(n) {
    const p = this.parent;
    p.children.splice(p.children.indexOf(this) + 1, 0, n);
    n.parent = p;
  }
  cloneNode() { const c = new El(this.tagName, this.log); c.rel = this.rel; c.href = this.href; return c; }
  focus() { this.log.push("focus " + this.tagName); }
  set innerHTML(_) { throw new Error("innerHTML used"); }
  text() { return [this.textContent].concat(this.children.map((c) => c.text())).join("\n"); }
}

// page loads reload.js into a fresh stubbed page served with version; dark
// says whether the reader prefers dark colours.
function page(version, storage = {}, file = "", dark = false) {
  const log = [];
  const body = new El("body", log);
  const head = new El("head", log);
  const link = new El("link", log);
  link.rel = "stylesheet"; link.href = origin + "/style.css";
  head.appendChild(link);
  const script = new El("script", log);
  if (version) script.setAttribute("data-version", version);
  if (file) script.setAttribute("data-file", file);
  let es = null;
  class EventSource {
    constructor(url) { this.url = url; this.listeners = {}; this.readyState = 1; es = this; log.push("connect " + url); }
    addEventListener(name, f) { this.listeners[name] = f; }
    close() { log.push("close"); }
  }
  EventSource.CLOSED = 2;
  const ctx = {
    document: {
      currentScript: script, readyState: "complete", body, documentElement: body,
      createElement: (t) => new El(t, log),
      querySelectorAll: () => head.children.filter((c) => c.tagName === "link"),
    },
    EventSource, URL,
    sessionStorage: {
      setItem: (k, v) => { storage[k] = String(v); },
      getItem: (k) => (k in storage ? storage[k] : null),
      removeItem: (k) => { delete storage[k]; },
    },
    location: { pathname: "/a/", href: origin + "/a/", origin, reload: () => log.push("reload") },
    scrollX: 0, scrollY: 420,
    scrollTo: (x, y) => log.push("scrollTo " + x + "," + y),
    addEventListener: () => {},
    setTimeout: (f) => { log.push("retry"); f(); },
    Date: { now: () => 42 },
    matchMedia: (q) => ({ matches: dark && q === "(prefers-color-scheme: dark)", addEventListener: () => {} }),
  };
  vm.createContext(ctx);
  vm.runInContext(src, ctx);
  const fire = (name, data) => es.listeners[name]({ data: typeof data === "string" ? data : JSON.stringify(data) });
  const overlay = () => body.children.find((c) => c.id === "samizdat-problems");
  const panel = () => body.children.find((c) => c.id === "samizdat-warnings");
  return { log, head, body, storage, fire, overlay, panel, es: () => es };
}

const problems = [{
  position: "content/a.md:3:7", file: "content/a.md", line: 3, col: 7,
  message: "unknown key <img src=x onerror=alert(1)>", hint: "did you mean \"title\"?",
}];

function check(name, f) {
  try {
    f();
  } catch (err) {
    console.error(name + ": " + err.message);
    process.exit(1);
  }
}

check("connects and stays on a current state", () => {
  const p = page("n.1");
  p.fire("state", { version: "n.1", problems: [] });
  assert.deepStrictEqual(p.log, ["connect /__samizdat/events?v=n.1&file="]);
});

check("tells the server its version and file, and stays when the server says it is fresh", () => {
  const p = page("n.1", {}, "a/index.html");
  p.fire("state", { version: "n.3", problems: [], fresh: true });
  assert.deepStrictEqual(p.log, ["connect /__samizdat/events?v=n.1&file=a%2Findex.html"]);
  // and it now knows the new version: a later state of n.3 is current
  p.fire("state", { version: "n.3", problems: [] });
  assert.ok(!p.log.includes("reload"), p.log.join(", "));
});

check("reloads when the server says it is not fresh", () => {
  const p = page("n.1", {}, "a/index.html");
  p.fire("state", { version: "n.3", problems: [], fresh: false });
  assert.ok(p.log.includes("reload"), p.log.join(", "));
});

check("reloads keeping scroll when it missed a build", () => {
  const p = page("n.1");
  p.fire("state", { version: "n.2", problems: [] });
  assert.ok(p.log.includes("reload"), p.log.join(", "));
  assert.strictEqual(p.storage["samizdat:scroll:/a/"], "[0,420]");
});

check("restores the scroll position after a reload", () => {
  const storage = { "samizdat:scroll:/a/": "[0,420]" };
  const p = page("n.1", storage);
  assert.ok(p.log.includes("scrollTo 0,420"), p.log.join(", "));
  assert.ok(!("samizdat:scroll:/a/" in storage));
});

check("reload event reloads", () => {
  const p = page("n.1");
  p.fire("reload", "n.2");
  assert.ok(p.log.includes("reload"));
});

check("css swaps same-origin stylesheets without reloading", () => {
  const p = page("n.1");
  p.fire("css", "n.2");
  assert.ok(!p.log.includes("reload"));
  const links = p.head.children;
  assert.strictEqual(links.length, 2);
  assert.strictEqual(links[1].href, origin + "/style.css?samizdat=42");
  links[1].onload();
  assert.deepStrictEqual(p.head.children.map((l) => l.href), [origin + "/style.css?samizdat=42"]);
  // The page now knows the new version: a state with it is no news.
  p.fire("state", { version: "n.2", problems: [] });
  assert.ok(!p.log.includes("reload"));
});

check("problems show an overlay built from text", () => {
  const p = page("n.1");
  p.fire("problems", problems);
  const o = p.overlay();
  assert.ok(o, "no overlay");
  assert.strictEqual(o.style.position, "fixed");
  const text = o.text();
  for (const want of [problems[0].position, problems[0].message, problems[0].hint]) {
    assert.ok(text.includes(want), "overlay lacks " + want);
  }
  p.fire("problems", problems.concat(problems));
  assert.strictEqual(p.body.children.filter((c) => c.id === "samizdat-problems").length, 1, "two overlays");
});

check("problems on connect show the overlay", () => {
  const p = page("n.1");
  p.fire("state", { version: "n.1", problems });
  assert.ok(p.overlay());
  assert.ok(!p.log.includes("reload"));
});

check("a fix reloads the page under the overlay", () => {
  for (const [name, data] of [["reload", "n.2"], ["css", "n.2"], ["state", { version: "n.1", problems: [] }]]) {
    const p = page("n.1");
    p.fire("problems", problems);
    p.fire(name, data);
    assert.ok(p.log.includes("reload"), name + ": " + p.log.join(", "));
  }
});

check("garbage data is ignored", () => {
  const p = page("n.1");
  p.fire("problems", "{not json");
  p.fire("state", "");
  assert.ok(!p.overlay());
  assert.ok(!p.log.includes("reload"));
});

check("retries when the server refused the stream", () => {
  const p = page("n.1");
  const first = p.es();
  first.readyState = 2;
  first.onerror();
  assert.ok(p.log.includes("retry"));
  assert.notStrictEqual(p.es(), first, "no new EventSource");
});

check("leaves a dropped stream to EventSource's own retry", () => {
  const p = page("n.1");
  const first = p.es();
  first.readyState = 0; // CONNECTING: the browser is retrying
  first.onerror();
  assert.strictEqual(p.es(), first);
});

const warnings = [
  { position: "content/news/rally.md:12", file: "content/news/rally.md", line: 12, col: 0,
    message: "raw HTML is left out of the page: <iframe src=x onload=alert(1)>", hint: "link to the video instead" },
  { position: "content/a.md:3", file: "content/a.md", line: 3, col: 0, message: "the image has no alt text", hint: "" },
];

// panelParts returns the panel's toggle button and the box it shows.
function panelParts(p) {
  const panel = p.panel();
  assert.ok(panel, "no warnings panel");
  const toggle = panel.children.find((c) => c.tagName === "button");
  const box = panel.children.find((c) => c.id === "samizdat-warnings-list");
  assert.ok(toggle && box, "panel without its button or list");
  assert.strictEqual(toggle.attrs["aria-controls"], box.id);
  return { panel, toggle, box, expanded: () => toggle.attrs["aria-expanded"] === "true" && !box.hidden && box.style.display !== "none" };
}

check("warnings on connect show a collapsed panel built from text", () => {
  const p = page("n.1");
  p.fire("state", { version: "n.1", problems: [], warnings });
  const { panel, toggle, box, expanded } = panelParts(p);
  assert.strictEqual(panel.style.position, "fixed");
  assert.ok(toggle.text().includes("2 warnings"), toggle.text());
  assert.strictEqual(toggle.type, "button");
  assert.ok(!expanded(), "the panel starts expanded");
  assert.strictEqual(toggle.attrs["aria-expanded"], "false");
  assert.strictEqual(box.style.display, "none");
  const text = box.text();
  for (const w of warnings) {
    for (const want of [w.position, w.message, w.hint]) assert.ok(text.includes(want), "panel lacks " + want);
  }
  assert.ok(!p.log.includes("reload"), p.log.join(", "));
  assert.ok(!p.overlay());
});

check("the panel expands and collapses, stays expanded after a reload, and Escape collapses it", () => {
  const storage = {};
  const p = page("n.1", storage);
  p.fire("state", { version: "n.1", problems: [], warnings });
  let parts = panelParts(p);
  parts.toggle.onclick();
  assert.ok(parts.expanded(), "a click did not expand the panel");
  assert.strictEqual(parts.box.style.display, "block");
  parts.toggle.onclick();
  assert.ok(!parts.expanded(), "a second click did not collapse the panel");
  parts.toggle.onclick();

  const q = page("n.1", storage);
  q.fire("state", { version: "n.1", problems: [], warnings });
  parts = panelParts(q);
  assert.ok(parts.expanded(), "the panel did not stay expanded across a reload");
  parts.panel.onkeydown({ key: "Escape" });
  assert.ok(!parts.expanded(), "Escape did not collapse the panel");
  assert.ok(q.log.includes("focus button"), "focus not given back to the button");
});

check("a warnings event redraws the panel, and an empty list removes it", () => {
  const p = page("n.1");
  p.fire("state", { version: "n.1", problems: [], warnings: [] });
  assert.ok(!p.panel(), "a panel without warnings");
  p.fire("warnings", warnings.slice(0, 1));
  assert.ok(panelParts(p).toggle.text().includes("1 warning"));
  p.fire("warnings", warnings);
  assert.strictEqual(p.body.children.filter((c) => c.id === "samizdat-warnings").length, 1, "two panels");
  assert.ok(panelParts(p).toggle.text().includes("2 warnings"));
  p.fire("warnings", "{not json");
  assert.ok(p.panel(), "garbage removed the panel");
  p.fire("warnings", []);
  assert.ok(!p.panel(), "the panel stayed after the warnings went");
  assert.ok(!p.log.includes("reload"), p.log.join(", "));
});

check("the problems overlay takes the panel's place until it is hidden", () => {
  const p = page("n.1");
  p.fire("state", { version: "n.1", problems, warnings });
  assert.ok(p.overlay() && !p.panel(), "the panel is shown with the overlay");
  p.fire("warnings", warnings.slice(0, 1));
  assert.ok(!p.panel(), "a warnings event drew the panel over the overlay");
  p.fire("problems", problems);
  assert.ok(p.overlay() && !p.panel());
  const hide = p.overlay().children.find((c) => c.tagName === "button");
  hide.onclick();
  assert.ok(!p.overlay(), "Hide left the overlay");
  assert.ok(panelParts(p).toggle.text().includes("1 warning"), "the panel did not come back under the hidden overlay");
});

check("the panel has its own colours, dark when the reader prefers dark", () => {
  const light = page("n.1");
  light.fire("warnings", warnings);
  const dark = page("n.1", {}, "", true);
  dark.fire("warnings", warnings);
  const a = light.panel().style, b = dark.panel().style;
  assert.ok(a.background && a.color && b.background && b.color, "panel colours not set");
  assert.notStrictEqual(a.background, b.background);
  assert.notStrictEqual(a.color, b.color);
});
