/*
 * Quiz component ("Testaa osaamisesi"): on top of quiz.html beside this file
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

  const all = Loimaa.all;
  const own = Loimaa.own;

  class Quiz extends Loimaa.Component {
    constructor(root) {
      super(root);
      this.ohje = this.config.ohje;   // the version shown now (absent: this site tracks no versions)
      this.order = Array.isArray(this.config.order) ? this.config.order : [];
      this.changed = own(this.config, "changed");
      this.form = root.querySelector("form");
      this.questions = this.parts("question").map((section) => {
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

      this.restore(this.stored());
      this.form.addEventListener("submit", (event) => event.preventDefault());
      this.questions.forEach((q) => {
        q.check.addEventListener("click", () => this.answer(q, true));
        q.again.addEventListener("click", () => this.reopen(q));
      });
      this.notice = this.part("update");
      if (this.notice) {
        this.part("retake").addEventListener("click", () => this.retake());
      }
      this.clearButton = this.part("clear");
      this.clearButton.addEventListener("click", () => this.clear());
      const message = this.part("message");
      const undoButton = this.part("undo");
      this.undo = Loimaa.undoable(root, "quiz", [this.key], (text, canUndo) => {
        message.textContent = text;
        undoButton.hidden = !canUndo;
      }, () => this.restore(this.stored()));
      undoButton.addEventListener("click", () => {
        this.undo.undo("Vastaukset palautettu.");
        this.clearButton.focus();
      });
      // Another tab answered or cleared: take its answers in, keep this tab's own.
      this.watch(() => {
        const answers = this.stored();
        if (answers) this.restore(answers);
        else this.reset();
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
    stored() {
      return own(this.saved(), "answers") || null;
    }

    /* Show the saved answer of each question not answered (or opened again) here yet. */
    restore(answers) {
      this.questions.forEach((q) => {
        const choice = own(own(answers, q.id), "choice");
        const first = own(own(answers, q.id), "first");
        if (!q.answer && !q.reopened) q.first = typeof first === "boolean" ? first : null;
        const input = !q.answer && !q.reopened && typeof choice === "string" &&
          q.fieldset.querySelector('input[value="' + choice.replace(/[^a-z]/g, "") + '"]');
        if (input) {
          input.checked = true;
          q.ohje = this.known(own(own(answers, q.id), "ohje"));
          this.answer(q, false);
        } else {
          this.show(q);
        }
      });
      this.update();
    }

    /* Lock in the chosen option and show the verdict and the guideline's explanation. */
    answer(q, byUser) {
      const chosen = q.fieldset.querySelector("input:checked");
      if (!chosen) {
        q.verdict.hidden = false;
        q.verdict.className = "loimaa-quiz__verdict";
        q.verdict.textContent = "Valitse ensin vastaus.";
        q.fieldset.querySelector("input").focus();
        return;
      }
      const right = chosen.hasAttribute("data-quiz-correct");
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
      const result = this.root.querySelector("[data-quiz-result]");
      result.focus({ preventScroll: true });
      result.scrollIntoView({ block: "start" });   // its top below the header (scroll-margin in quiz.css)
    }

    /* Answer a question again: open it with the earlier choice still chosen. Its saved answer
       stays (and counts on the completion sheet) until the new one is checked. */
    reopen(q) {
      q.answer = null;
      q.reopened = true;
      this.show(q);
      this.update();
      (q.fieldset.querySelector("input:checked") || q.fieldset.querySelector("input")).focus();
    }

    /* A saved answer's version as this site knows it: none (saved before versions were recorded) is
       the first; one it does not know (a newer draft's, or garbage) is read as the version shown. */
    known(version) {
      if (version === undefined || version === null) return this.order[0];
      return this.order.indexOf(version) >= 0 ? version : this.ohje;
    }

    /* Has the question's section changed (a major change, approved) since its saved answer? */
    isChanged(q) {
      const ids = own(this.changed, q.ohje);
      return (!!q.answer || q.reopened) && q.ohje !== this.ohje && Array.isArray(ids) && ids.indexOf(q.id) >= 0;
    }

    /* "Vastaa muuttuneisiin uudelleen": open every changed question again with no option chosen
       (the old answer was for the old rules), the first one focused. */
    retake() {
      const changed = this.questions.filter((q) => { return this.isChanged(q); });
      changed.forEach((q) => {
        if (q.answer) this.reopen(q);
        q.retake = true;
        all(q.fieldset, "input").forEach((input) => { input.checked = false; });
      });
      if (changed.length) changed[0].section.scrollIntoView({ block: "start" });
      if (changed.length) changed[0].fieldset.querySelector("input").focus();
    }

    /* Draw one question as answered or open. */
    show(q) {
      const a = q.answer;
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
      all(q.fieldset, ".loimaa-quiz__option").forEach((option) => {
        const input = option.querySelector("input");
        option.classList.toggle("is-chosen", !!a && input.value === a.choice);
        option.classList.toggle("is-right", !!a && input.hasAttribute("data-quiz-correct"));
      });
    }

    /* Merged per question with what another tab saved meanwhile, so neither loses an answer. */
    save() {
      const answers = {};
      const saved = this.stored();
      this.questions.forEach((q) => {
        const other = own(saved, q.id);
        // An answer whose section has not changed since holds for the version shown now.
        if (q.answer && this.ohje && !this.isChanged(q)) q.ohje = this.ohje;
        if (q.answer && q.ohje) q.answer.ohje = q.ohje;
        if (q.answer) answers[q.id] = q.answer;
        else if (typeof own(other, "choice") === "string") answers[q.id] = other;
      });
      this.store({ answers: answers });
    }

    update() {
      const total = this.questions.length;
      const answered = this.questions.filter((q) => { return q.answer; });
      const right = answered.filter((q) => { return q.answer.correct; }).length;
      const done = answered.length === total;
      const progress = this.root.querySelector("[data-quiz-progress]");
      const text = "Vastattu " + answered.length + " / " + total + ", oikein " + right +
        (done ? ". Kaikkiin on vastattu: tulos on sivun lopussa." : ".");
      if (progress.textContent !== text) progress.textContent = text;
      this.updateNotice();

      const result = this.root.querySelector("[data-quiz-result]");
      result.hidden = !done;
      if (!done) return false;
      this.root.querySelector("[data-quiz-score]").textContent = right + " / " + total + " oikein. " +
        (right === total ? "Hienoa, kaikki oikein!" : "Kertaa ohjeen kohdat, joissa vastasit väärin: linkit alla.");
      const questions = this.questions;
      all(result, "[data-quiz-chapter-result]").forEach((li) => {
        const id = li.getAttribute("data-quiz-chapter-result");
        const mine = questions.filter((q) => { return q.chapter === id; });
        const ok = mine.filter((q) => { return q.answer.correct; }).length;
        li.classList.toggle("is-wrong", ok < mine.length);
        li.querySelector("[data-quiz-chapter-score]").textContent =
          "(oikein " + ok + " / " + mine.length + (ok < mine.length ? ": kertaa tämä kohta)" : ")");
      });
      return true;
    }

    /* "Ohje on päivittynyt suorituksesi jälkeen" while a question is marked as changed. */
    updateNotice() {
      if (!this.notice) return;
      const n = this.questions.filter((q) => { return this.isChanged(q); }).length;
      this.notice.hidden = !n;
      const text = (n === 1 ? "Yhden kysymyksen ohjeen kohta on muuttunut" : n + " kysymyksen ohjeen kohta on muuttunut") +
        " sen jälkeen, kun vastasit. " + (n === 1 ? "Se on merkitty" : "Ne on merkitty") + " alla sanalla ”Muuttunut”.";
      const count = this.notice.querySelector("[data-quiz-update-count]");
      if (count.textContent !== text) count.textContent = text;
      // What changed: the changes since the oldest version a marked answer was made against.
      const order = this.order;
      const oldest = this.questions.filter((q) => { return this.isChanged(q); })
        .map((q) => { return q.ohje; })
        .sort((a, b) => { return order.indexOf(a) - order.indexOf(b); })[0];
      all(this.notice, "[data-quiz-update-changes]").forEach((list) => {
        list.hidden = list.getAttribute("data-quiz-update-changes") !== oldest;
      });
    }

    /* Every question open and unanswered (cleared here or in another tab). */
    reset() {
      this.form.reset();
      this.questions.forEach((q) => {
        q.answer = null;
        q.first = null;
        q.ohje = null;
        q.reopened = false;
        q.retake = false;
        this.show(q);
      });
      this.update();
    }

    /* "Tyhjennä vastaukset": "Tyhjennä" stays in view (focused), "Peru" comes next to it. */
    clear() {
      const n = Object.keys(this.stored() || {}).length;
      this.reset();
      this.undo.clear("Vastaukset tyhjennetty" + (n ? " (" + n + (n === 1 ? " kysymys)." : " kysymystä).") : "."));
    }

  }

  Loimaa.register("quiz", Quiz);
});
