// Moves the focus to a form's error summary, so that keyboard and screen-reader users hear what to fix first.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();
