/*
 * Completion sheet component ("Suoritusmerkintä"): on top of
 * completion-sheet.html beside this file (macros/completion_sheet.py).
 * Name, unit and date kept in this browser; score and situation filled in
 * from what the quiz and the role helper saved; print; clear everything, with undo
 * ("Peru", Loimaa.undoable).
 */
// Run when loimaa.js is there: on instant navigation Material loads a page's
// scripts in parallel, so this file may arrive first (see loimaa.js).
(window.loimaaReady = window.loimaaReady || []).push(function (Loimaa) {
  "use strict";

  const all = Loimaa.all;
  const own = Loimaa.own;

  /* The date is a text field, not type=date: the native control writes the browser's own format,
     and building it held the first paint back (Lighthouse). Loimaa.date writes d.m.yyyy. */
  const today = Loimaa.date.today;
  const finnish = Loimaa.date.finnish;   // a date saved by the earlier date control, 2026-11-20

  /* Is d.m.yyyy a day that exists? "31.2.2026" is not; nor is 12/1/2026 (an English-locale habit). */
  function realDate(text) {
    const dmy = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
    if (!dmy) return false;
    const d = new Date(+dmy[3], +dmy[2] - 1, +dmy[1]);
    return d.getFullYear() === +dmy[3] && d.getMonth() === +dmy[2] - 1 && d.getDate() === +dmy[1];
  }
  /* Why a date is refused: a day that does not exist ("31.2.2026") is written right; only the rest
     needs the format. */
  const DATE_HINT = "esimerkiksi 1.12.2026, tai jätä kenttä tyhjäksi ja kirjoita päivämäärä paperiin käsin.";
  const NO_SUCH_DAY = "Päivämäärä ei kelpaa: sellaista päivää ei ole. Kirjoita oikea päivä, " + DATE_HINT;
  const DATE_FORMAT = "Päivämäärä ei kelpaa. Kirjoita se muodossa p.k.vvvv, " + DATE_HINT;

  class CompletionSheet extends Loimaa.Component {
    constructor(root) {
      super(root);
      this.quiz = own(this.config, "quiz") || {};
      this.roles = own(this.config, "roles") || {};
      this.fields = this.parts("field");

      this.date = root.querySelector('[data-completion-sheet-field="date"]');
      this.dateError = this.part("date-error");
      this.load();

      root.querySelector("form").addEventListener("submit", (event) => { event.preventDefault(); });
      root.querySelector("form").addEventListener("input", (event) => {
        if (event.target === this.date) {
          this.dateChanged = true;
          if (this.dateValid()) this.checkDate();   // a fixed date clears its error at once; a new one waits for change
        }
        this.save();
        this.printValues();
      });
      this.date.addEventListener("change", () => { this.checkDate(); });
      this.part("print").addEventListener("click", () => {
        if (!this.checkDate()) return this.date.focus();
        window.print();
      });
      const clear = this.part("clear");
      clear.addEventListener("click", () => { this.clear(); });
      const message = this.part("message");
      const undoButton = this.part("undo");
      this.undo = Loimaa.undoable(root, "completion-sheet", [this.key, this.quiz.key, this.roles.key],
        (text, canUndo) => {
          message.textContent = text;
          undoButton.hidden = !canUndo;
        }, () => {
          this.load();
          this.fill();
        });
      undoButton.addEventListener("click", () => {
        this.undo.undo("Perehdytyksen tiedot palautettu.");
        clear.focus();
      });
      this.fill();
    }

    /* The fields as saved (empty where nothing is), today's date offered. */
    load() {
      const saved = this.saved();
      this.fields.forEach((input) => {
        const value = own(saved, input.getAttribute("data-completion-sheet-field"));
        input.value = typeof value === "string" ? finnish(value) : "";
      });
      this.dateChanged = !!this.date.value;   // only a date the user set was stored
      this.defaultDate();
    }

    /* Today's date is offered, but stored only if the user changes it. */
    defaultDate() {
      if (!this.date.value) this.date.value = today();
      this.checkDate();
      this.printValues();
    }

    /* On paper: each field's whole text (an input would cut it); a date that is no real day not at all,
       so the line is left to fill in by hand. */
    printValues() {
      this.fields.forEach((input) => {
        input.nextElementSibling.textContent = input === this.date && !this.dateValid() ? "" : input.value;
      });
    }

    dateValid() {
      return !this.date.value.trim() || realDate(this.date.value);
    }

    /* Mark the date field and say why when its date is not a real day; returns whether it is fine. */
    checkDate() {
      const ok = this.dateValid();
      if (ok) this.date.removeAttribute("aria-invalid");
      else this.date.setAttribute("aria-invalid", "true");
      const written = /^\s*\d{1,2}\.\d{1,2}\.\d{4}\s*$/.test(this.date.value);
      const text = ok ? "" : written ? NO_SUCH_DAY : DATE_FORMAT;
      if (this.dateError.textContent !== text) this.dateError.textContent = text;
      return ok;
    }

    save() {
      const value = {};
      this.fields.forEach((input) => {
        if (input !== this.date || this.dateChanged) value[input.getAttribute("data-completion-sheet-field")] = input.value;
      });
      this.store(value);
    }

    /* Score, chapters and role from what the user did on the other pages. */
    fill() {
      const root = this.root;
      const total = this.quiz.total;
      const answers = own(Loimaa.storage.read(this.quiz.key, this.quiz.version), "answers");
      const isAnswer = (id) => {   // the shape quiz.js saves; anything else is not an answer
        const a = own(answers, id);
        return typeof own(a, "choice") === "string" && typeof own(a, "correct") === "boolean";
      };
      const isRight = (id) => { return isAnswer(id) && own(answers, id).correct === true; };
      // Right on the first try, or right only after "Vastaa uudelleen"; saved before this was recorded: unknown.
      const first = (id) => { const f = own(own(answers, id), "first"); return typeof f === "boolean" ? f : null; };
      const firstRight = (id) => { return isAnswer(id) && first(id) === true; };
      const rightLater = (id) => { return isRight(id) && first(id) === false; };
      const unknown = (id) => { return isAnswer(id) && first(id) === null; };

      let ids = [];
      all(root, "[data-completion-sheet-chapter]").forEach((row) => {
        let mine = Loimaa.json(row, "completion-sheet-questions");
        mine = Array.isArray(mine) ? mine : [];
        ids = ids.concat(mine);
        const cell = row.querySelector("[data-completion-sheet-chapter-score]");
        const answered = mine.filter(isAnswer).length;
        const open = mine.length - answered;
        cell.textContent = !answered ? "" : open ?
          mine.filter(isRight).length + " / " + answered + " vastatusta, vastaamatta " + open :
          mine.filter(isRight).length + " / " + mine.length;
        cell.classList.toggle("loimaa-completion-sheet__blank", !answered);
      });
      const answered = ids.filter(isAnswer).length;
      const right = ids.filter(isRight).length;
      const score = this.part("score");
      const tries = this.part("tries");
      if (answered === total) score.textContent = "Testi on tehty: oikein " + right + " / " + total + ".";
      else if (answered) score.textContent = "Testi on kesken: vastattu " + answered + " / " + total +
        ", vastaamatta " + (total - answered) + ". Oikein " + right + " / " + answered + " vastatusta.";
      else score.textContent = "Oikeita vastauksia: ______ / " + total + " (testiä ei ole tehty tässä selaimessa).";
      const notKnown = ids.filter(unknown).length;
      tries.textContent = !answered ? tries.getAttribute("data-completion-sheet-tries") :
        "Oikein ensimmäisellä yrityksellä " + ids.filter(firstRight).length + " / " + total +
        ", uudelleen vastaamalla " + ids.filter(rightLater).length +
        (notKnown ? " (" + notKnown + " vastauksesta ei tiedetä, monennellako yrityksellä se annettiin)" : "") + ".";

      if (Loimaa.refreshUpdateNotices) Loimaa.refreshUpdateNotices();   // the guideline's version (update-notice.js)

      const outcome = own(Loimaa.storage.read(this.roles.key, this.roles.version), "outcome");
      const title = typeof outcome === "string" ? own(this.roles.titles, outcome) : "";
      this.part("role").textContent =
        "Oma tilanteeni ohjeen kohdan 3.1 mukaan: " + (typeof title === "string" && title ? title : "______________________");
    }

    /* A shared training computer: clear everything the onboarding kept. "Tyhjennä" stays in view
       (focused), "Peru" comes next to it. */
    clear() {
      this.undo.clear("Perehdytyksen tiedot on tyhjennetty tästä selaimesta.");
      this.load();
      this.fill();
    }
  }

  Loimaa.register("completion-sheet", CompletionSheet);
});
