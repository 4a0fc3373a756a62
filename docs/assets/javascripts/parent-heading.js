/*
 * A subsection's heading shows the section it is under, above its own words (loaded on every page:
 * mkdocs.yml extra_javascript; the look in loimaa.css, [data-parent-heading]).
 *
 * The same words are the city's profiles under "3.1.1. Työnantajan edustajana" and one's own under
 * "3.1.2. Yksityishenkilönä". A reader who lands on "Asiantuntijaprofiilit" from a search result or a link, far
 * below its parent, read "mainitaan työ- tai virkanimike" as the rule for their own profile (walks 49, 53).
 *
 * Only headings under a section of their page (h3 under h2 and deeper), not under the page's title. The caption is
 * the parent's text as the page shows it, without its permalink; screen readers hear the heading's level instead.
 */
(function () {
  "use strict";

  function captions() {
    document.querySelectorAll(".md-content .md-typeset :is(h3, h4, h5, h6)").forEach(function (el) {
      var at = el.previousElementSibling, level = +el.tagName.charAt(1);
      while (at && !(/^H[1-6]$/.test(at.tagName) && +at.tagName.charAt(1) < level)) at = at.previousElementSibling;
      if (!at || at.tagName === "H1") return;
      var parent = at.cloneNode(true);
      parent.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
      el.setAttribute("data-parent-heading", parent.textContent.replace(/\s+/g, " ").trim());
    });
  }

  // Material's document$ emits on the first load and after every instant navigation.
  if (typeof document$ !== "undefined") document$.subscribe(captions);
  else document.addEventListener("DOMContentLoaded", captions);
})();
