// samizdat live reload. Served by `samizdat serve` only; never part of a build.
// Events (see internal/devserver): "state" {version, problems} first on every
// connection, then "reload" {version, pages: the files that changed, or
// none for all}, "css" (data: new version) and "problems" (list).
(function () {
  "use strict";

  var script = document.currentScript;
  var known = (script && script.getAttribute("data-version")) || "";
  // The build's file this page is ("news/first/index.html"); "" for a 404
  // or "building" page, which a new page may replace at any change.
  var file = (script && script.getAttribute("data-file")) || "";
  var scrollKey = "samizdat:scroll:" + location.pathname;
  var overlay = null;

  restoreScroll();
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
      else if (overlay) reload();
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
    hide();
    overlay = el("div", "", {
      position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto",
      background: "rgba(24, 24, 24, 0.94)", color: "#f4f4f4", padding: "2rem",
      font: "16px/1.5 system-ui, sans-serif", textAlign: "left"
    });
    overlay.id = "samizdat-problems";
    overlay.setAttribute("role", "alert");

    var close = el("button", "Hide", { float: "right", font: "inherit" });
    close.type = "button";
    close.onclick = hide;
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
  }

  function hide() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  function el(tag, text, style) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (style) Object.assign(e.style, style);
    return e;
  }
})();
