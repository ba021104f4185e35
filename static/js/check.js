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

  // Until the new result arrives, the one on screen is for other words: dim it.
  function markStale() {
    var result = document.getElementById("result");
    if (result) {
      result.classList.add("result--stale");
    }
  }

  // If a check fails, never leave an old verdict standing for the new text.
  function showFailure() {
    var result = document.getElementById("result");
    if (!result) {
      return;
    }
    result.classList.remove("result--stale");
    result.replaceChildren();
    var box = document.createElement("div");
    box.className = "verdict verdict--error";
    var heading = document.createElement("h2");
    heading.id = "result-heading";
    heading.textContent = "Safepost couldn't check this just now";
    var advice = document.createElement("p");
    advice.textContent = "Nothing has been posted. Wait a moment, then press Check post to try again.";
    box.append(heading, advice);
    result.append(box);
    document.getElementById("verdict-status").textContent = heading.textContent + ".";
  }

  text.addEventListener("input", update);
  text.addEventListener("input", markStale);
  preset.addEventListener("change", update);
  form.addEventListener("change", function (event) {
    // The textarea's own change (on blur) sends no request: only its input events do.
    if (event.target !== text) {
      markStale();
    }
  });
  form.addEventListener("htmx:responseError", showFailure);
  form.addEventListener("htmx:sendError", showFailure);
  update();
})();
