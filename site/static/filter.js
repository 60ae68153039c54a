// Filters the findings list by rule, severity and document, all in the page.
(function () {
  var ids = ["f-rule", "f-severity", "f-file"], keys = ["rule", "severity", "file"];
  function apply() {
    var values = ids.map(function (id) { return document.getElementById(id).value; });
    document.querySelectorAll("li.finding").forEach(function (li) {
      var show = keys.every(function (k, i) { return !values[i] || li.dataset[k] === values[i]; });
      li.hidden = !show;
    });
  }
  ids.forEach(function (id) { document.getElementById(id).addEventListener("change", apply); });
})();
