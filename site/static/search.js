// Offline search, loaded with <script> tags so it works from file:// and any static host.
// Titles, labels and codes: split into buckets by the first two characters of each word
// (search/<bucket>.js, each entry copied whole into the buckets of its words). An entry
// matches when every word of the query is the start of one of its words; codes are indexed
// without punctuation and without their sector letter, so `N.78SPS02.075.1`, `78SPS02.075`
// and `KEPMEN 3/2021` all find their pages.
// What SKKNI decrees say about a unit (description, elements, criteria): word lists
// (search/teks/<bucket>.js) give each word's units by number, and search/unit/<n>.js holds
// the units themselves; a unit matches when every word of the query starts one of its words.
// search/index.js names the buckets of both kinds that exist, so no missing file is asked for.
var SKKNI_SEARCH = (function () {
  var KINDS = ["Keputusan", "Kualifikasi", "Unit", "Skema"];
  var TEXT_GROUP = "Unit menurut uraian", TEXT_SHOWN = 50, CHUNK = 500;
  var available = {}, textAvailable = {}, store = {}, current = "";
  function normalize(text) {
    return text.toLowerCase().replace(/<[^>]*>/g, "").replace(/[\/\-(),\s]+/g, " ")
      .replace(/[^\p{L}\p{N} ]/gu, "").trim();
  }
  function charName(c) { return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0) + "_"; }
  function bucketsFor(token, names) {
    var chars = Array.from(token);
    if (chars.length >= 2) {
      var name = charName(chars[0]) + charName(chars[1]);
      return names[name] ? [name] : [];
    }
    // One character: every bucket of words that start with it.
    var first = charName(chars[0]);
    return Object.keys(names).filter(function (n) { return n.indexOf(first) === 0; });
  }
  function matches(words, tokens) {
    return tokens.every(function (t) {
      for (var i = 0; i < words.length; i++) if (words[i].lastIndexOf(t, 0) === 0) return true;
      return false;
    });
  }
  // Asks for the scripts behind `keys` ("b:<bucket>", "t:<bucket>", "u:<n>") not yet here;
  // true when all are here. Each script names itself when it arrives (see the exports).
  function need(keys) {
    var ready = true;
    keys.forEach(function (key) {
      if (store[key]) return;
      ready = false;
      if (store[key] === null) return; // on its way
      store[key] = null;
      var kind = key.charAt(0), name = key.slice(2), s = document.createElement("script");
      s.src = "search/" + (kind === "b" ? "" : kind === "t" ? "teks/" : "unit/") + name + ".js";
      s.onerror = function () { store[key] = kind === "t" ? {} : []; search(current); };
      document.head.appendChild(s);
    });
    return ready;
  }
  // The numbers of the units whose words hold every token, ascending; null when a word list
  // is still on its way.
  function textHits(tokens) {
    var result = null;
    for (var k = 0; k < tokens.length; k++) {
      var found = {}, names = bucketsFor(tokens[k], textAvailable);
      if (!need(names.map(function (n) { return "t:" + n; }))) return null;
      names.forEach(function (name) {
        var words = store["t:" + name];
        Object.keys(words).forEach(function (word) {
          if (word.lastIndexOf(tokens[k], 0) !== 0) return;
          var id = 0;
          words[word].split(",").forEach(function (step) { id += parseInt(step, 36); found[id] = true; });
        });
      });
      result = result === null ? found : Object.keys(result).reduce(function (both, id) {
        if (found[id]) both[id] = true;
        return both;
      }, {});
    }
    return Object.keys(result || {}).map(Number).sort(function (a, b) { return a - b; });
  }
  function el(tag, text) { var e = document.createElement(tag); if (text) e.textContent = text; return e; }
  function group(list, title, entries, total) {
    var section = el("section"), ol = el("ol");
    section.className = "result-group";
    section.appendChild(el("h2", title + " (" + total + ")"));
    entries.forEach(function (e) {
      var li = el("li"), a = el("a", e[1]);
      a.href = e[3];
      li.appendChild(a);
      li.appendChild(document.createTextNode(" — " + e[2]));
      ol.appendChild(li);
    });
    section.appendChild(ol);
    list.appendChild(section);
  }
  function show(query, tokens, names, units) {
    var compact = tokens.join(""), hits = [], seen = {};
    names.forEach(function (name) {
      store["b:" + name].forEach(function (e) {
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
      var entries = hits.filter(function (e) { return e[4] === kind; });
      if (entries.length) group(list, kind, entries.slice(0, 200), entries.length);
    });
    if (units.length) {
      var shown = units.slice(0, TEXT_SHOWN).map(function (id) {
        var u = store["u:" + Math.floor(id / CHUNK)][id % CHUNK];
        return [null, u[0], u[1], u[2], u[3]];
      });
      group(list, TEXT_GROUP, shown, units.length);
    }
    status.textContent = hits.length + " hasil untuk \u201c" + query + "\u201d" +
      (units.length ? "; " + units.length + " unit menurut uraiannya" : "");
  }
  function search(query) {
    current = query;
    var tokens = normalize(query).split(" ").filter(Boolean);
    if (!tokens.length) return;
    // The longest word picks the title buckets: the fewest entries to load.
    var longest = tokens.reduce(function (a, b) { return b.length > a.length ? b : a; });
    var names = bucketsFor(longest, available);
    var ready = need(names.map(function (n) { return "b:" + n; }));
    // Definitions are searched by words of two characters or more.
    var units = tokens.every(function (t) { return Array.from(t).length >= 2; }) ? textHits(tokens) : [];
    if (units === null || !ready) return;
    var chunks = {};
    units.slice(0, TEXT_SHOWN).forEach(function (id) { chunks["u:" + Math.floor(id / CHUNK)] = true; });
    if (!need(Object.keys(chunks))) return;
    show(query, tokens, names, units);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var params = new URLSearchParams(location.search), q = params.get("q") || "";
    var input = document.getElementById("q");
    input.value = q;
    input.addEventListener("input", function () { search(input.value); });
    if (q) search(q);
  });
  function arrived(key, value) { store[key] = value; if (current) search(current); }
  return {
    buckets: function (names, textNames) {
      names.forEach(function (n) { available[n] = true; });
      (textNames || []).forEach(function (n) { textAvailable[n] = true; });
    },
    // Each script names itself, so answers that arrive out of order land in the right place.
    add: function (name, entries) { arrived("b:" + name, entries); },
    text: function (name, words) { arrived("t:" + name, words); },
    units: function (n, list) { arrived("u:" + n, list); }
  };
})();
