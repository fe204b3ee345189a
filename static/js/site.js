// Quick exit: leave for a neutral site at once, replacing this page in the history so the back
// button does not return here. Works as a plain link without JavaScript.
(function () {
  "use strict";
  function leave(url) {
    try { document.body.style.display = "none"; } catch (e) { /* ignore */ }
    window.location.replace(url);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-quick-exit]");
    if (!link) { return; }
    event.preventDefault();
    leave(link.href);
  });
  // Pressing Escape three times in quick succession also leaves.
  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1500; });
    presses.push(now);
    if (presses.length >= 3) {
      var link = document.querySelector("[data-quick-exit]");
      if (link) { leave(link.href); }
    }
  });
  // Move focus to an error summary so screen reader users hear what went wrong.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  } else {
    // After answering, move focus to the results summary at the top (its heading has the score),
    // so the outcome is the first thing seen and read out.
    var results = document.querySelector("[data-results]");
    if (results) { results.focus(); }
  }
})();
