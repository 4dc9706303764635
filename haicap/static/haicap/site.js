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
