/*
 * Completion sheet component ("Suoritusmerkintä"): on top of
 * overrides/components/completion-sheet.html (macros/completion_sheet.py).
 * Name, unit and date kept in this browser; score and situation filled in
 * from what the quiz and the role helper saved; print; clear everything, with undo
 * ("Peru", Loimaa.undoable).
 */
// Run when loimaa.js is there: on instant navigation Material loads a page's
// scripts in parallel, so this file may arrive first (see loimaa.js).
(window.loimaaReady = window.loimaaReady || []).push(function (Loimaa) {
  "use strict";

  var all = Loimaa.all;
  var own = Loimaa.own;

  /* The date is a text field, not type=date: the native control writes the browser's own format,
     and building it held the first paint back (Lighthouse). Loimaa.date writes d.m.yyyy. */
  var today = Loimaa.date.today;
  var finnish = Loimaa.date.finnish;   // a date saved by the earlier date control, 2026-11-20

  /* Is d.m.yyyy a day that exists? "31.2.2026" is not; nor is 12/1/2026 (an English-locale habit). */
  function realDate(text) {
    var dmy = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
    if (!dmy) return false;
    var d = new Date(+dmy[3], +dmy[2] - 1, +dmy[1]);
    return d.getFullYear() === +dmy[3] && d.getMonth() === +dmy[2] - 1 && d.getDate() === +dmy[1];
  }
  /* Why a date is refused: a day that does not exist ("31.2.2026") is written right; only the rest
     needs the format. */
  var DATE_HINT = "esimerkiksi 1.12.2026, tai jätä kenttä tyhjäksi ja kirjoita päivämäärä paperiin käsin.";
  var NO_SUCH_DAY = "Päivämäärä ei kelpaa: sellaista päivää ei ole. Kirjoita oikea päivä, " + DATE_HINT;
  var DATE_FORMAT = "Päivämäärä ei kelpaa. Kirjoita se muodossa p.k.vvvv, " + DATE_HINT;

  function CompletionSheet(root) {
    var self = this;
    this.root = root;
    this.config = Loimaa.config(root, "sheet");
    this.quiz = own(this.config, "quiz") || {};
    this.roles = own(this.config, "roles") || {};
    this.fields = all(root, "[data-sheet-field]");
    Loimaa.enhance(root);

    this.date = root.querySelector('[data-sheet-field="date"]');
    this.dateError = root.querySelector("[data-sheet-date-error]");
    this.load();

    root.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });
    root.querySelector("form").addEventListener("input", function (event) {
      if (event.target === self.date) {
        self.dateChanged = true;
        if (self.dateValid()) self.checkDate();   // a fixed date clears its error at once; a new one waits for change
      }
      self.save();
      self.printValues();
    });
    this.date.addEventListener("change", function () { self.checkDate(); });
    root.querySelector("[data-sheet-print]").addEventListener("click", function () {
      if (!self.checkDate()) return self.date.focus();
      window.print();
    });
    var clear = root.querySelector("[data-sheet-clear]");
    clear.addEventListener("click", function () { self.clear(); });
    var message = root.querySelector("[data-sheet-message]");
    var undoButton = root.querySelector("[data-sheet-undo]");
    this.undo = Loimaa.undoable(root, "completion-sheet", [this.config.key, this.quiz.key, this.roles.key],
      function (text, canUndo) {
        message.textContent = text;
        undoButton.hidden = !canUndo;
      }, function () {
        self.load();
        self.fill();
      });
    undoButton.addEventListener("click", function () {
      self.undo.undo("Perehdytyksen tiedot palautettu.");
      clear.focus();
    });
    this.fill();
  }

  /* The fields as saved (empty where nothing is), today's date offered. */
  CompletionSheet.prototype.load = function () {
    var saved = Loimaa.storage.read(this.config.key, this.config.version);
    this.fields.forEach(function (input) {
      var value = own(saved, input.getAttribute("data-sheet-field"));
      input.value = typeof value === "string" ? finnish(value) : "";
    });
    this.dateChanged = !!this.date.value;   // only a date the user set was stored
    this.defaultDate();
  };

  /* Today's date is offered, but stored only if the user changes it. */
  CompletionSheet.prototype.defaultDate = function () {
    if (!this.date.value) this.date.value = today();
    this.checkDate();
    this.printValues();
  };

  /* On paper: each field's whole text (an input would cut it); a date that is no real day not at all,
     so the line is left to fill in by hand. */
  CompletionSheet.prototype.printValues = function () {
    var self = this;
    this.fields.forEach(function (input) {
      input.nextElementSibling.textContent = input === self.date && !self.dateValid() ? "" : input.value;
    });
  };

  CompletionSheet.prototype.dateValid = function () {
    return !this.date.value.trim() || realDate(this.date.value);
  };

  /* Mark the date field and say why when its date is not a real day; returns whether it is fine. */
  CompletionSheet.prototype.checkDate = function () {
    var ok = this.dateValid();
    if (ok) this.date.removeAttribute("aria-invalid");
    else this.date.setAttribute("aria-invalid", "true");
    var written = /^\s*\d{1,2}\.\d{1,2}\.\d{4}\s*$/.test(this.date.value);
    var text = ok ? "" : written ? NO_SUCH_DAY : DATE_FORMAT;
    if (this.dateError.textContent !== text) this.dateError.textContent = text;
    return ok;
  };

  CompletionSheet.prototype.save = function () {
    var value = {};
    var self = this;
    this.fields.forEach(function (input) {
      if (input !== self.date || self.dateChanged) value[input.getAttribute("data-sheet-field")] = input.value;
    });
    Loimaa.save(this.root, this.config.key, this.config.version, value);
  };

  /* Score, chapters and role from what the user did on the other pages. */
  CompletionSheet.prototype.fill = function () {
    var root = this.root;
    var total = this.quiz.total;
    var answers = own(Loimaa.storage.read(this.quiz.key, this.quiz.version), "answers");
    var isAnswer = function (id) {   // the shape quiz.js saves; anything else is not an answer
      var a = own(answers, id);
      return typeof own(a, "choice") === "string" && typeof own(a, "correct") === "boolean";
    };
    var isRight = function (id) { return isAnswer(id) && own(answers, id).correct === true; };
    // Right on the first try, or right only after "Vastaa uudelleen"; saved before this was recorded: unknown.
    var first = function (id) { var f = own(own(answers, id), "first"); return typeof f === "boolean" ? f : null; };
    var firstRight = function (id) { return isAnswer(id) && first(id) === true; };
    var rightLater = function (id) { return isRight(id) && first(id) === false; };
    var unknown = function (id) { return isAnswer(id) && first(id) === null; };

    var ids = [];
    all(root, "[data-sheet-chapter]").forEach(function (row) {
      var mine = Loimaa.json(row, "questions");
      mine = Array.isArray(mine) ? mine : [];
      ids = ids.concat(mine);
      var cell = row.querySelector("[data-sheet-chapter-score]");
      var answered = mine.filter(isAnswer).length;
      var open = mine.length - answered;
      cell.textContent = !answered ? "" : open ?
        mine.filter(isRight).length + " / " + answered + " vastatusta, vastaamatta " + open :
        mine.filter(isRight).length + " / " + mine.length;
      cell.classList.toggle("loimaa-sheet__blank", !answered);
    });
    var answered = ids.filter(isAnswer).length;
    var right = ids.filter(isRight).length;
    var score = root.querySelector("[data-sheet-score]");
    var tries = root.querySelector("[data-sheet-tries]");
    if (answered === total) score.textContent = "Testi on tehty: oikein " + right + " / " + total + ".";
    else if (answered) score.textContent = "Testi on kesken: vastattu " + answered + " / " + total +
      ", vastaamatta " + (total - answered) + ". Oikein " + right + " / " + answered + " vastatusta.";
    else score.textContent = "Oikeita vastauksia: ______ / " + total + " (testiä ei ole tehty tässä selaimessa).";
    var notKnown = ids.filter(unknown).length;
    tries.textContent = !answered ? tries.getAttribute("data-sheet-tries") :
      "Oikein ensimmäisellä yrityksellä " + ids.filter(firstRight).length + " / " + total +
      ", uudelleen vastaamalla " + ids.filter(rightLater).length +
      (notKnown ? " (" + notKnown + " vastauksesta ei tiedetä, monennellako yrityksellä se annettiin)" : "") + ".";

    if (Loimaa.refreshUpdateNotices) Loimaa.refreshUpdateNotices();   // the guideline's version (update-notice.js)

    var outcome = own(Loimaa.storage.read(this.roles.key, this.roles.version), "outcome");
    var title = typeof outcome === "string" ? own(this.roles.titles, outcome) : "";
    root.querySelector("[data-sheet-role]").textContent =
      "Oma tilanteeni ohjeen kohdan 3.1 mukaan: " + (typeof title === "string" && title ? title : "______________________");
  };

  /* A shared training computer: clear everything the onboarding kept. "Tyhjennä" stays in view
     (focused), "Peru" comes next to it. */
  CompletionSheet.prototype.clear = function () {
    this.undo.clear("Perehdytyksen tiedot on tyhjennetty tästä selaimesta.");
    this.load();
    this.fill();
  };

  Loimaa.register("completion-sheet", CompletionSheet);
});
