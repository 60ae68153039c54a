// Offline search: the index is split by first letter into scripts under search/, loaded on
// demand with <script> tags so it works from file:// and any static host.
var SKKNI_SEARCH = (function () {
  var loaded = {}, current = null;
  function normalize(text) {
    return text.toLowerCase().replace(/<[^>]*>/g, "").replace(/[\/\-(),\s]+/g, " ")
      .replace(/[^\p{L}\p{N} ]/gu, "").trim();
  }
  function bucketName(c) { return /[a-z0-9]/.test(c) ? c : "u" + c.codePointAt(0); }
  function show(entries, query) {
    var tokens = normalize(query).split(" ").filter(Boolean);
    var compact = tokens.join("");
    var list = document.getElementById("results"), status = document.getElementById("search-status");
    list.textContent = "";
    var hits = entries.filter(function (e) {
      return tokens.every(function (t) { return e[0].indexOf(t) >= 0; }) || e[0].replace(/ /g, "").indexOf(compact) >= 0;
    });
    hits.slice(0, 200).forEach(function (e) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = e[3]; a.textContent = e[1];
      li.appendChild(a); li.appendChild(document.createTextNode(" — " + e[2]));
      list.appendChild(li);
    });
    status.textContent = hits.length + " hasil untuk \u201c" + query + "\u201d";
  }
  function search(query) {
    var q = normalize(query);
    if (!q) return;
    var name = bucketName(q[0]);
    current = { name: name, query: query };
    if (loaded[name]) return show(loaded[name], query);
    if (loaded[name] === null) return; // already loading; add() shows the latest query
    loaded[name] = null;
    var s = document.createElement("script");
    s.src = "search/" + name + ".js";
    s.onerror = function () { loaded[name] = []; if (current.name === name) show([], current.query); };
    document.head.appendChild(s);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var params = new URLSearchParams(location.search), q = params.get("q") || "";
    var input = document.getElementById("q");
    input.value = q;
    input.addEventListener("input", function () { search(input.value); });
    if (q) search(q);
  });
  return {
    // Each bucket script names itself, so answers that arrive out of order land in the right place.
    add: function (name, entries) {
      loaded[name] = entries;
      if (current && current.name === name) show(entries, current.query);
    }
  };
})();
