// samizdat live reload. Served by `samizdat serve` only; never part of a build.
// Events (see internal/devserver): "state" {version, problems, warnings}
// first on every connection, then "reload" {version, pages: the files that
// changed, or none for all}, "css" (data: new version), "problems" (list)
// and "warnings" (list, [] when they went).
(function () {
  "use strict";

  var script = document.currentScript;
  var known = (script && script.getAttribute("data-version")) || "";
  // The build's file this page is ("news/first/index.html"); "" for a 404
  // or "building" page, which a new page may replace at any change.
  var file = (script && script.getAttribute("data-file")) || "";
  var scrollKey = "samizdat:scroll:" + location.pathname;
  var overlay = null;
  // The latest build's warnings, drawn in a small panel while no overlay
  // is shown; whether it is expanded survives reloads in this tab.
  var warnings = [];
  var panel = null;
  var openKey = "samizdat:warnings-open";

  restoreScroll();
  followColorScheme();
  connect();

  function connect() {
    // The server says whether this page, though of an older version, is
    // still what it serves (state.fresh), so it need not reload.
    var es = new EventSource("/__samizdat/events?v=" + encodeURIComponent(known) + "&file=" + encodeURIComponent(file));
    es.addEventListener("state", function (e) {
      var s = parse(e.data);
      if (!s) return;
      // A different version means a build (or a server restart) happened
      // while this page was not listening; unless the server says no build
      // since changed this page (fresh), it is stale.
      if (known && s.version !== known && !s.fresh) return reload();
      known = s.version;
      if (s.problems && s.problems.length) show(s.problems);
      else if (overlay) return reload();
      if (Array.isArray(s.warnings)) setWarnings(s.warnings);
    });
    es.addEventListener("reload", function (e) {
      // A reload names the pages that changed when only some did: any
      // other page is already what the new build serves.
      var r = parse(e.data);
      if (r && r.pages && file && !overlay && r.pages.indexOf(file) < 0) {
        known = r.version;
        return;
      }
      reload();
    });
    es.addEventListener("css", function (e) {
      if (overlay) return reload();
      known = e.data;
      swapStylesheets();
    });
    es.addEventListener("problems", function (e) {
      var list = parse(e.data);
      if (list) show(list);
    });
    es.addEventListener("warnings", function (e) {
      var list = parse(e.data);
      if (Array.isArray(list)) setWarnings(list);
    });
    es.onerror = function () {
      // EventSource retries a dropped connection by itself, but gives up
      // for good when the server answers with an error (as while it shuts
      // down), so retry then too.
      if (es.readyState === EventSource.CLOSED) {
        es.close();
        setTimeout(connect, 1000);
      }
    };
  }

  function parse(data) {
    try {
      return JSON.parse(data);
    } catch (err) {
      return null;
    }
  }

  function reload() {
    try {
      sessionStorage.setItem(scrollKey, JSON.stringify([scrollX, scrollY]));
    } catch (err) {
      // storage disabled: reload without keeping the position
    }
    location.reload();
  }

  function restoreScroll() {
    var pos;
    try {
      pos = JSON.parse(sessionStorage.getItem(scrollKey));
      sessionStorage.removeItem(scrollKey);
    } catch (err) {
      return;
    }
    if (!pos) return;
    var go = function () { scrollTo(pos[0], pos[1]); };
    if (document.readyState === "complete") go();
    else addEventListener("load", go);
  }

  // swapStylesheets loads each same-origin stylesheet again beside the old
  // one and removes the old one once the new one is in, so the page never
  // shows unstyled.
  function swapStylesheets() {
    var links = document.querySelectorAll("link[rel~='stylesheet' i][href]");
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href, location.href);
      if (url.origin !== location.origin) return;
      url.searchParams.set("samizdat", Date.now());
      var next = link.cloneNode(false);
      next.href = url.href;
      next.onload = next.onerror = function () { link.remove(); };
      link.after(next);
    });
  }

  // show draws the problems panel with DOM calls and textContent only: the
  // problem text is never parsed as HTML.
  function show(list) {
    removeOverlay();
    overlay = el("div", "", {
      position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto",
      background: "rgba(24, 24, 24, 0.94)", color: "#f4f4f4", padding: "2rem",
      font: "16px/1.5 system-ui, sans-serif", textAlign: "left"
    });
    overlay.id = "samizdat-problems";
    overlay.setAttribute("role", "alert");

    var close = el("button", "Hide", { float: "right", font: "inherit" });
    close.type = "button";
    close.onclick = function () {
      removeOverlay();
      drawWarnings();
    };
    overlay.appendChild(close);

    var n = list.length;
    overlay.appendChild(el("h2", "The site could not be built: " + n +
      (n === 1 ? " problem" : " problems"), { margin: "0 0 0.5rem", color: "#ff8a80" }));
    overlay.appendChild(el("p", "You are seeing the last version that worked. " +
      "Fix the problem below and save the file; this page reloads by itself.", { margin: "0 0 1rem" }));

    var ul = el("ul", "", { listStyle: "none", margin: "0", padding: "0" });
    list.forEach(function (p) {
      var li = el("li", "", { margin: "0 0 1rem", padding: "0.75rem", background: "#333" });
      li.appendChild(el("div", p.position, { fontFamily: "monospace", color: "#ffd180" }));
      li.appendChild(el("div", p.message));
      if (p.hint) li.appendChild(el("div", p.hint, { color: "#b9f6ca" }));
      ul.appendChild(li);
    });
    overlay.appendChild(ul);
    (document.body || document.documentElement).appendChild(overlay);
    drawWarnings(); // the overlay takes the panel's place
  }

  function removeOverlay() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  function setWarnings(list) {
    warnings = list;
    drawWarnings();
  }

  // drawWarnings draws the warnings panel, or removes it when there are no
  // warnings or the overlay is shown: a small box in the bottom corner,
  // collapsed to its count behind a button. Like the overlay, it is built
  // with DOM calls and textContent only and styled through each element's
  // style object, which a page's CSP (style-src 'self') allows, unlike
  // style attributes and <style> elements. It has its own colours, light
  // or dark as the reader prefers, so it reads the same on any page.
  function drawWarnings() {
    if (panel) panel.remove();
    panel = null;
    if (overlay || !warnings.length) return;
    var c = prefersDark()
      ? { bg: "#262018", fg: "#f4f4f4", edge: "#ffd180", position: "#ffd180", hint: "#b9f6ca" }
      : { bg: "#fffbea", fg: "#1f1f1f", edge: "#8a4b00", position: "#7a3e00", hint: "#1b5e20" };
    panel = el("div", "", {
      position: "fixed", right: "1rem", bottom: "1rem", zIndex: "2147483646",
      maxWidth: "min(32rem, calc(100vw - 2rem))", maxHeight: "calc(100vh - 2rem)", overflow: "auto",
      boxSizing: "border-box", margin: "0", padding: "0", background: c.bg, color: c.fg,
      border: "2px solid " + c.edge, borderRadius: "6px", boxShadow: "0 2px 8px rgba(0, 0, 0, 0.35)",
      font: "14px/1.4 system-ui, sans-serif", textAlign: "left"
    });
    panel.id = "samizdat-warnings";
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-label", "Build warnings");

    var n = warnings.length;
    var toggle = el("button", "", {
      display: "block", width: "100%", margin: "0", padding: "0.4rem 0.75rem", border: "0",
      background: "transparent", color: "inherit", font: "inherit", fontWeight: "bold",
      textAlign: "left", cursor: "pointer"
    });
    toggle.type = "button";
    toggle.setAttribute("aria-controls", "samizdat-warnings-list");
    var arrow = el("span", "", { display: "inline-block", width: "1.2em" });
    arrow.setAttribute("aria-hidden", "true");
    toggle.appendChild(arrow);
    toggle.appendChild(el("span", n + (n === 1 ? " warning" : " warnings")));
    panel.appendChild(toggle);

    var box = el("div", "", { padding: "0 0.75rem 0.5rem" });
    box.id = "samizdat-warnings-list";
    box.appendChild(el("p", "The site is built, but each page named below loses something:",
      { margin: "0 0 0.5rem" }));
    var ul = el("ul", "", { listStyle: "none", margin: "0", padding: "0" });
    warnings.forEach(function (w) {
      var li = el("li", "", { margin: "0 0 0.5rem", padding: "0" });
      li.appendChild(el("div", w.position, { fontFamily: "monospace", color: c.position }));
      li.appendChild(el("div", w.message));
      if (w.hint) li.appendChild(el("div", w.hint, { color: c.hint }));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    panel.appendChild(box);

    var expand = function (open) {
      toggle.setAttribute("aria-expanded", String(open));
      arrow.textContent = open ? "\u25be" : "\u25b8";
      box.hidden = !open;
      box.style.display = open ? "block" : "none"; // a site's stylesheet may override [hidden]
      try {
        if (open) sessionStorage.setItem(openKey, "1");
        else sessionStorage.removeItem(openKey);
      } catch (err) {
        // storage disabled: the panel starts collapsed after a reload
      }
    };
    toggle.onclick = function () {
      expand(toggle.getAttribute("aria-expanded") !== "true");
    };
    panel.onkeydown = function (e) {
      if (e.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        expand(false);
        toggle.focus();
      }
    };
    var open = false;
    try {
      open = sessionStorage.getItem(openKey) === "1";
    } catch (err) {
      // storage disabled: start collapsed
    }
    expand(open);
    (document.body || document.documentElement).appendChild(panel);
  }

  function prefersDark() {
    return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  }

  // followColorScheme redraws the panel in the other colours when the
  // reader switches between light and dark.
  function followColorScheme() {
    if (typeof matchMedia !== "function") return;
    var mq = matchMedia("(prefers-color-scheme: dark)");
    if (mq.addEventListener) mq.addEventListener("change", drawWarnings);
  }

  function el(tag, text, style) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (style) Object.assign(e.style, style);
    return e;
  }
})();
