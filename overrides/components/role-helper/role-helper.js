/*
 * Role helper component ("Kumman roolissa toimit?", guideline 3.1): on top of
 * role-helper.html beside this file (macros/role_helper.py). One yes/no
 * question at a time, then only the matching situation. Answers are saved
 * through Loimaa.storage only after the user acts; "Aloita alusta" clears them,
 * with undo ("Peru", Loimaa.undoable).
 */
// Run when loimaa.js is there: on instant navigation Material loads a page's
// scripts in parallel, so this file may arrive first (see loimaa.js).
(window.loimaaReady = window.loimaaReady || []).push(function (Loimaa) {
  "use strict";

  const all = Loimaa.all;

  function checkedValue(root, name) {
    const input = root.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : "";
  }

  class RoleHelper extends Loimaa.Component {
    constructor(root) {
      super(root);
      this.start = this.config.start;
      this.form = root.querySelector("form");
      // A Map: question ids from saved answers never reach Object.prototype.
      this.questions = new Map();
      this.parts("question").forEach((fieldset) => {
        this.questions.set(fieldset.getAttribute("data-role-helper-question"), {
          fieldset: fieldset,
          yes: fieldset.getAttribute("data-role-helper-yes"),
          no: fieldset.getAttribute("data-role-helper-no"),
        });
      });
      this.outcomes = this.parts("outcome");

      this.load();
      this.form.addEventListener("submit", (event) => event.preventDefault());
      this.form.addEventListener("change", () => this.update(true));
      this.part("reset").addEventListener("click", () => this.reset());
      const message = this.part("message");
      const undoButton = this.part("undo");
      this.undo = Loimaa.undoable(root, "role-helper", [this.key], (text, canUndo) => {
        message.textContent = text;
        undoButton.hidden = !canUndo;
      }, () => this.load());
      undoButton.addEventListener("click", () => {
        this.undo.undo("Vastaukset palautettu.");
        this.part("reset").focus();
      });
    }

    /* The saved answers onto the form, then the path they lead along. */
    load() {
      const answers = Loimaa.own(this.saved(), "answers");
      this.questions.forEach((question, id) => {
        const answer = Loimaa.own(answers, id);
        all(question.fieldset, "input").forEach((input) => { input.checked = input.value === answer; });
      });
      this.update(false);
    }

    /* Follow the answers from the first question; questions off that path are cleared. */
    update(byUser) {
      let node = this.start;
      const onPath = new Set();
      const answers = {};
      while (this.questions.has(node) && !onPath.has(node)) {
        onPath.add(node);
        const answer = checkedValue(this.questions.get(node).fieldset, node);
        if (!answer) break;
        answers[node] = answer;
        node = this.questions.get(node)[answer];
      }
      this.questions.forEach((question, id) => {
        question.fieldset.hidden = !onPath.has(id);
        if (!onPath.has(id)) all(question.fieldset, "input").forEach((input) => { input.checked = false; });
      });
      const outcome = this.questions.has(node) ? "" : node;
      let match = null;
      this.outcomes.forEach((section) => {
        const isMatch = section.getAttribute("data-role-helper-outcome") === outcome;
        section.hidden = !isMatch;
        section.querySelector("[data-role-helper-yours]").hidden = !isMatch;
        if (isMatch) match = section;
      });
      // Of the paths that lead to the situation, the one the user took, as plain text (a list of one
      // would be no list).
      const path = Object.keys(answers).map((id) => id + "=" + answers[id]).join(",");
      const when = match && match.querySelector("[data-role-helper-when]");
      const mine = when && all(match, "[data-role-helper-path]").filter((li) => {
        return li.getAttribute("data-role-helper-path") === path;
      })[0];
      if (mine) {
        when.textContent = "Kun vastaat: " + mine.textContent;
        match.querySelector("[data-role-helper-paths]").hidden = true;
      }
      const status = this.part("status");
      const text = match ? "Tilanteesi: " + match.getAttribute("data-role-helper-title") + ". Ohjeen sanat ovat alla." : "";
      if (status.textContent !== text) status.textContent = text;
      if (byUser) this.store({ answers: answers, outcome: outcome });
    }

    reset() {
      this.form.reset();
      this.undo.clear("Vastaukset tyhjennetty.");
      this.update(false);
      this.questions.get(this.start).fieldset.querySelector("input").focus();
    }
  }

  Loimaa.register("role-helper", RoleHelper);
});
