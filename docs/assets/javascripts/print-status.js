/*
 * Every printout carries its status (loaded on every page: mkdocs.yml extra_javascript).
 *
 * The server-rendered [data-print-status] line (overrides/main.html, wording in
 * overrides/components/site/status.html: title, version, "Luonnos" or
 * "Hyväksytty" with the dates) gets the page's address and the print date, and
 * goes into the custom property --loimaa-print-status, which loimaa.css's
 * @page puts into the bottom margin of every printed page. Where the browser
 * draws @page margin boxes (CSSMarginRule: Chromium, Edge), html gets
 * loimaa-print-margin and the line at the end of the page is not printed
 * twice; elsewhere, and without JavaScript, that line is what prints.
 *
 * Updated on every page Material's document$ shows (instant navigation keeps
 * <html> and this script) and again just before printing (the date).
 */
(function () {
  "use strict";

  var root = document.documentElement;

  /* The page's address as a reader can open it again: without the search
     highlight (?h=) and the position on the page. */
  function address() {
    var url = new URL(window.location.href);
    url.searchParams.delete("h");
    url.hash = "";
    return url.href;
  }

  /* Today in Finnish, d.m.yyyy, whatever the browser's locale. */
  function today() {
    var d = new Date();
    return d.getDate() + "." + (d.getMonth() + 1) + "." + d.getFullYear();
  }

  /* Text as a CSS string: quotes, backslashes and line breaks escaped (\a is a line break). */
  function cssString(text) {
    return '"' + text.replace(/[\\"\n\r\f]/g, function (c) {
      return "\\" + c.charCodeAt(0).toString(16) + " ";
    }) + '"';
  }

  /* Whether the review day (d.m.yyyy, data-review-due) has passed today: the site may have
     been built before it, and a sheet printed later must not look current. */
  function reviewPassed(due) {
    var parts = (due || "").split(".").map(Number);
    if (parts.length !== 3 || parts.some(isNaN)) return false;
    var now = new Date();
    var today = now.getFullYear() * 10000 + (now.getMonth() + 1) * 100 + now.getDate();
    return today > parts[2] * 10000 + parts[1] * 100 + parts[0];
  }

  function update() {
    var status = document.querySelector("[data-print-status]");
    if (!status) return;
    var late = reviewPassed(status.getAttribute("data-review-due")) ? status.getAttribute("data-late-review") : "";
    var line = status.textContent.replace(/\s+/g, " ").trim() + late +
      "\nTulostettu " + today() + " osoitteesta " + address();
    root.style.setProperty("--loimaa-print-status", cssString(line));
    if (typeof window.CSSMarginRule !== "undefined") root.classList.add("loimaa-print-margin");
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(update);
  } else {
    update();
  }
  window.addEventListener("beforeprint", update);
})();
