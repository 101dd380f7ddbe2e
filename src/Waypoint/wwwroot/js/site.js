// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // The language switcher submits itself when a language is chosen; its button stays for keyboard and no-script use.
  var select = document.getElementById("language-select");
  if (select && select.form) {
    select.addEventListener("change", function () { select.form.submit(); });
  }
})();
