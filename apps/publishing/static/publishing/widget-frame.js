/* Safepost feed widget, inside the frame: tell the page that embeds it how tall the content is. */
(function () {
  "use strict";
  if (window.parent === window) { return; }
  var last = 0;
  function report() {
    // The body's own height: the root element's would never be less than the frame's.
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height && height !== last) {
      last = height;
      window.parent.postMessage({ safepost: "height", height: height }, "*");
    }
  }
  window.addEventListener("load", report);
  window.addEventListener("resize", report);
  if (window.ResizeObserver) { new ResizeObserver(report).observe(document.body); }
  if (document.readyState !== "loading") { report(); }
  else { document.addEventListener("DOMContentLoaded", report); }
})();
