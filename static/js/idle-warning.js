// Warn staff before the idle sign-out, so what they have typed is not lost.
// The server counts idle time from the last request; this page load is one. Typing in a
// form also counts (a note can take a while to write): at most once a minute, it tells
// the server, as the warning's "Stay signed in" button does.
(function () {
  "use strict";
  var script = document.currentScript;
  var idle = Number(script.dataset.idleSeconds);
  var place = document.querySelector(script.dataset.into);
  if (!idle || !place || !window.fetch) {
    return;
  }
  var lead = Math.min(300, idle / 2);
  // The server notes activity at most once a minute, so its clock may have started
  // up to a minute before the last request: warn that much earlier.
  var margin = Math.min(60, idle / 4);
  var timer = null;
  var warning = null;
  var lastTold = Date.now();

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function tellServer() {
    lastTold = Date.now();
    return fetch(script.dataset.stillHere, {
      method: "POST",
      headers: { "X-CSRFToken": csrfToken() },
      credentials: "same-origin",
      redirect: "manual",
    }).then(function (response) {
      if (response.status !== 204) {
        throw new Error("signed out");
      }
      restart();
    });
  }

  function restart() {
    if (warning) {
      warning.remove();
      warning = null;
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(warn, (idle - lead - margin) * 1000);
  }

  function warn() {
    warning = document.createElement("div");
    warning.className = script.dataset.warningClass + " idle-warning";
    warning.setAttribute("role", "alert");
    var text = document.createElement("p");
    text.textContent =
      "You will be signed out in about " + Math.round(lead / 60) + " minutes to keep " +
      "patient data safe. Anything you have typed and not saved would be lost.";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = "Stay signed in";
    button.addEventListener("click", function () {
      button.disabled = true;
      tellServer().catch(function () {
        text.textContent =
          "You have been signed out. Copy anything you typed before you sign in again.";
        button.remove();
      });
    });
    warning.append(text, button);
    place.insertBefore(warning, place.firstChild);
  }

  document.addEventListener("input", function () {
    if (Date.now() - lastTold > 60000) {
      tellServer().catch(function () {});
    }
  });
  restart();
})();
