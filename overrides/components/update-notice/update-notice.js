/*
 * "Ohje on päivittynyt suorituksesi jälkeen": on top of update-notice.html beside
 * this file (macros/update_notice.render), on the onboarding's front page and the
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

  const own = Loimaa.own;
  let shown = [];

  class UpdateNotice extends Loimaa.Component {
    constructor(root) {
      super(root);
      this.quiz = own(this.config, "quiz") || {};
      this.order = Array.isArray(own(this.config, "order")) ? this.config.order : [];
      this.record = this.part("record");
      this.current = this.record && this.record.textContent;
      shown = shown.filter((notice) => notice.root.isConnected);
      shown.push(this);
      Loimaa.storage.watch(root, this.quiz.key, () => this.show());   // the quiz's key: it saves nothing itself
      this.show();
    }

    /* The oldest version the saved answers hold for, or null when nothing is saved. */
    answeredAgainst() {
      const answers = own(Loimaa.storage.read(this.quiz.key, this.quiz.version), "answers");
      const order = this.order;
      let oldest = -1;
      Object.keys(Loimaa.isObject(answers) ? answers : {}).forEach((id) => {
        const answer = own(answers, id);
        if (typeof own(answer, "choice") !== "string") return;
        const stamp = own(answer, "ohje");
        const i = stamp === undefined || stamp === null ? 0 : order.indexOf(stamp);
        if (i < 0) return;   // not a version of this site: no notice from it
        if (oldest < 0 || i < oldest) oldest = i;
      });
      return oldest < 0 || !order.length ? null : order[oldest];
    }

    show() {
      const version = this.answeredAgainst();
      this.parts("version").forEach((notice) => {
        notice.hidden = notice.getAttribute("data-update-notice-version") !== version;
      });
      if (this.record) this.record.textContent = version || this.current;
    }
  }

  /* Again after the completion sheet cleared or restored the answers in this tab. */
  Loimaa.refreshUpdateNotices = function () {
    shown.forEach((notice) => { if (notice.root.isConnected) notice.show(); });
  };

  Loimaa.register("update-notice", UpdateNotice);
});
