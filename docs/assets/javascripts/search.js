/*
 * Material's search, finished where it left the user (loaded on every page: mkdocs.yml
 * extra_javascript; listeners on document, so instant navigation keeps them).
 *
 * - Leaving the search with Tab closes its overlay: Material kept it open, and the next
 *   links of the page were reached under the dimmed overlay.
 * - A result's page link lands where its best section link does: Material gives the page
 *   link the words the page's own first part matched, often none ("?h=" empty), so it
 *   opened the top of the page with nothing highlighted. It now goes where the page's
 *   best-scoring result goes (address, anchor and words); to the top only when the page's
 *   first part is that result.
 * - A highlight covers whole words: Material marks the typed part ("käytt|ää"); each mark
 *   grows to the word it is in, on the page and in the results alike.
 */
(function () {
  "use strict";

  document.addEventListener("focusin", function (event) {
    var toggle = document.getElementById("__search");
    if (toggle && toggle.checked && !event.target.closest(".md-search")) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  });

  var WORD_START = /^[\p{L}\p{N}]+/u, WORD_END = /[\p{L}\p{N}]+$/u;

  function wholeWord(mark) {
    var next = mark.nextSibling, prev = mark.previousSibling, m;
    if (next && next.nodeType === 3 && (m = WORD_START.exec(next.data))) {
      mark.append(m[0]);
      next.data = next.data.slice(m[0].length);
    }
    if (prev && prev.nodeType === 3 && (m = WORD_END.exec(prev.data))) {
      mark.prepend(m[0]);
      prev.data = prev.data.slice(0, -m[0].length);
    }
  }

  function score(link) {
    var article = link.querySelector("[data-md-score]");
    return article ? parseFloat(article.getAttribute("data-md-score")) : 0;
  }

  function landOnSection(item) {
    var links = [].slice.call(item.querySelectorAll("a.md-search-result__link")), best = links[0];
    links.forEach(function (link) { if (score(link) > score(best)) best = link; });
    if (best && best !== links[0]) links[0].href = best.href;
  }

  function fix(node) {
    if (node.nodeType !== 1) return;
    if (node.matches("mark")) wholeWord(node);
    node.querySelectorAll("mark").forEach(wholeWord);
    var item = node.closest(".md-search-result__item");
    if (item) landOnSection(item);
    node.querySelectorAll(".md-search-result__item").forEach(landOnSection);
  }

  new MutationObserver(function (records) {
    records.forEach(function (record) { record.addedNodes.forEach(fix); });
  }).observe(document.body, { childList: true, subtree: true });
})();
