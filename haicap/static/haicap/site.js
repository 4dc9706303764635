// Behaviour that pages used to carry inline, kept here so that the Content-Security-Policy can
// forbid inline scripts: the language picker submits on change; Ctrl+Enter submits the form of
// an element marked data-submit-on-ctrl-enter.
document.addEventListener("change", function (e) {
  var t = e.target;
  if (t && t.matches && t.matches("select[data-submit-on-change]")) { t.form.submit(); }
});
document.addEventListener("keydown", function (e) {
  if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey)) { return; }
  var t = e.target && e.target.closest ? e.target.closest("[data-submit-on-ctrl-enter]") : null;
  if (!t) { return; }
  var form = t.tagName === "FORM" ? t : t.form;
  if (form) { e.preventDefault(); form.requestSubmit(); }
});
// Right after acceptance the receipt slip (form 01) is shown in a frame: open the print dialog.
document.addEventListener("DOMContentLoaded", function () {
  var frame = document.querySelector("iframe[data-print-on-load]");
  // a driven browser (tests, headless) has no printer: its print() of a PDF frame crashes the page
  if (!frame || navigator.webdriver) { return; }
  frame.addEventListener("load", function () {
    try { frame.contentWindow.focus(); frame.contentWindow.print(); } catch (err) { /* the link stays */ }
  });
});
// The main navigation stays on one line: the links that do not fit move, last first, into the
// "more" menu (a <details>), and come back when the window widens. With no script the list wraps.
(function () {
  var nav = document.querySelector("[data-overflow-menu]");
  if (!nav) { return; }
  document.documentElement.classList.add("js");
  var list = nav.querySelector(".navlinks");
  var more = nav.querySelector("details.more");
  var extra = more.querySelector(".more-links");
  var summary = more.querySelector("summary");
  var items = Array.prototype.slice.call(list.children);
  function fits() { return list.scrollWidth <= list.clientWidth; }
  function layout() {
    items.forEach(function (li) { list.appendChild(li); });
    more.hidden = true;
    if (fits()) { return; }
    more.hidden = false;
    var moved = items.slice();
    while (moved.length && !fits()) { extra.insertBefore(moved.pop(), extra.firstChild); }
    summary.textContent = moved.length ? more.dataset.more : more.dataset.all;
    list.hidden = moved.length === 0;
  }
  var pending = false;
  function relayout() {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; list.hidden = false; layout(); });
  }
  layout();
  window.addEventListener("resize", relayout);
  // a click outside, or Escape, closes the menu
  document.addEventListener("click", function (e) { if (more.open && !more.contains(e.target)) { more.open = false; } });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && more.open) { more.open = false; summary.focus(); }
  });
})();
