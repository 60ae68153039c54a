// Offline search. The index is split into buckets by the first two characters of each word
// (search/<bucket>.js), loaded on demand with <script> tags so it works from file:// and any
// static host; search/index.js names the buckets that exist, so no missing file is asked for.
// An entry matches when every word of the query is the start of one of its words; codes are
// indexed without punctuation and without their sector letter, so `N.78SPS02.075.1`,
// `78SPS02.075` and `KEPMEN 3/2021` all find their pages.
var SKKNI_SEARCH = (function () {
  var KINDS = ["Keputusan", "Kualifikasi", "Unit", "Skema"];
  var available = {}, loaded = {}, pending = null;
  function normalize(text) {
    return text.toLowerCase().replace(/<[^>]*>/g, "").replace(/[\/\-(),\s]+/g, " ")
      .replace(/[^\p{L}\p{N} ]/gu, "").trim();
  }
  function charName(c) { return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0) + "_"; }
  function bucketsFor(token) {
    var chars = Array.from(token);
    if (chars.length >= 2) {
      var name = charName(chars[0]) + charName(chars[1]);
      return available[name] ? [name] : [];
    }
    // One character: every bucket of words that start with it.
    var first = charName(chars[0]);
    return Object.keys(available).filter(function (n) { return n.indexOf(first) === 0; });
  }
  function matches(words, tokens) {
    return tokens.every(function (t) {
      for (var i = 0; i < words.length; i++) if (words[i].lastIndexOf(t, 0) === 0) return true;
      return false;
    });
  }
  function el(tag, text) { var e = document.createElement(tag); if (text) e.textContent = text; return e; }
  function show(query, names) {
    var tokens = normalize(query).split(" ").filter(Boolean), compact = tokens.join("");
    var hits = [], seen = {};
    names.forEach(function (name) {
      (loaded[name] || []).forEach(function (e) {
        if (seen[e[3]]) return;
        if (!e.words) e.words = e[0].split(" ");
        if (!matches(e.words, tokens)) return;
        seen[e[3]] = true;
        hits.push(e);
      });
    });
    // In each kind: entries whose label holds the whole query first, then in path order.
    function rank(e) { return normalize(e[1]).replace(/ /g, "").indexOf(compact) >= 0 ? 0 : 1; }
    hits.sort(function (a, b) { return rank(a) - rank(b) || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0); });
    var list = document.getElementById("results"), status = document.getElementById("search-status");
    list.textContent = "";
    KINDS.forEach(function (kind) {
      var group = hits.filter(function (e) { return e[4] === kind; });
      if (!group.length) return;
      var section = el("section"), ol = el("ol");
      section.className = "result-group";
      section.appendChild(el("h2", kind + " (" + group.length + ")"));
      group.slice(0, 200).forEach(function (e) {
        var li = el("li"), a = el("a", e[1]);
        a.href = e[3];
        li.appendChild(a);
        li.appendChild(document.createTextNode(" — " + e[2]));
        ol.appendChild(li);
      });
      section.appendChild(ol);
      list.appendChild(section);
    });
    status.textContent = hits.length + " hasil untuk \u201c" + query + "\u201d";
  }
  function search(query) {
    var tokens = normalize(query).split(" ").filter(Boolean);
    if (!tokens.length) return;
    // The longest word picks the buckets: the fewest entries to load.
    var longest = tokens.reduce(function (a, b) { return b.length > a.length ? b : a; });
    var names = bucketsFor(longest);
    pending = { query: query, names: names };
    var missing = names.filter(function (n) { return !loaded[n]; });
    if (!missing.length) return show(query, names);
    missing.forEach(function (name) {
      if (loaded[name] === null) return; // already loading; add() shows the latest query
      loaded[name] = null;
      var s = document.createElement("script");
      s.src = "search/" + name + ".js";
      s.onerror = function () { loaded[name] = []; finish(); };
      document.head.appendChild(s);
    });
  }
  function finish() {
    if (pending && pending.names.every(function (n) { return loaded[n]; })) show(pending.query, pending.names);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var params = new URLSearchParams(location.search), q = params.get("q") || "";
    var input = document.getElementById("q");
    input.value = q;
    input.addEventListener("input", function () { search(input.value); });
    if (q) search(q);
  });
  return {
    buckets: function (names) { names.forEach(function (n) { available[n] = true; }); },
    // Each bucket script names itself, so answers that arrive out of order land in the right place.
    add: function (name, entries) { loaded[name] = entries; finish(); }
  };
})();
