/*
 * Material's search, finished where it left the user (loaded on every page: mkdocs.yml
 * extra_javascript; listeners on document, so instant navigation keeps them).
 *
 * - Leaving the search with Tab closes its overlay: Material kept it open, and the next
 *   links of the page were reached under the dimmed overlay.
 * - The same for the navigation drawer (phone and tablet; loimaa.css keeps the links of a
 *   closed drawer and of a covered level out of the tab order): focus leaving it closes it,
 *   and opening it from the header's menu button moves focus to its first visible link.
 *   The menu button, each level's title (back to the level above) and each label that opens
 *   a level are tab stops there, as Material's own Enter-on-a-label handling expects.
 *   The drawer never stays scrolled sideways: a focus moved into a level still sliding in
 *   (by a screen reader or a script) scrolled its clipping box, and the level then stood
 *   half out of view.
 * - A sidebar link the keyboard reaches stays in view above the footer.
 * - A result's page link lands where its best section link does: Material gives the page
 *   link the words the page's own first part matched, often none ("?h=" empty), so it
 *   opened the top of the page with nothing highlighted. It now goes where the page's
 *   best-scoring result goes (address, anchor and words); to the top only when the page's
 *   first part is that result.
 * - A query pasted (with the mouse or a phone's menu) or put in by autocorrect is searched:
 *   Material reads the box on keyup only, so such a query showed nothing. Every change of the
 *   box now ends with a keyup, also before the index has loaded (Material searches the box's
 *   query once it has). Its suggestion is read again too: it showed the previous query.
 * - A highlight covers whole words: Material marks the typed part ("käytt|ää"); each mark
 *   grows to the word it is in, on the page and in the results alike.
 * - A page marks only the words its link names (?h=): Material also marked them inside other
 *   words ("henkilö" marked "luottamushenkilö", "on" marked "Sivuston" and "Onnistunut"); and only in
 *   the section the link opened, if it opened one (walk 49: the whole page in yellow).
 * - A search opened again has its last question selected: typing replaces it (walk 44).
 * - On a phone a result opens at its section: Material locks the page's scroll while the search is
 *   open there, and instant navigation scrolled to the section under the lock, so the page opened at
 *   its top (walk 43: "Erotu selkeästi työroolistasi" three screens down, under 3.1.1's text).
 * - A subsection opened from a result shows the heading it is under, if that is close above (walk 49).
 */
(function () {
  "use strict";

  var DRAWER = window.matchMedia("(max-width: 76.234375em)");

  function close(toggle) {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
  }

  document.addEventListener("focusin", function (event) {
    var search = document.getElementById("__search"), drawer = document.getElementById("__drawer");
    if (search && search.checked && !event.target.closest(".md-search")) close(search);
    if (drawer && drawer.checked && DRAWER.matches && !event.target.closest(".md-sidebar--primary")) close(drawer);
  });

  // A sidebar link the keyboard reaches is brought into its sidebar's view again when the
  // sidebar changes size: the page's scroll to the link made Material shorten the sticky
  // sidebar above the footer, which then covered the link (a desktop, a long list's end).
  var resized = window.ResizeObserver && new ResizeObserver(function (entries) {
    var focused = document.activeElement;
    if (!focused || !focused.matches(":focus-visible")) return;   // the keyboard's focus only
    entries.forEach(function (entry) {
      if (entry.target.contains(focused)) focused.scrollIntoView({ block: "nearest" });
    });
  });
  function watchSidebars(root) {
    if (!resized) return;
    if (root.matches && root.matches(".md-sidebar__scrollwrap")) resized.observe(root);
    root.querySelectorAll(".md-sidebar__scrollwrap").forEach(function (wrap) { resized.observe(wrap); });
  }
  watchSidebars(document);

  function shown(el) {
    var box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility === "visible";
  }

  // Focus follows the drawer and its levels when a key opens or closes them: to the first link
  // of the drawer; to the title of a level opened (its back button), or back to the label that
  // opens a level closed with its title (the label focus was on slides out of view).
  document.addEventListener("change", function (event) {
    var toggle = event.target, focused = document.activeElement, id = toggle.id, sidebar;
    if (!DRAWER.matches || !focused || !focused.matches("label[for]")) return;
    if (id === "__drawer") {
      if (!toggle.checked || !focused.closest(".md-header")) return;
      var first = [].filter.call(document.querySelectorAll(".md-sidebar--primary :is(a[href], label[tabindex='0'])"),
                                 shown)[0];
      if (first) first.focus({ preventScroll: true });
    } else if ((sidebar = toggle.closest(".md-sidebar--primary")) && focused.htmlFor === id) {
      var to = sidebar.querySelector((toggle.checked ? "label.md-nav__title" : "label.md-nav__link")
                                     + "[for='" + id + "']");
      // Without scrolling: the level is still sliding in, and its clipping box would scroll to it.
      if (to && to !== focused) to.focus({ preventScroll: true });
    }
  });

  // Scroll events do not bubble: caught on the way down. The box clips, so nothing is lost.
  document.addEventListener("scroll", function (event) {
    var box = event.target;
    if (box.scrollLeft && box.matches && box.matches(".md-sidebar--primary .md-sidebar__scrollwrap")) {
      box.scrollLeft = 0;
    }
  }, true);

  // The drawer's labels, and the header's menu button that opens it, as tab stops on a phone
  // or tablet only: on a desktop the sections' labels are headings that open nothing.
  var LABELS = ".md-sidebar--primary label[for]:not([for=__drawer]), .md-header label[for=__drawer]";
  function drawerLabels(root) {
    root.querySelectorAll(LABELS).forEach(function (label) {
      if (!label.hasAttribute("data-loimaa-tabindex")) {
        label.setAttribute("data-loimaa-tabindex", label.getAttribute("tabindex") || "");
      }
      label.setAttribute("tabindex", DRAWER.matches ? "0" : label.getAttribute("data-loimaa-tabindex"));
    });
  }
  drawerLabels(document);
  DRAWER.addEventListener("change", function () { drawerLabels(document); });

  // A search opened again shows its last question, as Material keeps it, selected: the next typed word replaces
  // it, as in a browser's address bar. On a phone the start of the old question was out of view, and the new
  // words were added to it (walk 44). After Material's own focus, in the next frame.
  document.addEventListener("change", function (event) {
    var open = event.target.id === "__search" && event.target.checked;
    var box = open && document.querySelector("input.md-search__input");
    if (box && box.value) requestAnimationFrame(function () { if (document.activeElement === box) box.select(); });
  });

  document.addEventListener("input", function (event) {
    if (event.target.matches("input.md-search__input") && !event.isComposing) {
      event.target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
      // Material's suggestion (the grey completion behind the box) reads the box on keydown or focus
      // only: after a paste it laid the previous query under the new one.
      event.target.dispatchEvent(new FocusEvent("focus"));
    }
  });

  var WORD_START = /^[\p{L}\p{N}]+/u, WORD_END = /[\p{L}\p{N}]+$/u, WORDS = /[\p{L}\p{N}]+/gu;

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
    var named = mark.closest(".md-content") && linkWords();
    if (named && (!(mark.textContent.match(WORDS) || []).some(function (word) { return isNamed(word, named); })
                  || !inLandedSection(mark))) {
      var parent = mark.parentNode;
      mark.replaceWith(mark.textContent);
      parent.normalize();
    }
  }

  // A result that opened a section marks its words there only: marked all over the page, the question's
  // common words ("kaupungin", "työ", "oma") covered it in yellow, some 190 marks (walk 49). From the section's
  // heading to the next heading of its level or above; a page opened at its top keeps every mark.
  function inLandedSection(mark) {
    var target = document.getElementById(anchor()), level = target && /^H([1-6])$/.exec(target.tagName);
    if (!level) return true;
    var next = heading(target, "nextElementSibling", +level[1]);
    return !!(target.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING)
      && !(next && next.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING);
  }

  // The nearest heading from el that way ("nextElementSibling", "previousElementSibling") of level most or above.
  function heading(el, way, most) {
    var at = el[way];
    while (at && !(/^H[1-6]$/.test(at.tagName) && +at.tagName.charAt(1) <= most)) at = at[way];
    return at;
  }

  // The words the page was opened to mark (?h=, from the search module): whole words, and
  // "sana*" for the words starting with a word still being typed. Material marks every text
  // that contains one, also inside another word ("henkilö" in "luottamushenkilö").
  function linkWords() {
    var h = new URLSearchParams(location.search).get("h");
    return h ? h.toLowerCase().split(/\s+/).filter(Boolean) : null;
  }

  function isNamed(word, named) {
    word = word.toLowerCase();
    return named.some(function (n) {
      if (n.slice(-1) === "*") return word.startsWith(n.slice(0, -1));
      // "wilma:ssa" is one word of the search, two here
      return n === word || (n.startsWith(word) && !/[\p{L}\p{N}]/u.test(n.charAt(word.length)));
    });
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
    drawerLabels(node);
    watchSidebars(node);
    if (node.matches("mark")) wholeWord(node);
    node.querySelectorAll("mark").forEach(wholeWord);
    var item = node.closest(".md-search-result__item");
    if (item) landOnSection(item);
    node.querySelectorAll(".md-search-result__item").forEach(landOnSection);
  }

  new MutationObserver(function (records) {
    records.forEach(function (record) { record.addedNodes.forEach(fix); });
  }).observe(document.body, { childList: true, subtree: true });

  // Material's lock (data-md-scrolllock on body, phones only) gives the page back where it was when the
  // search opened. If a result's link was followed meanwhile, its section is where the reader goes.
  var lockedAt = null;
  new MutationObserver(function () {
    var locked = document.body.hasAttribute("data-md-scrolllock");
    if (locked && lockedAt === null) {
      lockedAt = location.href;
    } else if (!locked && lockedAt !== null) {
      var moved = lockedAt !== location.href, id = anchor();
      var target = moved && id && document.getElementById(id);
      lockedAt = null;
      if (target) {
        target.scrollIntoView();
        showParent(target);
      }
    }
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-scrolllock"] });

  // The same where Material's instant navigation scrolled to the section (the search closed before the page came),
  // after Material's own scroll: only for a page a result opened (?h=).
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () {
      requestAnimationFrame(function () {
        var target = linkWords() && document.getElementById(anchor());
        if (target && !document.body.hasAttribute("data-md-scrolllock")) showParent(target);
      });
    });
  }

  // A subsection's parent heading in view too, if it is close above: "Erotu selkeästi työroolistasi" is under
  // "3.1.2. Yksityishenkilönä", which says whose rule it is (walk 49: the parent half under the header, and the
  // reader could not tell the role). Not past the top third of the screen.
  function showParent(target) {
    var level = /^H([3-6])$/.exec(target.tagName);
    var parent = level && heading(target, "previousElementSibling", level[1] - 1);
    var header = document.querySelector(".md-header"), below = header ? header.getBoundingClientRect().bottom : 0;
    if (!parent || parent.getBoundingClientRect().top >= below) return;
    if (target.getBoundingClientRect().top - parent.getBoundingClientRect().top < innerHeight / 3) {
      window.scrollBy(0, parent.getBoundingClientRect().top - below - 8);
    }
  }

  function anchor() {  // the address's #id; a malformed escape ("#%E0") is no id
    try {
      return decodeURIComponent(location.hash.slice(1));
    } catch (err) {
      return "";
    }
  }
})();
