// The live character counter on the check page. Counts as the server does
// (safepost.policy.rules.over_length.post_length): links count as 23 characters.
(function () {
  "use strict";
  var form = document.getElementById("check-form");
  var limitsScript = document.getElementById("preset-limits");
  if (!form || !limitsScript) {
    return;
  }
  var text = form.querySelector("textarea");
  var preset = form.querySelector("select[name=preset]");
  var counter = document.getElementById("counter");
  var limits = JSON.parse(limitsScript.textContent);
  var URL_RE = /(?:https?:\/\/|www\.)\S+/gi;
  var LINK = new Array(24).join("x");

  function postLength(value) {
    var s = value.trim().normalize("NFC").replace(URL_RE, LINK);
    return Array.from(s).length;
  }

  function update() {
    var limit = limits[preset.value] || 280;
    var n = postLength(text.value);
    counter.querySelector("[data-count]").textContent = n;
    counter.querySelector("[data-limit]").textContent = limit;
    counter.querySelector("[data-over]").textContent = n > limit ? ", " + (n - limit) + " over the limit" : "";
    counter.classList.toggle("counter--over", n > limit);
  }

  text.addEventListener("input", update);
  preset.addEventListener("change", update);
  update();
})();
