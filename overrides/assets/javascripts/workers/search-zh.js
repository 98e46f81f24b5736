// Chinese-aware queries for Material's search worker.
//
// Material's worker runs each query through a greedy Chinese segmenter that drops the tail of a
// word it cannot split (自回归 becomes 自*), treats full-width letters and curly quotes as part of
// words, and joins terms with OR, so one common term (a "6" in a heading) can outrank the page
// that has every word. This wrapper loads Material's worker unchanged and, for each query the
// reader types, builds the query Lunr runs from the index's own vocabulary:
//   1. NFKC folds full-width forms (ＲＢＲＭ → RBRM); case is folded; punctuation splits words.
//   2. Latin words are split as the index splits them (gpt-4 → gpt 4); a word the index does
//      not know is split where letters meet digits (gpt4 → gpt 4).
//   3. Chinese runs are cut into the fewest pieces the index contains, whole or inside a longer
//      word, so a reader's shortening (律师考试) finds the compound (律师资格考试).
//   4. Every piece is required; only when no page has them all does any piece suffice.
//   5. A section that holds the reader's words verbatim, in order, ranks above one that only
//      holds them apart (Lunr scores words, not phrases).
(function () {
  "use strict";

  var QUERY = 2; // SearchMessageType.QUERY in Material's worker protocol
  var SETUP = 0;
  var MAX_PIECE = 8; // longest Chinese piece looked up; index words are shorter

  var here = self.document && document.currentScript ? document.currentScript.src : self.location.href;
  var engine = new URL(here).searchParams.get("engine");
  var separator = /[\s\u200b\u3000\-、。，．？！；]+/;
  var pending = null; // { raw: typed query, terms: the Lunr terms built from it }
  var current = null; // the Lunr index Material built
  var suggesting = null; // terms for the title query Material runs next, for suggestions
  var vocabularies = new WeakMap();
  var plainTexts = new Map(); // location -> title and text as a reader reads them, folded

  // Capture the query before Material's handler transforms it.
  var addEventListener = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return addEventListener(type, listener, options);
    return addEventListener(type, function (event) {
      var message = event.data || {};
      if (message.type === SETUP) setup(message.data);
      if (message.type === QUERY && current) {
        var raw = String(message.data);
        pending = { raw: raw, terms: terms(raw, vocabulary(current)) };
        // Material keeps deriving highlights and suggestions from the query it is handed:
        // hand it the same pieces, so they follow the words that matched.
        var pieces = pending.terms.map(function (term) { return term.replace(/\*/g, ""); }).join(" ");
        return listener({ data: { type: QUERY, data: pieces } });
      }
      return listener(event);
    }, options);
  };

  function fold(text) {
    return text.normalize("NFKC").toLowerCase().replace(/<[^>]*>|[\s\u200b]+/g, "");
  }

  function setup(data) {
    separator = new RegExp(data.config.separator);
    data.docs.forEach(function (doc) {
      plainTexts.set(doc.location, fold((doc.title || "") + " " + (doc.text || "")));
    });
  }

  // The reader's words as typed, in order, split only at punctuation: a phrase counts where the
  // text holds it verbatim (white space aside, as fold() drops it from the text too).
  function phrases(raw) {
    return raw.split(/[^\p{L}\p{N}.+#\s]+/u).map(fold).filter(function (part) {
      return part.length > 1;
    });
  }

  function favourPhrases(results, raw) {
    var wanted = phrases(raw);
    if (!wanted.length) return results;
    return results.map(function (result) {
      var text = plainTexts.get(result.ref) || "";
      var found = wanted.filter(function (phrase) { return text.indexOf(phrase) >= 0; }).length;
      return { ref: result.ref, matchData: result.matchData, score: result.score * (1 + found / wanted.length) };
    }).sort(function (a, b) { return b.score - a.score; });
  }

  function vocabulary(index) {
    var known = vocabularies.get(index);
    if (!known) {
      var words = Object.keys(index.invertedIndex).sort();
      var inside = new Set();
      words.forEach(function (word) {
        if (!/\p{sc=Han}/u.test(word)) return;
        for (var i = 0; i < word.length; i++)
          for (var j = i + 1; j <= Math.min(word.length, i + MAX_PIECE); j++) inside.add(word.slice(i, j));
      });
      known = { words: words, inside: inside };
      vocabularies.set(index, known);
    }
    return known;
  }

  function startsSomeWord(known, piece) {
    var words = known.words, low = 0, high = words.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (words[mid] < piece) low = mid + 1; else high = mid;
    }
    return low < words.length && words[low].indexOf(piece) === 0;
  }

  // Fewest pieces that the index holds (a lone unknown character is skipped).
  function cutChinese(run, known) {
    var best = [{ cost: 0, pieces: [] }];
    for (var end = 1; end <= run.length; end++) {
      best[end] = { cost: best[end - 1].cost + 1, pieces: best[end - 1].pieces };
      for (var start = Math.max(0, end - MAX_PIECE); start < end; start++) {
        var piece = run.slice(start, end);
        if (!known.inside.has(piece)) continue;
        var cost = best[start].cost + 1 + (piece.length === 1 ? 0.5 : 0);
        if (cost < best[end].cost) best[end] = { cost: cost, pieces: best[start].pieces.concat([piece]) };
      }
    }
    return best[run.length].pieces.map(function (piece) {
      return piece.length > 1 ? "*" + piece + "*" : piece + "*";
    });
  }

  function cutLatin(word, known) {
    if (startsSomeWord(known, word)) return [word + "*"];
    var parts = word.match(/\p{L}+|\p{N}+(?:\.\p{N}+)*/gu) || [];
    return parts.filter(function (part) { return startsSomeWord(known, part); })
      .map(function (part) { return part + "*"; });
  }

  function terms(raw, known) {
    var found = [];
    raw.normalize("NFKC").toLowerCase().split(separator).forEach(function (word) {
      // Lunr's query syntax and any punctuation left over separate words too.
      word.split(/[^\p{L}\p{N}.]+/u).forEach(function (part) {
        part = part.replace(/^\.+|\.+$/g, "");
        (part.match(/\p{sc=Han}+|[^\p{sc=Han}]+/gu) || []).forEach(function (chunk) {
          var cut = /\p{sc=Han}/u.test(chunk) ? cutChinese(chunk, known) : cutLatin(chunk, known);
          cut.forEach(function (term) { if (found.indexOf(term) < 0) found.push(term); });
        });
      });
    });
    return found;
  }

  function patch(lunr) {
    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      return (current = build.call(this));
    };
    var search = lunr.Index.prototype.search;
    lunr.Index.prototype.search = function (materialQuery) {
      if (pending === null || this !== current) return search.call(this, materialQuery);
      var raw = pending.raw, query = pending.terms;
      pending = null;
      if (!query.length) return [];
      var all = search.call(this, query.map(function (term) { return "+" + term; }).join(" "));
      if (!all.length) all = search.call(this, query.join(" "));
      suggesting = query; // only now: lunr's search runs query() itself
      return favourPhrases(all, raw);
    };
    // Material completes the last word from section titles with a second query: give it the
    // same terms, so a half-typed Chinese word is completed rather than cut up.
    var run = lunr.Index.prototype.query;
    lunr.Index.prototype.query = function (fn) {
      if (suggesting === null || this !== current) return run.call(this, fn);
      var wanted = suggesting;
      suggesting = null;
      return run.call(this, function (builder) {
        wanted.forEach(function (term) {
          builder.term(term.replace(/\*/g, ""), {
            fields: ["title"],
            presence: lunr.Query.presence.REQUIRED,
            wildcard: term.charAt(0) === "*"
              ? lunr.Query.wildcard.LEADING | lunr.Query.wildcard.TRAILING
              : lunr.Query.wildcard.TRAILING
          });
        });
      });
    };
  }

  // Inside a real worker importScripts is synchronous; the file:// iframe shim returns a promise.
  Promise.resolve(importScripts(engine)).then(function () {
    self.addEventListener = addEventListener;
    patch(self.lunr);
  });
})();
