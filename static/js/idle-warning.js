// Warn staff before the idle sign-out, so what they have typed is not lost.
// The server counts idle time from the last request; this page load is one. Typing in a
// form also counts (a note can take a while to write): at most once a minute, it tells
// the server, as the warning's "Stay signed in" button does. Once the time is up, the
// warning says so, as the next save would go to the sign-in page.
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
  var deadline = null;
  var pending = null;
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
    window.clearTimeout(deadline);
    timer = window.setTimeout(warn, (idle - lead - margin) * 1000);
    deadline = window.setTimeout(timeUp, idle * 1000);
  }

  function minutes(seconds) {
    var count = Math.max(1, Math.round(seconds / 60));
    return count + (count === 1 ? " minute" : " minutes");
  }

  function warn() {
    warning = document.createElement("div");
    warning.className = script.dataset.warningClass + " idle-warning";
    warning.setAttribute("role", "alert");
    var text = document.createElement("p");
    text.textContent =
      "You will be signed out in about " + minutes(lead) + " to keep " +
      "patient data safe. Anything you have typed and not saved would be lost.";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = "Stay signed in";
    button.addEventListener("click", function () {
      button.disabled = true;
      tellServer().catch(signedOut);
    });
    warning.append(text, button);
    place.insertBefore(warning, place.firstChild);
  }

  function say(words) {
    if (!warning) {
      warn();
    }
    warning.querySelector("p").textContent = words;
  }

  // Using the site in another tab keeps this session too, so "probably"; the button
  // then asks the server and says which.
  function timeUp() {
    say(
      "You have probably been signed out. Copy anything you typed and not saved, " +
        "then choose Stay signed in to check."
    );
    warning.querySelector("button").disabled = false;
  }

  function signedOut() {
    window.clearTimeout(deadline);
    say("You have been signed out. Copy anything you typed before you sign in again.");
    warning.querySelector("button").remove();
  }

  // Typing within a minute of the last word to the server is told when the minute is up.
  document.addEventListener("input", function () {
    var wait = 60000 - (Date.now() - lastTold);
    if (wait <= 0) {
      tellServer().catch(signedOut);
    } else if (!pending) {
      pending = window.setTimeout(function () {
        pending = null;
        tellServer().catch(signedOut);
      }, wait);
    }
  });
  restart();
})();
