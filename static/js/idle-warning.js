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
  // The server notes activity at most once a minute, so its clock may have started
  // up to a minute before this page loaded: warn that much earlier.
  var margin = Math.min(60, idle / 4);
  window.setTimeout(function () {
    var warning = document.createElement("p");
    warning.className = script.dataset.warningClass;
    warning.setAttribute("role", "alert");
    warning.textContent =
      "You will be signed out in about " + Math.round(lead / 60) + " minutes to keep patient " +
      "data safe. Save your changes now, or they will be lost.";
    place.insertBefore(warning, place.firstChild);
  }, (idle - lead - margin) * 1000);
})();
