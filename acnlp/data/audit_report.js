/* The acnlp audit page's filters (acnlp/audit/html.py): no server, no libraries.
   Ticked label boxes keep only rows with those labels, ticked flag boxes only rows with any of
   those flags; nothing ticked in a group means that group does not filter. The script reads
   data-* attributes and writes only `hidden` and textContent: it never builds HTML from data. */
(function () {
  "use strict";
  var list = function (selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); };
  var rows = list("tr.measure");
  var groups = list("tbody.section");
  var boxes = list("input[data-filter]");
  var shown = document.getElementById("shown");
  var reset = document.getElementById("reset");
  var panel = document.getElementById("filters");

  function ticked(kind) {
    return boxes
      .filter(function (box) { return box.getAttribute("data-filter") === kind && box.checked; })
      .map(function (box) { return box.value; });
  }

  function matches(row, labels, flags) {
    var rowFlags = (row.getAttribute("data-flags") || "").split(" ").filter(Boolean);
    var labelOk = labels.length === 0 || labels.indexOf(row.getAttribute("data-label")) >= 0;
    var flagOk = flags.length === 0 || flags.some(function (flag) { return rowFlags.indexOf(flag) >= 0; });
    return labelOk && flagOk;
  }

  function apply() {
    var labels = ticked("label");
    var flags = ticked("flag");
    var count = 0;
    rows.forEach(function (row) {
      row.hidden = !matches(row, labels, flags);
      if (!row.hidden) { count += 1; }
    });
    // A section heading with none of its rows left would only add noise.
    groups.forEach(function (group) {
      group.hidden = group.querySelector("tr.measure:not([hidden])") === null && group.querySelector("tr.measure") !== null;
    });
    if (shown) { shown.textContent = String(count); }
  }

  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  if (reset) {
    reset.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      apply();
    });
  }
  if (panel) { panel.hidden = false; }
  // The browser may restore ticked boxes on reload: start from what they say.
  apply();
}());
