// Photos are uploaded as soon as they are chosen, so Safepost finds the faces straight away
// (no "Save draft" first). The form's own button still works without JavaScript.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.hasAttribute("data-upload-on-choose")) {
      return;
    }
    if (!input.files || !input.files.length || !input.form) {
      return;
    }
    var button = input.form.querySelector(input.getAttribute("data-upload-on-choose"));
    var status = document.getElementById(input.getAttribute("aria-describedby").split(" ")[0]);
    if (status) {
      status.textContent = "Uploading " + input.files.length + " photo" + (input.files.length > 1 ? "s" : "") +
        " and finding the faces…";
    }
    input.form.requestSubmit(button || undefined);
  });
})();
