// Index pages: filter rows by the words typed (every word must appear in the row), and sort
// by a column when its heading is pressed (again: the other way). Numbers sort as numbers.
(function () {
  var table = document.querySelector("table.index"), box = document.querySelector("input.index-filter");
  if (!table) return;
  var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  var count = document.querySelector(".index-count"), empty = document.querySelector(".index-empty");
  function filter() {
    var words = box.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
    rows.forEach(function (r, i) {
      var show = words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      r.hidden = !show;
      if (show) shown++;
    });
    count.textContent = shown;
    empty.hidden = shown > 0;
  }
  box.addEventListener("input", filter);
  var collator = new Intl.Collator("id", { numeric: true, sensitivity: "base" });
  table.querySelectorAll("thead button").forEach(function (button) {
    button.addEventListener("click", function () {
      var column = +button.dataset.column, th = button.parentNode;
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("thead th").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var sorted = rows.slice().sort(function (a, b) {
        var c = collator.compare(a.cells[column].textContent, b.cells[column].textContent);
        return ascending ? c : -c;
      });
      sorted.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
