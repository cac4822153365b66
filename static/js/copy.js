// Adds a "copy" button to the campaign letter. Without JavaScript the letter
// is plain, selectable text; this script only adds the button.
(function () {
  "use strict";
  var letter = document.getElementById("letter");
  if (!letter) { return; }

  var status = document.createElement("p");
  status.className = "copy-status";
  status.setAttribute("role", "status");

  var button = document.createElement("button");
  button.type = "button";
  button.className = "button copy-button";
  button.textContent = letter.getAttribute("data-copy-label") || "Copy";

  function text() {
    return Array.prototype.map.call(letter.querySelectorAll("p"), function (p) {
      return p.innerText.trim();
    }).join("\n\n");
  }

  function selectLetter() {
    var range = document.createRange();
    range.selectNodeContents(letter);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    return sel;
  }

  function done(ok) {
    status.textContent = letter.getAttribute(ok ? "data-copied-label" : "data-copy-failed-label") || "";
  }

  button.addEventListener("click", function () {
    var t = text();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(t).then(function () { done(true); }, function () {
        selectLetter();
        done(false);
      });
      return;
    }
    var sel = selectLetter();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    if (ok) { sel.removeAllRanges(); }
    done(ok);
  });

  var actions = letter.parentNode.querySelector(".letter-actions");
  if (actions) {
    actions.insertBefore(button, actions.firstChild);
    actions.parentNode.insertBefore(status, actions.nextSibling);
  } else {
    letter.parentNode.insertBefore(button, letter.nextSibling);
    letter.parentNode.insertBefore(status, button.nextSibling);
  }
}());
