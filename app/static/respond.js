// Enhancements only: every page works without this file.
(function () {
  "use strict";
  // Quick exit: replace this page in history so Back does not return to the survey.
  var exit = document.getElementById("exit");
  if (exit) {
    exit.addEventListener("click", function (event) {
      event.preventDefault();
      fetch(exit.href, {method: "GET", credentials: "same-origin", redirect: "manual"}).finally(function () {
        window.location.replace(exit.getAttribute("data-to"));
      });
    });
  }
  // Put focus on the error summary so screen readers announce it.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
  // Live character count under free-text boxes.
  Array.prototype.forEach.call(document.querySelectorAll("textarea[data-max]"), function (box) {
    var max = parseInt(box.getAttribute("data-max"), 10);
    var out = document.getElementById(box.id + "-count");
    if (!out) { return; }
    out.setAttribute("aria-live", "polite");
    function update() {
      var left = max - box.value.length;
      out.textContent = (left >= 0 ? out.dataset.left : out.dataset.over).replace("%d", Math.abs(left));
      out.classList.toggle("over", left < 0);
    }
    if (out.dataset.left && out.dataset.over) { box.addEventListener("input", update); update(); }
  });
})();
