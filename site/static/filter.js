// Filters the findings list by rule, severity, status and document, all in the page. The
// filters are kept in the URL (temuan.html?aturan=SKK201&tingkat=error&status=baru&dokumen=…),
// so a filtered list can be shared, and a URL's filters are applied on load.
(function () {
  var filters = [
    { id: "f-rule", param: "aturan", key: "rule" }, { id: "f-severity", param: "tingkat", key: "severity" },
    { id: "f-status", param: "status", key: "status" }, { id: "f-file", param: "dokumen", key: "file" }
  ];
  function apply(updateURL) {
    var values = filters.map(function (f) { return document.getElementById(f.id).value; });
    var shown = 0;
    document.querySelectorAll("li.finding").forEach(function (li) {
      var show = filters.every(function (f, i) { return !values[i] || li.dataset[f.key] === values[i]; });
      li.hidden = !show;
      if (show) shown++;
    });
    document.getElementById("f-count").textContent = shown;
    document.getElementById("f-empty").hidden = shown > 0;
    if (updateURL) {
      var params = new URLSearchParams();
      filters.forEach(function (f, i) { if (values[i]) params.set(f.param, values[i]); });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
  }
  var params = new URLSearchParams(location.search);
  filters.forEach(function (f) {
    var select = document.getElementById(f.id), wanted = params.get(f.param);
    if (wanted !== null) {
      // A value the list does not offer (a rule without findings) is added, so the page says
      // "no findings" instead of silently showing all.
      if (!Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
        var option = document.createElement("option");
        option.value = wanted; option.textContent = wanted;
        select.appendChild(option);
      }
      select.value = wanted;
    }
    select.addEventListener("change", function () { apply(true); });
  });
  apply(false);
})();
