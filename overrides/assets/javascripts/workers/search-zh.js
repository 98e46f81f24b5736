// Chinese-aware queries and ranking for Material's search worker.
//
// Where this touches the theme: it wraps Material's worker script (loaded unchanged with
// importScripts), its message protocol (SETUP 0, QUERY 2, RESULT 3) and Lunr's Index.search and
// Index.query, which Material's worker calls. A RESULT message gains one field, `partial`, which
// partials/search-zh-config.html reads to say when no page matched every word. Check these
// when Material is upgraded; tests/test_search_behaviour.py and tests/test_search_browser.py
// fail when one of them changes.
//
// For each query the reader types:
//   1. NFKC folds full-width forms (ＲＢＲＭ → RBRM); case is folded.
//   2. Traditional characters and Taiwan / Hong Kong wording become the Simplified words the site
//      uses (OpenCC's dictionaries, cut down at build time: search-zh-data.js).
//   3. A reader's word becomes the article's word (source/search-vocabulary.yml: 图片 → 图像).
//   4. Latin words are split as the index splits them (gpt-4 → gpt 4; gpt4 → gpt 4); Chinese runs
//      are cut into the fewest pieces the index contains, whole or inside a longer word, so a
//      reader's shortening (律师考试) finds the compound (律师资格考试).
//   5. Question words (吗、怎么、多少 …) are dropped: they say nothing of the subject.
//   6. Every piece is required first. When no section has them all, the sections holding most of
//      the query's weight (rarer pieces weigh more) are shown, marked partial — unless the index
//      knows too little of the query, which then finds nothing rather than noise.
//   7. Sections rank by how much of the query they hold, with their heading and their page's
//      question (its title) as strong evidence, and the reader's words verbatim, in order, above
//      the same words apart; Lunr's own score breaks ties.
(function () {
  "use strict";

  var SETUP = 0, QUERY = 2, RESULT = 3; // Material's worker protocol
  var MAX_PIECE = 8; // longest Chinese piece looked up; index words are shorter
  // Share of a query's subject the index must know before anything is shown: nearly all of a
  // short query (量子计算机 is not 计算机), less of a long question, which has more filler.
  var KNOWN_SHORT = 0.8, KNOWN_LONG = 0.4, SHORT = 6;
  var PAGE_FIRST = 1.8;
  var COMMON = 0.25;
  var NUMBER_WEIGHT = 0.3; // a piece in more than this share of sections says little: not required

  var here = self.document && document.currentScript ? document.currentScript.src : self.location.href;
  var engine = new URL(here).searchParams.get("engine");
  var separator = /[\s\u200b\u3000\-、。，．？！；]+/;
  var data = { synonyms: {}, questionWords: [], convert: {} };
  var questionWords = new Set();
  var synonymOrder = [];
  var multiWordQuestions = [];
  var longestConversion = 1;
  var pending = null; // the query being answered, as prepare() made it
  var partial = false; // whether the last answer matched only part of its query
  var current = null; // the Lunr index Material built
  var suggesting = null; // terms for the title query Material runs next, for suggestions
  var vocabularies = new WeakMap();
  var docs = new Map(); // location -> { text: title and text folded, title: folded, page: location }

  // Capture the query before Material's handler transforms it.
  var addEventListener = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return addEventListener(type, listener, options);
    return addEventListener(type, function (event) {
      var message = event.data || {};
      if (message.type === SETUP) setup(message.data);
      if (message.type === QUERY && current) {
        pending = prepare(String(message.data), vocabulary(current));
        // Material keeps deriving highlights and suggestions from the query it is handed:
        // hand it the same pieces, so they follow the words that matched.
        var pieces = pending.terms.map(function (term) { return term.replace(/\*/g, ""); }).join(" ");
        return listener({ data: { type: QUERY, data: pieces } });
      }
      return listener(event);
    }, options);
  };

  // Say, with each result, whether it matched only part of the query.
  var postMessage = self.postMessage.bind(self);
  self.postMessage = function (message, transfer) {
    if (message && message.type === RESULT) message.partial = partial;
    return transfer === undefined ? postMessage(message) : postMessage(message, transfer);
  };

  function fold(text) {
    return text.normalize("NFKC").toLowerCase().replace(/<[^>]*>|[\s\u200b]+/g, "");
  }

  // Letters and digits only: how a question is compared with the ten questions (page titles).
  function compact(text) {
    return fold(text).replace(/^\d+、/, "").replace(/[^\p{L}\p{N}]+/gu, "");
  }

  function pairs(text) {
    var found = [];
    for (var i = 0; i + 1 < text.length; i++) found.push(text.slice(i, i + 2));
    return found;
  }

  // Dice's coefficient over character pairs: how alike a reader's question and a page's question are.
  function alike(a, b) {
    var left = pairs(a), right = pairs(b);
    if (!left.length || !right.length) return 0;
    var pool = right.slice(), shared = 0;
    left.forEach(function (pair) {
      var at = pool.indexOf(pair);
      if (at >= 0) { shared += 1; pool.splice(at, 1); }
    });
    return 2 * shared / (left.length + right.length);
  }

  function setup(config) {
    separator = new RegExp(config.config.separator);
    config.docs.forEach(function (doc) {
      var page = doc.location.split("#")[0];
      docs.set(doc.location, { text: fold((doc.title || "") + " " + (doc.text || "")), title: fold(doc.title || ""),
                               question: compact(doc.title || ""), page: page });
    });
  }

  function useData(loaded) {
    data = loaded || data;
    questionWords = new Set(data.questionWords);
    synonymOrder = Object.keys(data.synonyms).sort(function (a, b) { return b.length - a.length; });
    multiWordQuestions = data.questionWords.filter(function (word) { return word.length > 1; })
      .sort(function (a, b) { return b.length - a.length; });
    Object.keys(data.convert).forEach(function (key) { longestConversion = Math.max(longestConversion, key.length); });
  }

  // Traditional and regional forms to the site's Simplified words: forward maximum matching.
  function simplify(text) {
    var out = "", i = 0;
    while (i < text.length) {
      var size = Math.min(longestConversion, text.length - i);
      for (; size > 0; size--) {
        var piece = text.slice(i, i + size);
        if (Object.prototype.hasOwnProperty.call(data.convert, piece)) { out += data.convert[piece]; break; }
      }
      if (size > 0) { i += size; } else { out += text.charAt(i); i += 1; }
    }
    return out;
  }

  function readerWords(text) {
    synonymOrder.forEach(function (word) { text = text.split(word).join(data.synonyms[word]); });
    return text;
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

  // Fewest pieces the index holds; a character it does not know is its own, unknown, segment.
  function cutChinese(run, known) {
    var best = [{ cost: 0, segments: [] }];
    for (var end = 1; end <= run.length; end++) {
      best[end] = { cost: best[end - 1].cost + 1, segments: best[end - 1].segments.concat([{ text: run.charAt(end - 1), known: false }]) };
      for (var start = Math.max(0, end - MAX_PIECE); start < end; start++) {
        var piece = run.slice(start, end);
        if (!known.inside.has(piece)) continue;
        var cost = best[start].cost + 1 + (piece.length === 1 ? 0.5 : 0);
        // On a tie the longer last piece wins: backward matching cuts Chinese better (会说法语 is
        // 会 说 法语, not 会 说法 语).
        var last = best[end].segments[best[end].segments.length - 1];
        if (cost < best[end].cost || (cost === best[end].cost && last && piece.length > last.text.length))
          best[end] = { cost: cost, segments: best[start].segments.concat([{ text: piece, known: true }]) };
      }
    }
    return best[run.length].segments;
  }

  function cutLatin(word, known) {
    if (startsSomeWord(known, word)) return [{ text: word, known: true }];
    var parts = word.match(/\p{L}+|\p{N}+(?:\.\p{N}+)*/gu) || [];
    return parts.map(function (part) { return { text: part, known: startsSomeWord(known, part) }; });
  }

  // Unknown characters that only spell question words (吗, 怎么 …) are not part of the subject.
  function onlyQuestionWords(text) {
    var i = 0;
    while (i < text.length) {
      var size = Math.min(4, text.length - i);
      for (; size > 0 && !questionWords.has(text.slice(i, i + size)); size--);
      if (size === 0) return false;
      i += size;
    }
    return true;
  }

  function stripQuestionWords(text) {
    multiWordQuestions.forEach(function (word) { text = text.split(word).join(" "); });
    return text;
  }

  // The query as Lunr terms, the share of its subject the index knows, and its phrases.
  function prepare(raw, known) {
    var normalized = readerWords(simplify(raw.normalize("NFKC").toLowerCase())).toLowerCase();
    var found = [], subject = 0, covered = 0;
    // Question words of two characters or more (能不能, 为什么) go before the query is cut, so
    // their characters do not pair with the subject's (能不能控制 is not 不能 控制).
    stripQuestionWords(normalized).split(separator).forEach(function (word) {
      // Lunr's query syntax and any punctuation left over separate words too.
      word.split(/[^\p{L}\p{N}.]+/u).forEach(function (part) {
        part = part.replace(/^\.+|\.+$/g, "");
        (part.match(/\p{sc=Han}+|[^\p{sc=Han}]+/gu) || []).forEach(function (chunk) {
          var han = /\p{sc=Han}/u.test(chunk);
          var segments = han ? cutChinese(chunk, known) : cutLatin(chunk, known);
          var unknown = "";
          segments.concat([{ text: "", known: true }]).forEach(function (segment) {
            if (!segment.known) { unknown += segment.text; return; }
            if (unknown && !onlyQuestionWords(unknown)) subject += unknown.length;
            unknown = "";
            if (!segment.text || questionWords.has(segment.text)) return;
            subject += segment.text.length;
            covered += segment.text.length === 1 && han ? 0.5 : segment.text.length;
            var term = han ? (segment.text.length > 1 ? "*" + segment.text + "*" : segment.text + "*") : segment.text + "*";
            if (found.indexOf(term) < 0) found.push(term);
          });
        });
      });
    });
    var phrases = normalized.split(/[^\p{L}\p{N}.+#\s]+/u).map(fold).filter(function (phrase) {
      return phrase.length > 1 && !questionWords.has(phrase);
    });
    var enough = subject <= SHORT ? KNOWN_SHORT : KNOWN_LONG;
    return { terms: found, known: subject ? covered / subject : 0, enough: enough, phrases: phrases,
             whole: compact(normalized) };
  }

  // Rarer pieces weigh more: log(sections / sections holding the piece).
  // How many sections hold a piece.
  function holding(piece) {
    var count = 0;
    docs.forEach(function (doc) { if (doc.text.indexOf(piece) >= 0) count += 1; });
    return count;
  }

  // A number (4, 3.5) qualifies the subject (GPT-4, GPT-3.5); it is seldom the subject.
  function isNumber(piece) { return /^[\d.]+$/.test(piece); }

  function weights(pieces) {
    var total = docs.size || 1;
    return pieces.map(function (piece) {
      return Math.log(1 + total / (1 + holding(piece))) * (isNumber(piece) ? NUMBER_WEIGHT : 1);
    });
  }

  // What the first, strict pass requires: the pieces that tell sections apart. A single Chinese
  // character, a number and a piece most sections hold only rank (unless nothing else is left).
  function required(terms) {
    var telling = terms.filter(function (term) {
      return !lone(term) && !isNumber(bare(term)) && holding(bare(term)) / (docs.size || 1) <= COMMON;
    });
    return telling.length ? telling : terms.filter(function (term) { return !lone(term); });
  }

  function bare(term) { return term.replace(/\*/g, ""); }

  function lone(term) { return /^\p{sc=Han}\*$/u.test(term); }

  function rank(results, query) {
    var pieces = query.terms.map(function (term) { return term.replace(/\*/g, ""); });
    var weight = weights(pieces);
    var sum = weight.reduce(function (a, b) { return a + b; }, 0) || 1;
    var best = results.reduce(function (top, result) { return Math.max(top, result.score); }, 0) || 1;
    return results.map(function (result) {
      var doc = docs.get(result.ref) || { text: "", title: "", page: result.ref };
      var page = docs.get(doc.page) || doc;
      var held = 0;
      pieces.forEach(function (piece, i) { if (doc.text.indexOf(piece) >= 0) held += weight[i]; });
      var verbatim = query.phrases.filter(function (phrase) { return doc.text.indexOf(phrase) >= 0; }).length;
      // A heading, or the page's own question, that reads like the reader's words is strong
      // evidence; a word lost in a long heading is not.
      var heading = alike(query.whole, doc.question || ""), question = alike(query.whole, page.question || "");
      // The page whose own question names the query's rarest piece (its subject) answers it.
      var subject = pieces.reduce(function (top, piece, i) { return weight[i] > weight[top] ? i : top; }, 0);
      var named = pieces.length && page.title.indexOf(pieces[subject]) >= 0 ? 1 : 0;
      var score = Math.pow(held / sum, 2)
        * (1 + 2 * heading + 2 * question + named)
        * (1 + (query.phrases.length ? verbatim / query.phrases.length : 0))
        * (0.5 + 0.5 * result.score / best)
        // A page's own opening (its definition, its summary) before one of its sections, as
        // Material ranks them.
        * (result.ref.indexOf("#") < 0 ? PAGE_FIRST : 1);
      return { ref: result.ref, matchData: result.matchData, score: score / materialBoost(result, pieces) };
    }).sort(function (a, b) { return b.score - a.score; });
  }

  // Material multiplies each score by 1 + g², g being 1 for a page's own text (not a section) plus
  // the share of query terms some matched index word starts with; divide it out beforehand, so
  // the order above is the order readers see.
  function materialBoost(result, pieces) {
    var matched = Object.keys(result.matchData.metadata);
    var share = pieces.filter(function (piece) {
      return matched.some(function (word) { return word.indexOf(piece) === 0; });
    }).length / (pieces.length || 1);
    var g = (result.ref.indexOf("#") < 0 ? 1 : 0) + share;
    return 1 + g * g;
  }

  // How a query is read, for tests/js/search_harness.js.
  self.searchZhPrepare = function (raw) { return current && prepare(raw, vocabulary(current)); };

  function patch(lunr) {
    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      return (current = build.call(this));
    };
    var search = lunr.Index.prototype.search;
    lunr.Index.prototype.search = function (materialQuery) {
      if (pending === null || this !== current) return search.call(this, materialQuery);
      var query = pending;
      pending = null;
      partial = false;
      if (!query.terms.length || query.known < query.enough) return [];
      // Every telling piece must be in the section or in its page's question (a section answers
      // its page's question: "GPT-3.5 有什么区别" finds 3.5 in a section of "相比其他 GPT 模型…").
      var candidates = search.call(this, query.terms.join(" "));
      var need = required(query.terms).map(bare);
      var all = candidates.filter(function (result) {
        var doc = docs.get(result.ref);
        if (!doc) return false;
        var page = docs.get(doc.page) || doc;
        var text = doc.text + " " + page.title;
        return need.every(function (piece) { return text.indexOf(piece) >= 0; });
      });
      if (!all.length) {
        all = candidates;
        partial = all.length > 0;
      }
      suggesting = query.terms; // only now: lunr's search runs query() itself
      return rank(all, query);
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

  // The words data first, then Material's worker. Inside a real worker importScripts is
  // synchronous; the file:// iframe shim returns a promise.
  var words = new URL("search-zh-data.js", here).href;
  var loading;
  try { loading = Promise.resolve(importScripts(words)); } catch (error) { loading = Promise.reject(error); }
  loading.then(function () {
    useData(self.searchZhData);
  }, function () {
    useData(null); // no words file (a site built without the hook): the search works without them
  }).then(function () {
    return importScripts(engine);
  }).then(function () {
    self.addEventListener = addEventListener;
    patch(self.lunr);
  });
})();
