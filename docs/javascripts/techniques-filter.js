// Filter the tables of techniques (the "all 92" page and each chapter) by chapter, stage,
// compliance level and risk grade, in the browser, with no server. The table stays
// plain Markdown output: the values are read from its cells (columns: no., title,
// chapter, stage, compliance, risk grades).
(function () {
  var TEXT = {
    zh: { chapter: "章", stage: "阶段", compliance: "合规", grade: "风险等级", all: "全部",
          chapterName: function (n) { return "第" + n + "章"; }, shown: function (a, b) { return "显示 " + a + " / " + b + " 招"; },
          reset: "清除筛选", none: "没有符合条件的技巧。" },
    en: { chapter: "Chapter", stage: "Stage", compliance: "Compliance", grade: "Risk grade", all: "All",
          chapterName: function (n) { return "Chapter " + n; }, shown: function (a, b) { return a + " of " + b + " techniques"; },
          reset: "Clear filters", none: "No technique matches." }
  };
  var FACETS = [["chapter", 2], ["stage", 3], ["compliance", 4], ["grade", 5]];

  function values(row, key, col) {
    var cell = row.cells[col];
    if (!cell) { return []; }
    if (key === "compliance") {
      var badge = cell.querySelector(".ck-badge");
      return badge ? [badge.textContent.trim()] : [];
    }
    var text = cell.textContent.trim();
    return key === "grade" ? text.split(/[、,]\s*/).filter(Boolean) : [text];
  }

  function setup(box) {
    var table = box.querySelector("table");
    if (!table || !table.tBodies.length) { return; }
    box.setAttribute("data-ck-ready", "");
    var t = TEXT[document.documentElement.lang === "en" ? "en" : "zh"];
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var form = document.createElement("form");
    form.className = "ck-filter";
    form.setAttribute("role", "search");
    var selects = {};
    FACETS.forEach(function (facet) {
      var key = facet[0], seen = [];
      rows.forEach(function (row) {
        values(row, key, facet[1]).forEach(function (v) { if (seen.indexOf(v) < 0) { seen.push(v); } });
      });
      if (seen.length < 2) { return; }  // a chapter page has one chapter: no menu for it
      var label = document.createElement("label");
      var span = document.createElement("span");
      span.textContent = t[key];
      var select = document.createElement("select");
      select.name = key;
      select.appendChild(new Option(t.all, ""));
      seen.forEach(function (v) { select.appendChild(new Option(key === "chapter" ? t.chapterName(v) : v, v)); });
      label.appendChild(span);
      label.appendChild(select);
      form.appendChild(label);
      selects[key] = { select: select, col: facet[1] };
    });
    var status = document.createElement("output");
    status.className = "ck-filter__count";
    status.setAttribute("aria-live", "polite");
    var reset = document.createElement("button");
    reset.type = "reset";
    reset.className = "md-button ck-filter__reset";
    reset.textContent = t.reset;
    form.appendChild(status);
    form.appendChild(reset);
    box.insertBefore(form, box.firstChild);

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = Object.keys(selects).every(function (key) {
          var want = selects[key].select.value;
          return !want || values(row, key, selects[key].col).indexOf(want) >= 0;
        });
        row.hidden = !ok;
        if (ok) { shown++; }
      });
      status.textContent = shown ? t.shown(shown, rows.length) : t.none;
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  function init() {
    document.querySelectorAll(".ck-techniques:not([data-ck-ready])").forEach(setup);
  }
  if (typeof document$ !== "undefined") { document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
