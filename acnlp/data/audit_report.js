/* The acnlp audit page's filters and label review (acnlp/audit/html.py): no server, no libraries.
   Ticked label boxes keep only rows with those labels, ticked flag boxes only rows with any of
   those flags; nothing ticked in a group means that group does not filter. A row's drop-down
   sets its reviewed label (and enables its note); «Зберегти правки» downloads every reviewed
   row as JSON Lines (NAME.corrections.jsonl) through a Blob, so nothing leaves the machine.
   The script reads data-* attributes and form values and writes only `hidden`, `disabled`,
   classes and textContent: it never builds HTML from data. */
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
  // --- Review: the rows' drop-downs and notes, saved as JSON Lines ---
  var report = document.body.getAttribute("data-report") || "report";
  var reviews = list("tr.measure select[data-review]");
  var unsaved = document.getElementById("unsaved");
  var saved = document.getElementById("saved");
  var save = document.getElementById("save-reviews");
  var changed = {};  // row id -> true: edited since the last save

  function controls(select) {
    var row = select.closest("tr.measure");
    return { row: row, select: select, note: row.querySelector("input[data-note]") };
  }

  function mark(select) {
    var c = controls(select);
    var label = c.select.value;
    c.note.disabled = label === "";
    c.row.classList.toggle("reviewed", label !== "");
    c.row.classList.toggle("relabelled", label !== "" && label !== c.row.getAttribute("data-model-label"));
  }

  function edited(select) {
    changed[controls(select).row.id] = true;
    mark(select);
    unsaved.textContent = String(Object.keys(changed).length);
    saved.textContent = "";
  }

  // One correction per reviewed row, its keys in the order of acnlp.audit.html.CORRECTION_KEYS.
  function corrections() {
    return reviews.filter(function (select) { return select.value !== ""; }).map(function (select) {
      var c = controls(select);
      return JSON.stringify({
        report: report,
        source: c.row.getAttribute("data-source"),
        status: c.row.getAttribute("data-status"),
        measure: c.row.getAttribute("data-measure"),
        label: c.row.getAttribute("data-model-label"),
        label_reviewed: c.select.value,
        review_note: c.note.value.trim()
      });
    });
  }

  function download() {
    var lines = corrections();
    if (lines.length === 0) {
      saved.textContent = "Правок немає: оберіть мітку в рядку.";
      return;
    }
    var name = report + ".corrections.jsonl";
    var url = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], { type: "application/x-ndjson" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    changed = {};
    unsaved.textContent = "0";
    saved.textContent = "Збережено " + lines.length + " у " + name;
  }

  reviews.forEach(function (select) {
    var c = controls(select);
    select.addEventListener("change", function () { edited(select); });
    c.note.addEventListener("input", function () { edited(select); });
    mark(select);  // a reload may restore what was chosen
    select.closest(".review").hidden = false;
  });
  if (save) { save.addEventListener("click", download); }
  // Leaving the page with edits not saved loses them: the browser asks first.
  window.addEventListener("beforeunload", function (event) {
    if (Object.keys(changed).length > 0) { event.preventDefault(); event.returnValue = ""; }
  });

  if (panel) { panel.hidden = false; }
  // The browser may restore ticked boxes on reload: start from what they say.
  apply();
}());
