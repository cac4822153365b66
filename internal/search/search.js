// Site search, written by samizdat (package search; docs/templates.md,
// "Search"). It filters the index that search-index.js assigned to
// window.samizdatSearch as the reader types. It loads nothing, so it
// works from file:// and on any mirror, and needs no eval or inline
// script. Without it the page keeps what it says for readers without
// JavaScript.
(function () {
  "use strict";
  var box = document.querySelector("[data-search]");
  var index = window.samizdatSearch;
  if (!box || !index || !index.pages) { return; }
  var input = box.querySelector("input");
  var status = box.querySelector("[data-search-status]");
  var list = box.querySelector("[data-search-results]");
  if (!input || !status || !list) { return; }

  // The index's addresses are relative to its own folder, which is
  // where the page's <script src> found it.
  var base = "";
  var scripts = document.getElementsByTagName("script");
  for (var i = 0; i < scripts.length; i++) {
    var src = (scripts[i].getAttribute("src") || "").split(/[?#]/)[0];
    if (/(^|\/)search-index(\.[0-9a-f]+)?\.js$/.test(src)) {
      base = src.slice(0, src.lastIndexOf("/") + 1);
      break;
    }
  }

  // Letters are compared folded: lower case, without accents (é is e,
  // ё is е), and the Kazakh letters as the Russian ones readers type on
  // a keyboard without them (қ is к, ө is о…). й stays й.
  var stand = {
    "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у",
    "һ": "х", "і": "и", "ё": "е", "й": "й", "ı": "i"
  };
  var marks, separators;
  try {
    marks = new RegExp("\\p{M}", "gu");
    separators = new RegExp("[^\\p{L}\\p{N}]+", "u");
  } catch (e) {
    marks = /[\u0300-\u036f\u0483-\u0489]/g;
    separators = /[\s.,;:!?'"()\[\]{}<>\/\\«»„“”‘’–—-]+/;
  }
  var folded = {};
  function foldChar(c) {
    var f = folded[c];
    if (f === undefined) {
      f = c.toLowerCase();
      if (stand.hasOwnProperty(f)) {
        f = stand[f];
      } else if (f.normalize) {
        f = f.normalize("NFD").replace(marks, "");
      }
      folded[c] = f;
    }
    return f;
  }
  // fold folds s one character at a time; with at, it also records for
  // each folded character the index in s of the character it came from,
  // and s.length at the end.
  function fold(s, at) {
    var out = "";
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i), from = i, code = s.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length) { c += s.charAt(++i); }
      var f = foldChar(c);
      out += f;
      if (at) { for (var k = 0; k < f.length; k++) { at.push(from); } }
    }
    if (at) { at.push(s.length); }
    return out;
  }

  var pages = [];
  for (var n = 0; n < index.pages.length; n++) {
    var p = index.pages[n];
    pages.push({ page: p, title: fold(p.title || ""), description: fold(p.description || ""), text: fold(p.text || "") });
  }

  function occurrences(s, w) {
    var n = 0;
    for (var i = s.indexOf(w); i >= 0 && n < 10; i = s.indexOf(w, i + w.length)) { n++; }
    return n;
  }

  // find returns the pages holding every word of the query, the ones with
  // it in the title first, then in the description, then most often in
  // the text; ties keep the index's order.
  function find(words) {
    var found = [];
    for (var n = 0; n < pages.length; n++) {
      var e = pages[n], score = 0;
      for (var i = 0; i < words.length; i++) {
        var w = words[i];
        var t = e.title.indexOf(w) >= 0, d = e.description.indexOf(w) >= 0, c = occurrences(e.text, w);
        if (!t && !d && !c) { score = -1; break; }
        score += (t ? 1000 : 0) + (d ? 100 : 0) + c;
      }
      if (score >= 0) { found.push({ entry: e, score: score, order: n }); }
    }
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return found;
  }

  // excerpt returns the text around the first word found in it, the
  // words marked, or null when none is in the text.
  function excerpt(text, words) {
    var at = [], f = fold(text, at), first = -1, i, w;
    for (i = 0; i < words.length; i++) {
      w = f.indexOf(words[i]);
      if (w >= 0 && (first < 0 || w < first)) { first = w; }
    }
    if (first < 0) { return null; }
    var from = Math.max(0, at[first] - 60), to = Math.min(text.length, at[first] + 160);
    var space = text.indexOf(" ", from);
    if (from > 0 && space >= 0 && space < at[first]) { from = space + 1; }
    if (to < text.length) { to = Math.max(text.lastIndexOf(" ", to), at[first] + 1); }
    var spans = [];
    for (i = 0; i < words.length; i++) {
      for (w = f.indexOf(words[i]); w >= 0; w = f.indexOf(words[i], w + 1)) {
        var a = at[w], b = at[w + words[i].length];
        if (a >= from && b <= to) { spans.push([a, b]); }
      }
    }
    spans.sort(function (x, y) { return x[0] - y[0] || y[1] - x[1]; });
    var out = document.createElement("p"), pos = from;
    out.className = "search-excerpt";
    if (from > 0) { out.appendChild(document.createTextNode("… ")); }
    for (i = 0; i < spans.length; i++) {
      if (spans[i][0] < pos) { continue; }
      out.appendChild(document.createTextNode(text.slice(pos, spans[i][0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(spans[i][0], spans[i][1]);
      out.appendChild(mark);
      pos = spans[i][1];
    }
    out.appendChild(document.createTextNode(text.slice(pos, to) + (to < text.length ? " …" : "")));
    return out;
  }

  // The count is announced once the reader pauses, not at every key.
  var timer;
  function announce(text) {
    clearTimeout(timer);
    timer = setTimeout(function () { status.textContent = text; }, 400);
  }

  function show(query) {
    var words = fold(query).split(separators).filter(function (w) { return w; });
    list.textContent = "";
    if (words.join("").length < 2) {
      announce("");
      return;
    }
    var found = find(words);
    for (var n = 0; n < found.length; n++) {
      var p = found[n].entry.page;
      var li = document.createElement("li");
      if (p.lang) { li.lang = p.lang; }
      var a = document.createElement("a");
      a.href = base + p.url;
      a.textContent = p.title;
      li.appendChild(a);
      var more = excerpt(p.text || "", words);
      if (!more && p.description) {
        more = document.createElement("p");
        more.textContent = p.description;
      }
      if (more) { li.appendChild(more); }
      list.appendChild(li);
    }
    announce(found.length ?
      (status.getAttribute("data-found") || "") + " " + found.length :
      status.getAttribute("data-none") || "0");
  }

  var form = input.form;
  if (form) {
    // There is nowhere to send it: the results are on this page.
    form.addEventListener("submit", function (e) { e.preventDefault(); });
  }
  input.addEventListener("input", function () { show(input.value); });
  var nojs = document.querySelectorAll("[data-search-nojs]");
  for (var k = 0; k < nojs.length; k++) { nojs[k].hidden = true; }
  box.hidden = false;
  if (input.value) { show(input.value); } // kept by the browser on coming back
}());
