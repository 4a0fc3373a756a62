/*
 * Quiz component ("Testaa osaamisesi"): on top of overrides/components/quiz.html
 * (macros/quiz.py). Check each answer, show why, score at the end; answer a question
 * again ("Vastaa uudelleen"), or clear them all with undo ("Peru", Loimaa.undoable);
 * answers given in another tab show here too (storage event).
 * Answers are saved through Loimaa.storage only after the user acts.
 * Each answer carries the guideline version it holds for ("ohje"): a question whose section an
 * approved version changed after that (config.changed) is marked, and "Vastaa muuttuneisiin
 * uudelleen" opens those again, cleared: the answer against the changed rules is a new first try.
 * An answer saved without a version is read as made against the first version (config.order[0]);
 * one with a version this site does not know (a draft's, or not a version) tells nothing.
 */
// Run when loimaa.js is there: on instant navigation Material loads a page's
// scripts in parallel, so this file may arrive first (see loimaa.js).
(window.loimaaReady = window.loimaaReady || []).push(function (Loimaa) {
  "use strict";

  var all = Loimaa.all;
  var own = Loimaa.own;

  function Quiz(root) {
    var self = this;
    var config = Loimaa.config(root, "quiz");
    this.root = root;
    this.key = config.key;
    this.version = config.version;
    this.ohje = config.ohje;   // the version shown now (absent: this site tracks no versions)
    this.order = Array.isArray(config.order) ? config.order : [];
    this.changed = own(config, "changed");
    this.form = root.querySelector("form");
    this.questions = all(root, "[data-quiz-question]").map(function (section) {
      return {
        id: section.getAttribute("data-quiz-question"),
        chapter: section.getAttribute("data-quiz-chapter"),
        section: section,
        fieldset: section.querySelector("fieldset"),
        check: section.querySelector("[data-quiz-check]"),
        again: section.querySelector("[data-quiz-again]"),
        verdict: section.querySelector("[data-quiz-verdict]"),
        details: section.querySelector("[data-quiz-answer]"),
        mark: section.querySelector("[data-quiz-changed]"),
        answer: null,
        ohje: null,        // the version its saved answer holds for
        first: null,       // right on the first try (true/false), null before any answer
        reopened: false,   // answered, then opened again here: its saved answer stays until a new one
        retake: false,     // opened again because its section changed: the next answer is a new first try
      };
    });
    Loimaa.enhance(root);

    this.restore(this.stored());
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.questions.forEach(function (q) {
      q.check.addEventListener("click", function () { self.answer(q, true); });
      q.again.addEventListener("click", function () { self.reopen(q); });
    });
    this.notice = root.querySelector("[data-quiz-update]");
    if (this.notice) {
      this.notice.querySelector("[data-quiz-retake]").addEventListener("click", function () { self.retake(); });
    }
    this.clearButton = root.querySelector("[data-quiz-clear]");
    this.clearButton.addEventListener("click", function () { self.clear(); });
    var message = root.querySelector("[data-quiz-message]");
    var undoButton = root.querySelector("[data-quiz-undo]");
    this.undo = Loimaa.undoable(root, "quiz", [this.key], function (text, canUndo) {
      message.textContent = text;
      undoButton.hidden = !canUndo;
    }, function () { self.restore(self.stored()); });
    undoButton.addEventListener("click", function () {
      self.undo.undo("Vastaukset palautettu.");
      self.clearButton.focus();
    });
    // Another tab answered or cleared: take its answers in, keep this tab's own.
    Loimaa.storage.watch(root, this.key, function () {
      var answers = self.stored();
      if (answers) self.restore(answers);
      else self.reset();
    });
    this.update();
    // Linked to from the onboarding's front page ("Vastaa muuttuneisiin kysymyksiin uudelleen"):
    // the notice was hidden when the browser looked for it, so land on it here.
    if (this.notice && !this.notice.hidden && location.hash === "#" + this.notice.id) {
      this.notice.focus({ preventScroll: true });
      this.notice.scrollIntoView({ block: "start" });
    }
  }

  /* The saved answers ({id: {choice, correct, first}}), or null. `first`: right on the first try;
     kept across "Vastaa uudelleen". Answers saved before it was recorded have none (unknown). */
  Quiz.prototype.stored = function () {
    return own(Loimaa.storage.read(this.key, this.version), "answers") || null;
  };

  /* Show the saved answer of each question not answered (or opened again) here yet. */
  Quiz.prototype.restore = function (answers) {
    var self = this;
    this.questions.forEach(function (q) {
      var choice = own(own(answers, q.id), "choice");
      var first = own(own(answers, q.id), "first");
      if (!q.answer && !q.reopened) q.first = typeof first === "boolean" ? first : null;
      var input = !q.answer && !q.reopened && typeof choice === "string" &&
        q.fieldset.querySelector('input[value="' + choice.replace(/[^a-z]/g, "") + '"]');
      if (input) {
        input.checked = true;
        q.ohje = self.known(own(own(answers, q.id), "ohje"));
        self.answer(q, false);
      } else {
        self.show(q);
      }
    });
    this.update();
  };

  /* Lock in the chosen option and show the verdict and the guideline's explanation. */
  Quiz.prototype.answer = function (q, byUser) {
    var chosen = q.fieldset.querySelector("input:checked");
    if (!chosen) {
      q.verdict.hidden = false;
      q.verdict.className = "loimaa-quiz__verdict";
      q.verdict.textContent = "Valitse ensin vastaus.";
      q.fieldset.querySelector("input").focus();
      return;
    }
    var right = chosen.hasAttribute("data-quiz-correct");
    // A first answer sets `first`; an answer again keeps it (unknown stays unknown). After a change
    // of the rules ("Vastaa muuttuneisiin uudelleen") the first answer against them is a first try.
    if (byUser && (q.retake || (q.first === null && !q.reopened))) q.first = right;
    if (byUser) q.retake = false;
    if (byUser) q.ohje = this.ohje;
    q.answer = { choice: chosen.value, correct: right };
    if (q.first !== null) q.answer.first = q.first;
    q.reopened = false;
    this.show(q);
    if (!byUser) return;
    this.save();
    if (!this.update()) return q.verdict.focus();
    var result = this.root.querySelector("[data-quiz-result]");
    result.focus({ preventScroll: true });
    result.scrollIntoView({ block: "start" });   // its top below the header (scroll-margin in quiz.css)
  };

  /* Answer a question again: open it with the earlier choice still chosen. Its saved answer
     stays (and counts on the completion sheet) until the new one is checked. */
  Quiz.prototype.reopen = function (q) {
    q.answer = null;
    q.reopened = true;
    this.show(q);
    this.update();
    (q.fieldset.querySelector("input:checked") || q.fieldset.querySelector("input")).focus();
  };

  /* A saved answer's version as this site knows it: none (saved before versions were recorded) is
     the first; one it does not know (a newer draft's, or garbage) is read as the version shown. */
  Quiz.prototype.known = function (version) {
    if (version === undefined || version === null) return this.order[0];
    return this.order.indexOf(version) >= 0 ? version : this.ohje;
  };

  /* Has the question's section changed (a major change, approved) since its saved answer? */
  Quiz.prototype.isChanged = function (q) {
    var ids = own(this.changed, q.ohje);
    return (!!q.answer || q.reopened) && q.ohje !== this.ohje && Array.isArray(ids) && ids.indexOf(q.id) >= 0;
  };

  /* "Vastaa muuttuneisiin uudelleen": open every changed question again with no option chosen
     (the old answer was for the old rules), the first one focused. */
  Quiz.prototype.retake = function () {
    var self = this;
    var changed = this.questions.filter(function (q) { return self.isChanged(q); });
    changed.forEach(function (q) {
      if (q.answer) self.reopen(q);
      q.retake = true;
      all(q.fieldset, "input").forEach(function (input) { input.checked = false; });
    });
    if (changed.length) changed[0].section.scrollIntoView({ block: "start" });
    if (changed.length) changed[0].fieldset.querySelector("input").focus();
  };

  /* Draw one question as answered or open. */
  Quiz.prototype.show = function (q) {
    var a = q.answer;
    if (q.mark) q.mark.hidden = !this.isChanged(q);
    q.section.classList.toggle("is-changed", this.isChanged(q));
    q.fieldset.disabled = !!a;
    q.check.parentNode.hidden = !!a;
    q.again.parentNode.hidden = !a;
    q.details.hidden = !a;   // no spoilers before answering
    q.details.open = !!a;
    q.verdict.hidden = !a;
    q.verdict.className = "loimaa-quiz__verdict" + (a ? (a.correct ? " is-right" : " is-wrong") : "");
    q.verdict.textContent = !a ? "" :
      a.correct ? "Oikein! Vastasit " + a.choice + "." : "Väärin. Vastasit " + a.choice + ". Katso oikea vastaus ja perustelu alta.";
    all(q.fieldset, ".loimaa-quiz__option").forEach(function (option) {
      var input = option.querySelector("input");
      option.classList.toggle("is-chosen", !!a && input.value === a.choice);
      option.classList.toggle("is-right", !!a && input.hasAttribute("data-quiz-correct"));
    });
  };

  /* Merged per question with what another tab saved meanwhile, so neither loses an answer. */
  Quiz.prototype.save = function () {
    var answers = {};
    var saved = this.stored();
    var self = this;
    this.questions.forEach(function (q) {
      var other = own(saved, q.id);
      // An answer whose section has not changed since holds for the version shown now.
      if (q.answer && self.ohje && !self.isChanged(q)) q.ohje = self.ohje;
      if (q.answer && q.ohje) q.answer.ohje = q.ohje;
      if (q.answer) answers[q.id] = q.answer;
      else if (typeof own(other, "choice") === "string") answers[q.id] = other;
    });
    Loimaa.save(this.root, this.key, this.version, { answers: answers });
  };

  Quiz.prototype.update = function () {
    var total = this.questions.length;
    var answered = this.questions.filter(function (q) { return q.answer; });
    var right = answered.filter(function (q) { return q.answer.correct; }).length;
    var done = answered.length === total;
    var progress = this.root.querySelector("[data-quiz-progress]");
    var text = "Vastattu " + answered.length + " / " + total + ", oikein " + right +
      (done ? ". Kaikkiin on vastattu: tulos on sivun lopussa." : ".");
    if (progress.textContent !== text) progress.textContent = text;
    this.updateNotice();

    var result = this.root.querySelector("[data-quiz-result]");
    result.hidden = !done;
    if (!done) return false;
    this.root.querySelector("[data-quiz-score]").textContent = right + " / " + total + " oikein. " +
      (right === total ? "Hienoa, kaikki oikein!" : "Kertaa ohjeen kohdat, joissa vastasit väärin: linkit alla.");
    var questions = this.questions;
    all(result, "[data-quiz-chapter-result]").forEach(function (li) {
      var id = li.getAttribute("data-quiz-chapter-result");
      var mine = questions.filter(function (q) { return q.chapter === id; });
      var ok = mine.filter(function (q) { return q.answer.correct; }).length;
      li.classList.toggle("is-wrong", ok < mine.length);
      li.querySelector("[data-quiz-chapter-score]").textContent =
        "(oikein " + ok + " / " + mine.length + (ok < mine.length ? ": kertaa tämä kohta)" : ")");
    });
    return true;
  };

  /* "Ohje on päivittynyt suorituksesi jälkeen" while a question is marked as changed. */
  Quiz.prototype.updateNotice = function () {
    if (!this.notice) return;
    var self = this;
    var n = this.questions.filter(function (q) { return self.isChanged(q); }).length;
    this.notice.hidden = !n;
    var text = (n === 1 ? "Yhden kysymyksen ohjeen kohta on muuttunut" : n + " kysymyksen ohjeen kohta on muuttunut") +
      " sen jälkeen, kun vastasit. " + (n === 1 ? "Se on merkitty" : "Ne on merkitty") + " alla sanalla ”Muuttunut”.";
    var count = this.notice.querySelector("[data-quiz-update-count]");
    if (count.textContent !== text) count.textContent = text;
    // What changed: the changes since the oldest version a marked answer was made against.
    var order = this.order;
    var oldest = this.questions.filter(function (q) { return self.isChanged(q); })
      .map(function (q) { return q.ohje; })
      .sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); })[0];
    all(this.notice, "[data-quiz-update-changes]").forEach(function (list) {
      list.hidden = list.getAttribute("data-quiz-update-changes") !== oldest;
    });
  };

  /* Every question open and unanswered (cleared here or in another tab). */
  Quiz.prototype.reset = function () {
    var self = this;
    this.form.reset();
    this.questions.forEach(function (q) {
      q.answer = null;
      q.first = null;
      q.ohje = null;
      q.reopened = false;
      q.retake = false;
      self.show(q);
    });
    this.update();
  };

  /* "Tyhjennä vastaukset": "Tyhjennä" stays in view (focused), "Peru" comes next to it. */
  Quiz.prototype.clear = function () {
    var n = Object.keys(this.stored() || {}).length;
    this.reset();
    this.undo.clear("Vastaukset tyhjennetty" + (n ? " (" + n + (n === 1 ? " kysymys)." : " kysymystä).") : "."));
  };

  Loimaa.register("quiz", Quiz);
});
