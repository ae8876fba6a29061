// accords: the little JavaScript the pages use. Everything works without it (plain anchors and
// :target); with it, following a field's evidence also lights up every other span of that
// field, in every source, and the field itself.
"use strict";

(function () {
  function lightUp(field) {
    document.querySelectorAll("mark.evidence.lit").forEach(function (m) { m.classList.remove("lit"); });
    document.querySelectorAll("dd.lit").forEach(function (d) { d.classList.remove("lit"); });
    var marks = Array.prototype.filter.call(document.querySelectorAll("mark.evidence"), function (m) {
      return (m.getAttribute("data-field") || "").split(" ").indexOf(field) >= 0;
    });
    marks.forEach(function (m) { m.classList.add("lit"); });
    var dd = document.querySelector('#fields dd[data-field="' + CSS.escape(field) + '"]');
    if (dd) { dd.classList.add("lit"); }
  }

  // The anchor still does its work (the browser scrolls to the mark and sets :target); this
  // only adds the highlight of the field's other spans.
  function onEvidenceClick(event) {
    var link = event.target.closest("a.evidence-link");
    if (!link) { return; }
    lightUp(link.getAttribute("data-field") || "");
  }

  document.addEventListener("click", onEvidenceClick);
})();
