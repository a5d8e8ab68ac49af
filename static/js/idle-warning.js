// Warn staff before the idle sign-out, so what they have typed can be saved first.
// The server counts idle time from the last request; this page load is one.
(function () {
  "use strict";
  var script = document.currentScript;
  var idle = Number(script.dataset.idleSeconds);
  var place = document.querySelector(script.dataset.into);
  if (!idle || !place) {
    return;
  }
  var lead = Math.min(300, idle / 2);
  window.setTimeout(function () {
    var warning = document.createElement("p");
    warning.className = script.dataset.warningClass;
    warning.setAttribute("role", "alert");
    warning.textContent =
      "You will be signed out in " + Math.round(lead / 60) + " minutes to keep patient " +
      "data safe. Save your changes now, or they will be lost.";
    place.insertBefore(warning, place.firstChild);
  }, (idle - lead) * 1000);
})();
