// The site's search engine: a worker of the project's own that answers Material's search UI.
//
// The index is the project's (scripts/gpt4qa/search/index.py writes search/search_index.json;
// Material's UI fetches it, or search_index.js from file://, and hands it over unchanged). This
// file speaks the message shapes that UI exchanges and nothing else: no Lunr, no script of
// Material's loaded or patched. The shapes are pinned, against the theme's own source, by
// tests/test_search_contract.py:
//   SETUP  {type: 0, data: {config, docs, options: {suggest}}}      UI → worker
//   READY  {type: 1}                                                 worker → UI
//   QUERY  {type: 2, data: "the reader's words"}                     UI → worker
//   RESULT {type: 3, data: {items, suggest?, partial?, error?}}      worker → UI
//     items: one list per page, best page first; in each, the page's own doc and its sections,
//     best first, each {location, title, text, score, terms}: title and text as HTML with the
//     matched words in <mark>, terms {article's word: matched?} (Material highlights the matched
//     ones on the page it opens and lists the missing ones). `partial` and `error` are this
//     site's: javascripts/search-notice.js says them above the results.
//
// A query, as the reader typed it, becomes pieces of the edition's text:
//   1. NFKC folds full-width forms (ＲＢＲＭ → RBRM); case is folded.
//   2. Traditional characters and Taiwan / Hong Kong wording become the edition's words
//      (config.engine.convert: OpenCC's dictionaries, cut down to the site's words at build time).
//   3. A reader's word becomes the article's word (config.engine.synonyms: 图片 → 图像).
//   4. Question words (吗、怎么、多少 …) are dropped: they say nothing of the subject.
//   5. Chinese runs are cut into the fewest pieces the index holds, whole or inside a longer word,
//      so a reader's shortening (律师考试) finds the compound (律师资格考试); Latin words are split
//      as the index splits them (gpt-4 → gpt 4; gpt4 → gpt 4).
//   6. A piece that is one of a glossary term's names also finds its other names
//      (config.engine.variants).
// Sections are ranked by BM25F: each piece's frequency in a section's fields (its page's question,
// its heading, the author's text; weights in config.engine.weights), each field normalised by its
// length, saturated, and weighed by the piece's rarity across sections; the editor's notes count
// apart, saturated on their own and weighed less, so a note never says more than the text. Rarer
// pieces weigh more; a number or a lone character qualifies the subject and weighs less. A section
// must hold every telling piece (in its fields or its page's question); when none does, the
// sections holding most of the query are shown and the answer is marked partial — unless the index
// knows too little of the query, which then finds nothing rather than noise. Pages are ordered by
// their best section.
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; // Material's worker protocol
  var FORMAT = "gpt4qa-search", VERSION = 1; // the index this worker reads (gpt4qa/search/index.py)
  var SEGMENT = /\u200b/g;
  var MAX_PIECE = 8; // longest Chinese piece looked up; index words are shorter
  // BM25F's saturation, and how much a field's length tempers a piece's frequency in it.
  var K1 = 2.0;
  // Sections here are long because they say more of their subject, not by chance: their length
  // tempers little.
  var LENGTH = { question: 0.3, heading: 0.3, text: 0.2, notes: 0.2 };
  // A reader's question that reads like a page's question, or a section's heading, is strong
  // evidence for it (Dice's coefficient over character pairs, letters and digits only); so is
  // the share of the query's weight that the page's question and the heading name.
  var ALIKE = 2, NAMED = 1.5;
  // Share of a query's subject the index must know before anything is shown: nearly all of a
  // short query (量子计算机 is not 计算机), less of a long question, which has more filler.
  var KNOWN_SHORT = 0.65, KNOWN_LONG = 0.2, SHORT = 6;
  var KEYWORDS = 2; // a query of at most this many full pieces is keywords, each required
  var COMMON = 0.25; // a piece in more than this share of sections tells them apart too little to be required
  // A piece weighing less than this (a number, a lone character, a word common in Chinese at
  // large: config.engine.common) qualifies the subject; it is not required.
  var TELLING = 0.75;
  var NUMBER = 0.3, LONE = 0.5; // what a number (4, 3.5) and a lone Chinese character weigh
  var INSIDE = 0.6; // a piece found only inside the index's words (的不 of 目的不同), not as one
  var VARIANT = 0.8; // another name of a glossary term, as evidence for the name typed
  var PART = 0.3; // a word inside a longer piece, as evidence of its own
  var ACROSS = 0.2; // a Chinese piece found across two words, not on their edges
  var PAGE_MIX = 0.5; // what a page's whole text adds to its best section's score
  var LOOSE = 0.8, GAP = 2; // a word found as its characters close together: what it weighs, how far apart
  var TEASER = 120; // characters of a section's text shown under its title
  var FLOOR = 0.05; // a section scoring less than this share of the best is not shown

  var engine = null;

  function fold(text) {
    return String(text).normalize("NFKC").toLowerCase();
  }

  // Letters and digits only: how a reader's question is compared with a page's.
  function squeeze(text) {
    return fold(text).replace(SEGMENT, "").replace(/[^\p{L}\p{N}.+#]+/gu, "");
  }

  function pairs(text) {
    var found = [];
    for (var i = 0; i + 1 < text.length; i++) found.push(text.slice(i, i + 2));
    return found;
  }

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

  function isHan(text) { return /\p{sc=Han}/u.test(text); }

  // A segmented text (U+200B between the words of a Chinese run) as the text itself and where
  // each of its words starts: a word starts after U+200B, and where Chinese meets other text.
  function readSegmented(segmented) {
    var text = "", starts = [];
    var han = /\p{sc=Han}/u, after = false, previous = "";
    for (var i = 0; i < segmented.length; i++) {
      var c = segmented.charAt(i);
      if (c === "\u200b") { after = true; continue; }
      starts.push(text.length === 0 || after || han.test(c) !== han.test(previous) ? 1 : 0);
      text += c;
      previous = c;
      after = false;
    }
    starts.push(1);
    return { text: text, bounds: Uint8Array.from(starts) };
  }
  function isNumber(text) { return /^[\d.]+$/.test(text); }
  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // --- the index, read once ------------------------------------------------------------------------

  function Engine(index, options) {
    var config = index.config || {};
    var tables = config.engine || {};
    this.suggest = Boolean(options && options.suggest);
    this.error = tables.format === FORMAT && tables.version === VERSION ? null : "stale";
    this.separator = new RegExp(config.separator || "[\\s\\u200b]+");
    this.weights = tables.weights || { question: 3, heading: 2, text: 1, notes: 0.35 };
    this.convert = tables.convert || {};
    this.longestConversion = Object.keys(this.convert).reduce(function (n, key) { return Math.max(n, key.length); }, 1);
    this.synonyms = tables.synonyms || {};
    this.synonymOrder = Object.keys(this.synonyms).sort(function (a, b) { return b.length - a.length; });
    this.questionWords = new Set(tables.question_words || []);
    var common = this.common = new Map();
    Object.keys(tables.common || {}).forEach(function (weight) {
      tables.common[weight].split(" ").forEach(function (word) { if (word) common.set(word, Number(weight)); });
    });
    this.multiWordQuestions = (tables.question_words || []).filter(function (w) { return w.length > 1; })
      .sort(function (a, b) { return b.length - a.length; });
    var variants = this.variants = new Map();
    (tables.variants || []).forEach(function (group) {
      var names = group.map(fold);
      names.forEach(function (name) { variants.set(name, names.filter(function (other) { return other !== name; })); });
    });
    this.variantOrder = Array.from(variants.keys()).sort(function (a, b) { return b.length - a.length; });

    var pages = new Map(), docs = [], words = new Map();
    var that = this;
    (this.error ? [] : index.docs || []).forEach(function (doc) {
      var location = String(doc.location);
      var page = location.split("#")[0];
      var entry = {
        location: location, page: page, isPage: location.indexOf("#") < 0,
        title: String(doc.title || "").replace(SEGMENT, ""), text: String(doc.text || "").replace(SEGMENT, ""),
        fields: {}, bounds: {}
      };
      // Each field folded once: its text and word starts for matching, its words for the vocabulary.
      ["heading", "text", "notes"].forEach(function (field) {
        var folded = fold(doc[field === "heading" ? "title" : field] || "");
        var read = readSegmented(folded);
        entry.fields[field] = read.text;
        entry.bounds[field] = read.bounds;
        folded.split(that.separator).forEach(function (word) {
          word.split(/[^\p{L}\p{N}.+#]+/u).forEach(function (part) {
            part = part.replace(/^\.+|\.+$/g, "");
            if (part) words.set(part, (words.get(part) || 0) + (field === "heading" ? 3 : 1));
          });
        });
      });
      if (entry.isPage && !pages.has(page)) pages.set(page, entry);
      docs.push(entry);
    });
    docs.forEach(function (doc) {
      var page = pages.get(doc.page);
      doc.question = page ? page.fields.heading : "";
      doc.questionBounds = page ? page.bounds.heading : new Uint8Array(1);
      doc.questionSqueezed = squeeze(doc.question).replace(/^\d+、?/, "");
      doc.headingSqueezed = doc.isPage ? "" : squeeze(doc.fields.heading).replace(/^\d+[)）]?/, "");
    });
    // A page's title is its question, counted once: not its heading as well.
    docs.forEach(function (doc) {
      if (doc.isPage) { doc.fields.heading = ""; doc.bounds.heading = new Uint8Array(1); }
    });
    this.docs = docs;
    this.pages = pages;
    this.corpus = docs.map(function (doc) { return [doc.fields.heading, doc.fields.text, doc.fields.notes].join("\n"); }).join("\n");
    this.average = {};
    ["question", "heading", "text", "notes"].forEach(function (name) {
      var total = 0;
      docs.forEach(function (doc) { total += (name === "question" ? doc.question : doc.fields[name]).length; });
      that.average[name] = Math.max(1, total / (docs.length || 1));
    });
    // What the index knows: its words, and (for Chinese) every piece inside one.
    this.words = Array.from(words.keys()).sort();
    this.frequency = words;
    var inside = this.inside = new Set();
    this.words.forEach(function (word) {
      if (!isHan(word)) return;
      for (var i = 0; i < word.length; i++)
        for (var j = i + 1; j <= Math.min(word.length, i + MAX_PIECE); j++) inside.add(word.slice(i, j));
    });
    this.counts = new Map(); // piece -> {doc index -> {field -> frequency}}, as queries need them
  }

  // --- a query, read ---------------------------------------------------------------------------------

  // Traditional and regional forms to the edition's words: forward maximum matching, as OpenCC converts.
  Engine.prototype.simplify = function (text) {
    var out = "", i = 0, table = this.convert;
    while (i < text.length) {
      var size = Math.min(this.longestConversion, text.length - i);
      for (; size > 0; size--) {
        var piece = text.slice(i, i + size);
        if (Object.prototype.hasOwnProperty.call(table, piece)) { out += table[piece]; break; }
      }
      if (size > 0) { i += size; } else { out += text.charAt(i); i += 1; }
    }
    return out;
  };

  Engine.prototype.readerWords = function (text) {
    var synonyms = this.synonyms;
    this.synonymOrder.forEach(function (word) { text = text.split(word).join(synonyms[word]); });
    return text;
  };

  Engine.prototype.startsSomeWord = function (piece) {
    var words = this.words, low = 0, high = words.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (words[mid] < piece) low = mid + 1; else high = mid;
    }
    return low < words.length && words[low].indexOf(piece) === 0;
  };

  // Fewest pieces the index holds; a character it does not know is its own, unknown, segment.
  Engine.prototype.cutChinese = function (run) {
    var best = [{ cost: 0, segments: [] }];
    for (var end = 1; end <= run.length; end++) {
      best[end] = { cost: best[end - 1].cost + 1, segments: best[end - 1].segments.concat([{ text: run.charAt(end - 1), known: false }]) };
      for (var start = Math.max(0, end - MAX_PIECE); start < end; start++) {
        var piece = run.slice(start, end);
        if (!this.inside.has(piece)) continue;
        var cost = best[start].cost + 1 + (piece.length === 1 ? 0.5 : 0);
        // On a tie the longer last piece wins: backward matching cuts Chinese better (会说法语 is
        // 会 说 法语, not 会 说法 语).
        var last = best[end].segments[best[end].segments.length - 1];
        if (cost < best[end].cost || (cost === best[end].cost && last && piece.length > last.text.length))
          best[end] = { cost: cost, segments: best[start].segments.concat([{ text: piece, known: true }]) };
      }
    }
    return best[run.length].segments;
  };

  Engine.prototype.cutLatin = function (word) {
    var that = this;
    if (this.startsSomeWord(word)) return [{ text: word, known: true }];
    var parts = word.match(/\p{L}+|\p{N}+(?:\.\p{N}+)*/gu) || [];
    return parts.map(function (part) { return { text: part, known: that.startsSomeWord(part) }; });
  };

  // Unknown characters that only spell question words (吗, 怎么 …) are not part of the subject.
  Engine.prototype.onlyQuestionWords = function (text) {
    var i = 0;
    while (i < text.length) {
      var size = Math.min(4, text.length - i);
      for (; size > 0 && !this.questionWords.has(text.slice(i, i + size)); size--);
      if (size === 0) return false;
      i += size;
    }
    return true;
  };

  // The query's pieces (each with the names that stand for it), the share of its subject the
  // index knows, and the query squeezed to letters and digits.
  Engine.prototype.prepare = function (raw) {
    var that = this;
    var normalized = fold(this.readerWords(this.simplify(fold(raw))));
    var whole = squeeze(normalized);
    var pieces = [], seen = new Set(), subject = 0, covered = 0;
    function add(text, han, known) {
      if (seen.has(text)) return;
      seen.add(text);
      var kind = isNumber(text) ? NUMBER : !han ? 1 : text.length === 1 ? LONE : that.frequency.has(text) ? 1 : INSIDE;
      var weight = kind * (that.common.has(text) ? that.common.get(text) : 1);
      pieces.push({ text: text, han: han, weight: weight, names: [text].concat(that.variants.get(text) || []) });
    }
    // A glossary name typed whole is one piece, even where the index does not hold it as one word.
    // (A name of several words is read word by word, as the reader typed it: a page with the words
    // apart may still answer.)
    this.variantOrder.forEach(function (name) {
      if (name.length > 1 && !/\s/.test(name) && normalized.indexOf(name) >= 0) {
        add(name, isHan(name), true);
        subject += name.length; covered += name.length;
        normalized = normalized.split(name).join(" ");
      }
    });
    // Question words of two characters or more (能不能, 为什么) go before the query is cut, so
    // their characters do not pair with the subject's (能不能控制 is not 不能 控制).
    this.multiWordQuestions.forEach(function (word) { normalized = normalized.split(word).join(" "); });
    normalized.split(this.separator).forEach(function (word) {
      word.split(/[^\p{L}\p{N}.+#]+/u).forEach(function (part) {
        part = part.replace(/^\.+|\.+$/g, "");
        (part.match(/\p{sc=Han}+|[^\p{sc=Han}]+/gu) || []).forEach(function (chunk) {
          var han = isHan(chunk);
          var segments = han ? that.cutChinese(chunk) : that.cutLatin(chunk);
          var unknown = "";
          segments.concat([{ text: "", known: true }]).forEach(function (segment) {
            if (!segment.known) { unknown += segment.text; return; }
            if (unknown && !that.onlyQuestionWords(unknown)) {
              subject += unknown.length;
              // A word the index does not hold may be a shortening of one it does (降本 for
              // 降低成本, 拒答 for 拒绝回答): its characters in order, close together.
              var loose = han && unknown.length >= 2 ? that.loosely(unknown) : null;
              if (loose) {
                covered += LOOSE * unknown.length;
                if (!seen.has(loose.source)) {
                  seen.add(loose.source);
                  pieces.push({ text: unknown, han: true, weight: LOOSE, names: [unknown], loose: loose });
                }
              }
            }
            unknown = "";
            if (!segment.text || that.questionWords.has(segment.text)) return;
            subject += segment.text.length;
            covered += segment.text.length === 1 && han ? 0.5 : segment.text.length;
            add(segment.text, han, true);
            // The index's words inside a longer piece (参数 in 参数量) are optional evidence: a
            // section that says 参数 often speaks of 参数量 even where it names it once.
            if (han && segment.text.length > 2) that.partsOf(segment.text).forEach(function (part) {
              if (seen.has(part)) return;
              seen.add(part);
              pieces.push({ text: part, han: true, weight: PART * (that.common.has(part) ? that.common.get(part) : 1),
                            names: [part], optional: true });
            });
          });
        });
      });
    });
    var enough = subject <= SHORT ? KNOWN_SHORT : KNOWN_LONG;
    // The reader's words as typed between punctuation: found verbatim, they say more than apart.
    var phrases = fold(this.readerWords(this.simplify(fold(raw)))).split(/[^\p{L}\p{N}.+#\s]+/u)
      .map(function (phrase) { return phrase.trim().replace(/\s+/g, " "); })
      .filter(function (phrase) { return phrase.length > 1 && /\s/.test(phrase) && !that.questionWords.has(phrase); });
    return { pieces: pieces, known: subject ? covered / subject : 0, enough: enough, whole: whole, phrases: phrases };
  };

  // The longest words of the index inside a piece, not counting the piece itself.
  Engine.prototype.partsOf = function (text) {
    var parts = [];
    for (var size = text.length - 1; size >= 2; size--)
      for (var i = 0; i + size <= text.length; i++) {
        var part = text.slice(i, i + size);
        if (this.frequency.has(part) && !this.questionWords.has(part) &&
            !parts.some(function (longer) { return longer.indexOf(part) >= 0; })) parts.push(part);
      }
    return parts;
  };

  // --- statistics, counted as queries need them ------------------------------------------------------

  var latinPatterns = new Map();
  function latinPattern(needle) {
    var pattern = latinPatterns.get(needle);
    if (!pattern) {
      pattern = new RegExp("(?<![\\p{sc=Latin}\\p{N}.])" + escapeRegExp(needle) + "(?![\\p{N}])", "gu");
      latinPatterns.set(needle, pattern);
    }
    return pattern;
  }

  function occurrences(haystack, needle, latin, bounds) {
    if (!needle || !haystack) return 0;
    if (latin) {
      // A Latin piece starts a word (ai is not in openai, though it is in 侦测AI生成); it may end
      // inside one (llm in llms), but not before a digit (ai is not ai2, gpt is gpt-4 and gpt 4).
      var found = haystack.match(latinPattern(needle));
      return found ? found.length : 0;
    }
    // A Chinese piece found across two words but not on their edges (多模态 in 更多​模态) is
    // most likely another phrase: it counts for little.
    var count = 0, at = haystack.indexOf(needle);
    while (at >= 0) {
      var end = at + needle.length, crossing = false;
      for (var k = at + 1; k < end && !crossing; k++) crossing = bounds[k] === 1;
      count += crossing && !(bounds[at] && bounds[end]) ? ACROSS : 1;
      at = haystack.indexOf(needle, end);
    }
    return count;
  }

  // How often a name occurs in each field of each section.
  // The characters of a word in order, at most GAP others between two, within one phrase.
  Engine.prototype.loosely = function (word) {
    var pattern = new RegExp(Array.from(word).map(escapeRegExp).join("[\\p{sc=Han}\\p{L}\\p{N}]{0," + GAP + "}"), "gu");
    return pattern.test(this.corpus) ? pattern : null;
  };

  function matches(haystack, pattern) {
    var found = haystack ? haystack.match(pattern) : null;
    return found ? found.length : 0;
  }

  Engine.prototype.count = function (name, loose) {
    var key = loose ? loose.source : name;
    var known = this.counts.get(key);
    if (known) return known;
    var latin = !isHan(name);
    known = this.docs.map(function (doc) {
      if (loose) return { question: matches(doc.question, loose), heading: matches(doc.fields.heading, loose),
                          text: matches(doc.fields.text, loose), notes: matches(doc.fields.notes, loose) };
      return {
        question: occurrences(doc.question, name, latin, doc.questionBounds),
        heading: occurrences(doc.fields.heading, name, latin, doc.bounds.heading),
        text: occurrences(doc.fields.text, name, latin, doc.bounds.text),
        notes: occurrences(doc.fields.notes, name, latin, doc.bounds.notes)
      };
    });
    this.counts.set(key, known);
    return known;
  };

  // A piece's frequency in each field of each section, its other names counting somewhat less.
  Engine.prototype.frequencies = function (piece) {
    var that = this;
    var total = this.docs.map(function () { return { question: 0, heading: 0, text: 0, notes: 0 }; });
    piece.names.forEach(function (name, n) {
      var share = n === 0 ? 1 : VARIANT;
      that.count(name, piece.loose).forEach(function (fields, i) {
        for (var field in fields) total[i][field] += share * fields[field];
      });
    });
    return total;
  };

  // --- ranking -----------------------------------------------------------------------------------------

  // BM25F over a section's (or a page's) fields: the page's question, the heading and the
  // author's text together; the editor's notes apart, saturated on their own and weighed less, so
  // that however often a note names a piece it says less than the author's text naming it once.
  Engine.prototype.evidence = function (pieces, frequencies, lengths, average) {
    var weights = this.weights;
    var found = { score: 0, held: 0, inQuestion: 0, inHeading: 0, holds: {} };
    pieces.forEach(function (p) {
      var f = frequencies(p);
      var tf = 0, noted = 0;
      for (var field in f) {
        if (!f[field]) continue;
        var norm = 1 - LENGTH[field] + LENGTH[field] * lengths[field] / average[field];
        if (field === "notes") noted = f[field] / norm;
        else tf += weights[field] * f[field] / norm;
      }
      if (tf + noted > 0) {
        found.score += p.idf * (tf * (K1 + 1) / (K1 + tf) + weights.notes * noted * (K1 + 1) / (K1 + noted));
        if (!p.piece.optional) found.held += p.idf;
        found.holds[p.piece.text] = true;
      }
      if (f.question && !p.piece.optional) found.inQuestion += p.idf;
      if (f.heading && !p.piece.optional) found.inHeading += p.idf;
    });
    return found;
  };

  // Each page as one text: its sections' frequencies summed, its question counted once.
  Engine.prototype.pageEvidence = function (pieces, everything) {
    var that = this, pages = new Map();
    this.docs.forEach(function (doc, i) {
      var page = pages.get(doc.page);
      if (!page) pages.set(doc.page, page = { rows: [], lengths: { question: doc.question.length, heading: 0, text: 0, notes: 0 } });
      page.rows.push(i);
      page.lengths.heading += doc.fields.heading.length;
      page.lengths.text += doc.fields.text.length;
      page.lengths.notes += doc.fields.notes.length;
    });
    var average = { question: 0, heading: 0, text: 0, notes: 0 };
    pages.forEach(function (page) { for (var field in average) average[field] += page.lengths[field] / pages.size; });
    for (var field in average) average[field] = Math.max(1, average[field]);
    var scores = new Map();
    pages.forEach(function (page, location) {
      var found = that.evidence(pieces, function (p) {
        var total = { question: p.tf[page.rows[0]].question, heading: 0, text: 0, notes: 0 };
        page.rows.forEach(function (i) { total.heading += p.tf[i].heading; total.text += p.tf[i].text; total.notes += p.tf[i].notes; });
        return total;
      }, page.lengths, average);
      var coverage = found.held / everything;
      scores.set(location, found.score * coverage * coverage);
    });
    return scores;
  };

  Engine.prototype.rank = function (query) {
    var that = this, docs = this.docs, size = docs.length || 1;
    var pieces = query.pieces.map(function (piece) {
      var tf = that.frequencies(piece);
      // Sections that hold the piece themselves (not only in their page's question).
      var holding = tf.filter(function (f) { return f.heading + f.text + f.notes > 0; }).length;
      var idf = Math.log(1 + (size - holding + 0.5) / (holding + 0.5));
      return { piece: piece, tf: tf, idf: idf * piece.weight, share: holding / size };
    });
    var everything = pieces.reduce(function (sum, p) { return sum + (p.piece.optional ? 0 : p.idf); }, 0) || 1;
    // What a section must hold: the pieces that tell sections apart. A lone Chinese character, a
    // number and a piece most sections hold only rank (unless nothing else is left).
    var telling = pieces.filter(function (p) { return !p.piece.optional && p.piece.weight >= TELLING && p.share <= COMMON; });
    if (!telling.length) telling = pieces.filter(function (p) { return !p.piece.optional && (p.piece.weight >= TELLING || !p.piece.han); });
    var scored = docs.map(function (doc, i) {
      var lengths = { question: doc.question.length, heading: doc.fields.heading.length,
                      text: doc.fields.text.length, notes: doc.fields.notes.length };
      var found = that.evidence(pieces, function (p) { return p.tf[i]; }, lengths, that.average);
      var score = found.score, held = found.held, inQuestion = found.inQuestion, inHeading = found.inHeading;
      var holds = found.holds;
      // A section that holds all of the query before one that holds part of it many times.
      var coverage = held / everything;
      var like = 1 + ALIKE * (alike(query.whole, doc.questionSqueezed) + alike(query.whole, doc.headingSqueezed))
        + NAMED * (inQuestion + inHeading) / everything;
      var verbatim = query.phrases.filter(function (phrase) {
        return doc.fields.text.indexOf(phrase) >= 0 || doc.fields.heading.indexOf(phrase) >= 0;
      }).length;
      var phrased = 1 + (query.phrases.length ? verbatim / query.phrases.length : 0);
      return { doc: doc, score: score * coverage * coverage * like * phrased, holds: holds };
    }).filter(function (result) { return result.score > 0; });
    var strict = scored.filter(function (result) {
      return telling.every(function (p) { return result.holds[p.piece.text]; });
    });
    // Keywords are all required, as a reader typing two words expects; a question of more pieces
    // is ranked on all of them, the sections holding most of it first.
    var keywords = pieces.filter(function (p) { return !p.piece.optional && p.piece.weight >= TELLING; }).length <= KEYWORDS;
    return { results: strict.length && keywords ? strict : scored, partial: !strict.length && scored.length > 0,
             pieces: pieces, pages: this.pageEvidence(pieces, everything) };
  };

  // --- the answer, as Material's UI renders it ------------------------------------------------------

  function marker(pieces) {
    var names = [];
    pieces.forEach(function (p) { p.piece.names.forEach(function (name) { names.push(name); }); });
    names = names.filter(function (name) { return name.length > 1 || isHan(name); })
      .sort(function (a, b) { return b.length - a.length; });
    return names.length ? new RegExp(names.map(escapeRegExp).join("|"), "giu") : null;
  }

  function highlight(text, pattern) {
    if (!pattern) return escapeHtml(text);
    var out = "", last = 0;
    text.replace(pattern, function (match, at) {
      out += escapeHtml(text.slice(last, at)) + "<mark>" + escapeHtml(match) + "</mark>";
      last = at + match.length;
      return match;
    });
    return out + escapeHtml(text.slice(last));
  }

  // The part of a section's text around its first hit, or its opening when the hit is elsewhere.
  function teaser(text, pattern) {
    var start = 0;
    if (pattern) {
      pattern.lastIndex = 0;
      var hit = pattern.exec(text);
      pattern.lastIndex = 0;
      if (hit) start = Math.max(0, hit.index - 30);
    }
    var piece = text.slice(start, start + TEASER);
    return (start > 0 ? "…" : "") + highlight(piece, pattern) + (start + TEASER < text.length ? "…" : "");
  }

  Engine.prototype.search = function (raw) {
    if (this.error) return { items: [], error: this.error };
    var query = this.prepare(raw);
    if (!query.pieces.length || query.known < query.enough) return { items: [] };
    var ranked = this.rank(query);
    var pattern = marker(ranked.pieces);
    var telling = ranked.pieces;
    var groups = new Map();
    // Sections scoring a small share of the best are noise to a reader (and cost the page time to
    // draw while the next keystroke's answer waits): they are left out.
    var top = ranked.results.reduce(function (best, result) { return Math.max(best, result.score); }, 0);
    ranked.results.filter(function (result) { return result.score >= top * FLOOR; })
      .sort(function (a, b) { return b.score - a.score; }).forEach(function (result) {
      var doc = result.doc;
      var terms = {};
      telling.forEach(function (p) {
        if (p.piece.optional) return;
        if (p.piece.weight >= TELLING || result.holds[p.piece.text]) terms[p.piece.text] = Boolean(result.holds[p.piece.text]);
      });
      var item = { location: doc.location, title: highlight(doc.title, pattern), text: teaser(doc.text, pattern),
                   score: result.score, terms: terms };
      if (!groups.has(doc.page)) groups.set(doc.page, []);
      groups.get(doc.page).push(item);
    });
    var pages = this.pages;
    // Each page's list holds the page's own doc, which Material shows as the result's title.
    groups.forEach(function (items, page) {
      if (!items.some(function (item) { return item.location === page; })) {
        var doc = pages.get(page);
        if (doc) items.push({ location: doc.location, title: escapeHtml(doc.title), text: "", score: 0, terms: {} });
      }
    });
    // Pages in the order of their best section, and of what the page as a whole holds of the query:
    // the page answers the question, its best section says where.
    var order = Array.from(groups.keys()).map(function (page) {
      var best = groups.get(page).reduce(function (top, item) { return Math.max(top, item.score); }, 0);
      return { page: page, score: best + PAGE_MIX * (ranked.pages.get(page) || 0) };
    }).sort(function (a, b) { return b.score - a.score; });
    var answer = { items: order.map(function (entry) { return groups.get(entry.page); }) };
    if (ranked.partial) answer.partial = true;
    if (this.suggest) answer.suggest = this.suggestions(raw, answer.items);
    return answer;
  };

  // Material completes the word being typed with the last suggestion that starts with it: the
  // most frequent word of the best result's title and text that does, or of the whole index.
  Engine.prototype.suggestions = function (raw, items) {
    var typed = fold(raw).split(/[\s-]+/).pop();
    if (!typed) return [];
    var frequency = this.frequency, best = null;
    var consider = function (word) {
      if (word.length > typed.length && word.indexOf(typed) === 0 &&
          (best === null || frequency.get(word) > frequency.get(best))) best = word;
    };
    if (items.length) {
      var top = items[0][0];
      fold((top.title + " " + top.text).replace(/<[^>]*>/g, "")).split(this.separator).forEach(function (word) {
        if (frequency.has(word)) consider(word);
      });
    }
    if (best === null) this.words.forEach(consider);
    return best === null ? [] : [best];
  };

  // --- the worker ------------------------------------------------------------------------------------

  function handle(message) {
    switch (message && message.type) {
      case SETUP:
        engine = new Engine(message.data || {}, (message.data || {}).options);
        return { type: READY };
      case QUERY:
        if (!engine) return { type: RESULT, data: { items: [] } };
        try {
          return { type: RESULT, data: engine.search(String(message.data)) };
        } catch (error) {
          console.warn("search: the query could not be read:", message.data, error);
          return { type: RESULT, data: { items: [] } };
        }
      default:
        return null;
    }
  }

  // How a query is read and ranked, for tests/js/search_harness.js.
  self.searchEngine = { Engine: Engine, handle: handle, FORMAT: FORMAT, VERSION: VERSION };

  self.addEventListener("message", function (event) {
    var reply = handle(event.data);
    if (reply) self.postMessage(reply);
  });
})();
