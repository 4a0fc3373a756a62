/*
 * "Ohje on päivittynyt suorituksesi jälkeen": on top of overrides/components/update-notice.html
 * (macros/completion_sheet.render_update_notice), on the onboarding's front page and the
 * completion sheet. Reads the quiz's saved answers (quiz.js gives each the guideline version it
 * holds for), shows the notice of the oldest of those versions (if an approved version changed
 * the rules after it) and names that version on the sheet. An answer saved without a version counts
 * as made against the first version; one with a version this site does not know (a newer draft's,
 * or not a version) tells nothing. Saves nothing.
 */
// Run when loimaa.js is there: on instant navigation Material loads a page's
// scripts in parallel, so this file may arrive first (see loimaa.js).
(window.loimaaReady = window.loimaaReady || []).push(function (Loimaa) {
  "use strict";

  var own = Loimaa.own;
  var shown = [];

  function UpdateNotice(root) {
    var self = this;
    this.root = root;
    var config = Loimaa.config(root, "notice");
    this.quiz = own(config, "quiz") || {};
    this.order = Array.isArray(own(config, "order")) ? config.order : [];
    this.record = root.querySelector("[data-notice-record]");
    this.current = this.record && this.record.textContent;
    shown = shown.filter(function (notice) { return notice.root.isConnected; });
    shown.push(this);
    Loimaa.storage.watch(root, this.quiz.key, function () { self.show(); });
    this.show();
  }

  /* The oldest version the saved answers hold for, or null when nothing is saved. */
  UpdateNotice.prototype.answeredAgainst = function () {
    var answers = own(Loimaa.storage.read(this.quiz.key, this.quiz.version), "answers");
    var order = this.order;
    var oldest = -1;
    Object.keys(Loimaa.isObject(answers) ? answers : {}).forEach(function (id) {
      var answer = own(answers, id);
      if (typeof own(answer, "choice") !== "string") return;
      var stamp = own(answer, "ohje");
      var i = stamp === undefined || stamp === null ? 0 : order.indexOf(stamp);
      if (i < 0) return;   // not a version of this site: no notice from it
      if (oldest < 0 || i < oldest) oldest = i;
    });
    return oldest < 0 || !order.length ? null : order[oldest];
  };

  UpdateNotice.prototype.show = function () {
    var version = this.answeredAgainst();
    Loimaa.all(this.root, "[data-notice-version]").forEach(function (notice) {
      notice.hidden = notice.getAttribute("data-notice-version") !== version;
    });
    if (this.record) this.record.textContent = version || this.current;
  };

  /* Again after the completion sheet cleared or restored the answers in this tab. */
  Loimaa.refreshUpdateNotices = function () {
    shown.forEach(function (notice) { if (notice.root.isConnected) notice.show(); });
  };

  Loimaa.register("update-notice", UpdateNotice);
});
