// Small conveniences for the admin pages; every page works without them. A script file rather than
// inline handlers, since the Content-Security-Policy allows no inline script.
(function () {
  "use strict";
  // A choice that narrows the next one (a county's towns) reloads the filter form at once.
  Array.prototype.forEach.call(document.querySelectorAll("select[data-autosubmit]"), function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  // A canned reply (常用语) chosen from the list goes into its text box, to be adapted before sending.
  Array.prototype.forEach.call(document.querySelectorAll("select[data-insert]"), function (select) {
    select.addEventListener("change", function () {
      var box = document.getElementById(select.getAttribute("data-insert"));
      if (box && select.value) {
        box.value = box.value ? box.value + "\n" + select.value : select.value;
        box.focus();
      }
      select.value = "";
    });
  });
  // Filters fold on a phone (the list comes first); on a wide screen they stand open.
  if (window.matchMedia && window.matchMedia("(min-width: 700px)").matches) {
    Array.prototype.forEach.call(document.querySelectorAll("details[data-open-wide]"), function (d) { d.open = true; });
  }
})();
