/*
 * Thai queries for Material for MkDocs' search (runs on the page).
 *
 * Material sends each query to its search worker as {type: 2, data: query} (SearchMessageType.QUERY in
 * Material 9.8, pinned in constraints.txt). Thai is written without spaces, so before the query leaves the page
 * every Thai run is cut into words with Intl.Segmenter('th') — the segmenter that cut the index — and each word
 * becomes a required term ("+word"): all words must match. Thai words also match inside longer words of the index
 * ("*word*"), since a dictionary keeps compounds such as สำนักงาน whole. Thai digits are searched as Arabic digits,
 * as they are indexed, and runs with digits ("185/2564") are cut the same way. Latin words are left to Material.
 */
(function () {
  "use strict";
  if (typeof Intl === "undefined" || typeof Intl.Segmenter === "undefined") return;
  var QUERY = 2;
  var THAI = /[\u0e00-\u0e7f]/;
  var THAI_OR_DIGIT = /[\u0e00-\u0e7f0-9]/;
  var segmenter = new Intl.Segmenter("th", { granularity: "word" });

  function arabicDigits(text) {
    return text.replace(/[\u0e50-\u0e59]/g, function (d) {
      return String.fromCharCode(d.charCodeAt(0) - 0x0e50 + 48);
    });
  }

  function thaiTerms(run) {
    var terms = [];
    var iterator = segmenter.segment(run)[Symbol.iterator]();
    for (var next = iterator.next(); !next.done; next = iterator.next()) {
      var word = next.value.segment.replace(/[^\p{L}\p{M}\p{N}]/gu, "");
      if (!word) continue;
      // Words of one or two letters are too common to look for inside other words.
      terms.push(THAI.test(word) && word.length > 2 ? "+*" + word + "*" : "+" + word + "*");
    }
    return terms;
  }

  function rewrite(query) {
    return query
      .trim()
      .split(/\s+/)
      .map(function (part) {
        var plain = arabicDigits(part);
        return THAI_OR_DIGIT.test(plain) ? thaiTerms(plain).join(" ") : plain;
      })
      .join(" ");
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string" && THAI_OR_DIGIT.test(message.data)) {
      arguments[0] = { type: QUERY, data: rewrite(message.data) };
    }
    return post.apply(this, arguments);
  };
  self.opmanualThaiQuery = rewrite; // for tests
})();
