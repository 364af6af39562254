// Fold notebook cells tagged "solution" behind a button, on every page load
// (Material's document$ also fires after instant navigation).
(function () {
  function fold() {
    var zh = document.documentElement.lang === "zh";
    document.querySelectorAll(".jp-Cell.celltag_solution:not([data-ck-folded])").forEach(function (cell) {
      cell.setAttribute("data-ck-folded", "");
      cell.classList.add("ck-solution--hidden");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button ck-solution__toggle";
      var show = zh ? "显示答案" : "Show solution", hide = zh ? "隐藏答案" : "Hide solution";
      button.textContent = show;
      button.setAttribute("aria-expanded", "false");
      button.addEventListener("click", function () {
        var hidden = cell.classList.toggle("ck-solution--hidden");
        button.textContent = hidden ? show : hide;
        button.setAttribute("aria-expanded", String(!hidden));
      });
      cell.parentNode.insertBefore(button, cell);
    });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(fold); } else { document.addEventListener("DOMContentLoaded", fold); }
})();
