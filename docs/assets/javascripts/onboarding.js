/*
 * Onboarding ("Perehdytys"), on top of the plain HTML rendered by
 * macros/onboarding.py. Three components, started by loimaa.js:
 *
 *   role-helper       one yes/no question at a time, then only the matching
 *                     situation of guideline 3.1
 *   quiz              check each answer, show why, score at the end, retry
 *   completion-sheet  name and date kept in this browser, score and role
 *                     filled in from the other two, print
 *
 * Everything is saved through Loimaa.storage (versioned, never throws) and only
 * after the user acts. User text goes on the page with textContent only.
 */
// Run when loimaa.js is there: on instant navigation Material loads a page's
// scripts in parallel, so this file may arrive first (see loimaa.js).
(window.loimaaReady = window.loimaaReady || []).push(function (Loimaa) {
  "use strict";

  var all = Loimaa.all;
  var isObject = Loimaa.isObject;

  /* Show the parts that need JavaScript, hide the no-JavaScript instructions. */
  function enhance(root, prefix) {
    all(root, "[data-" + prefix + "-js]").forEach(function (node) { node.hidden = false; });
    all(root, "[data-" + prefix + "-nojs]").forEach(function (node) { node.hidden = true; });
    if (!Loimaa.storage.available()) showStorageNote(root, prefix);
  }

  function showStorageNote(root, prefix) {
    var note = root.querySelector("[data-" + prefix + "-storage-note]");
    if (note) note.hidden = false;
  }

  function save(root, prefix, key, version, value) {
    if (!Loimaa.storage.write(key, version, value)) showStorageNote(root, prefix);
  }

  /* A short message in a live region, cleared after a while. */
  function say(region, message) {
    if (!region) return;
    region.textContent = message;
    window.clearTimeout(region.loimaaTimer);
    region.loimaaTimer = window.setTimeout(function () { region.textContent = ""; }, 6000);
  }

  function checkedValue(root, name) {
    var input = root.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : "";
  }

  /* ---------------------------------------------------------------- role helper */

  function RoleHelper(root) {
    var self = this;
    this.root = root;
    this.key = root.getAttribute("data-role-key");
    this.version = Number(root.getAttribute("data-role-version"));
    this.start = root.getAttribute("data-role-start");
    this.form = root.querySelector("form");
    this.questions = {};
    all(root, "[data-role-question]").forEach(function (fieldset) {
      self.questions[fieldset.getAttribute("data-role-question")] = {
        fieldset: fieldset,
        yes: fieldset.getAttribute("data-yes"),
        no: fieldset.getAttribute("data-no"),
      };
    });
    this.outcomes = all(root, "[data-role-outcome]");
    enhance(root, "role");

    var saved = Loimaa.storage.read(this.key, this.version);
    if (isObject(saved) && isObject(saved.answers)) {
      Object.keys(saved.answers).forEach(function (id) {
        var input = self.questions[id] &&
          self.questions[id].fieldset.querySelector('input[value="' + (saved.answers[id] === "no" ? "no" : "yes") + '"]');
        if (input) input.checked = true;
      });
    }
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.form.addEventListener("change", function () { self.update(true); });
    root.querySelector("[data-role-reset]").addEventListener("click", function () { self.reset(); });
    this.update(false);
  }

  /* Follow the answers from the first question; questions off that path are cleared. */
  RoleHelper.prototype.update = function (byUser) {
    var self = this;
    var node = this.start;
    var onPath = {};
    var answers = {};
    while (this.questions[node]) {
      onPath[node] = true;
      var answer = checkedValue(this.questions[node].fieldset, node);
      if (!answer) break;
      answers[node] = answer;
      node = this.questions[node][answer];
    }
    Object.keys(this.questions).forEach(function (id) {
      var fieldset = self.questions[id].fieldset;
      fieldset.hidden = !onPath[id];
      if (!onPath[id]) all(fieldset, "input").forEach(function (input) { input.checked = false; });
    });
    var outcome = this.questions[node] ? "" : node;
    var match = null;
    this.outcomes.forEach(function (section) {
      var isMatch = section.getAttribute("data-role-outcome") === outcome;
      section.hidden = !isMatch;
      section.querySelector("[data-role-yours]").hidden = !isMatch;
      if (isMatch) match = section;
    });
    var status = this.root.querySelector("[data-role-status]");
    var text = match ? "Tilanteesi: " + match.getAttribute("data-role-title") + ". Ohjeen sanat ovat alla." : "";
    if (status.textContent !== text) status.textContent = text;
    if (byUser) save(this.root, "role", this.key, this.version, { answers: answers, outcome: outcome });
  };

  RoleHelper.prototype.reset = function () {
    this.form.reset();
    Loimaa.storage.remove(this.key);
    this.update(false);
    this.questions[this.start].fieldset.querySelector("input").focus();
  };

  /* ----------------------------------------------------------------------- quiz */

  function Quiz(root) {
    var self = this;
    this.root = root;
    this.key = root.getAttribute("data-quiz-key");
    this.version = Number(root.getAttribute("data-quiz-version"));
    this.form = root.querySelector("form");
    this.questions = all(root, "[data-quiz-question]").map(function (section) {
      return {
        id: section.getAttribute("data-quiz-question"),
        chapter: section.getAttribute("data-quiz-chapter"),
        section: section,
        fieldset: section.querySelector("fieldset"),
        check: section.querySelector("[data-quiz-check]"),
        verdict: section.querySelector("[data-quiz-verdict]"),
        details: section.querySelector("[data-quiz-answer]"),
        answer: null,
      };
    });
    enhance(root, "quiz");

    var saved = Loimaa.storage.read(this.key, this.version);
    var answers = isObject(saved) && isObject(saved.answers) ? saved.answers : {};
    this.questions.forEach(function (q) {
      var stored = answers[q.id];
      var input = isObject(stored) && typeof stored.choice === "string" &&
        q.fieldset.querySelector('input[value="' + stored.choice.replace(/[^a-z]/g, "") + '"]');
      if (input) {
        input.checked = true;
        self.answer(q, false);
      } else {
        self.show(q);
      }
    });

    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.questions.forEach(function (q) {
      q.check.addEventListener("click", function () { self.answer(q, true); });
    });
    root.querySelector("[data-quiz-clear]").addEventListener("click", function () {
      self.clear("Vastaukset tyhjennetty.");
    });
    root.querySelector("[data-quiz-retry]").addEventListener("click", function () {
      self.clear("Aloita alusta: vastaukset on tyhjennetty.");
    });
    this.update();
  }

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
    q.answer = { choice: chosen.value, correct: right };
    this.show(q);
    if (!byUser) return;
    this.save();
    this.update();
    q.verdict.focus();
  };

  /* Draw one question as answered or open. */
  Quiz.prototype.show = function (q) {
    var a = q.answer;
    q.fieldset.disabled = !!a;
    q.check.parentNode.hidden = !!a;
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

  Quiz.prototype.save = function () {
    var answers = {};
    this.questions.forEach(function (q) { if (q.answer) answers[q.id] = q.answer; });
    save(this.root, "quiz", this.key, this.version, { answers: answers });
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

    var result = this.root.querySelector("[data-quiz-result]");
    result.hidden = !done;
    if (!done) return;
    this.root.querySelector("[data-quiz-score]").textContent = right + " / " + total + " oikein. " +
      (right === total ? "Hienoa, kaikki oikein!" : "Kertaa ohjeen kohdat, joissa vastasit väärin, ja yritä uudelleen.");
    var questions = this.questions;
    all(result, "[data-quiz-chapter-result]").forEach(function (li) {
      var id = li.getAttribute("data-quiz-chapter-result");
      var mine = questions.filter(function (q) { return q.chapter === id; });
      var ok = mine.filter(function (q) { return q.answer.correct; }).length;
      li.textContent = li.getAttribute("data-title") + ": " + ok + " / " + mine.length + " oikein";
    });
  };

  Quiz.prototype.clear = function (message) {
    var self = this;
    this.form.reset();
    this.questions.forEach(function (q) {
      q.answer = null;
      self.show(q);
    });
    Loimaa.storage.remove(this.key);
    this.update();
    say(this.root.querySelector("[data-quiz-message]"), message);
    this.questions[0].fieldset.querySelector("input").focus();
  };

  /* ----------------------------------------------------------- completion sheet */

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function CompletionSheet(root) {
    var self = this;
    this.root = root;
    this.key = root.getAttribute("data-sheet-key");
    this.version = Number(root.getAttribute("data-sheet-version"));
    this.fields = all(root, "[data-sheet-field]");
    enhance(root, "sheet");

    var saved = Loimaa.storage.read(this.key, this.version);
    this.fields.forEach(function (input) {
      var value = isObject(saved) ? saved[input.getAttribute("data-sheet-field")] : null;
      if (typeof value === "string") input.value = value;
    });
    this.defaultDate();

    root.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });
    root.querySelector("form").addEventListener("input", function () { self.save(); });
    root.querySelector("[data-sheet-print]").addEventListener("click", function () { window.print(); });
    root.querySelector("[data-sheet-clear]").addEventListener("click", function () { self.clear(); });
    this.fill();
  }

  /* Today's date is offered, but stored only if the user types a date. */
  CompletionSheet.prototype.defaultDate = function () {
    var date = this.root.querySelector('[data-sheet-field="date"]');
    if (date && !date.value) date.value = today();
  };

  CompletionSheet.prototype.save = function () {
    var value = {};
    this.fields.forEach(function (input) { value[input.getAttribute("data-sheet-field")] = input.value; });
    save(this.root, "sheet", this.key, this.version, value);
  };

  /* Score, chapters and role from what the user did on the other pages. */
  CompletionSheet.prototype.fill = function () {
    var root = this.root;
    var total = Number(root.getAttribute("data-quiz-total"));
    var quiz = Loimaa.storage.read(root.getAttribute("data-quiz-key"), Number(root.getAttribute("data-quiz-version")));
    var answers = isObject(quiz) && isObject(quiz.answers) ? quiz.answers : {};
    var isAnswer = function (id) {   // the shape quiz.save() writes; anything else is not an answer
      var a = answers[id];
      return isObject(a) && typeof a.choice === "string" && typeof a.correct === "boolean";
    };
    var isRight = function (id) { return isAnswer(id) && answers[id].correct === true; };

    var ids = [];
    all(root, "[data-sheet-chapter]").forEach(function (row) {
      var mine = row.getAttribute("data-questions").split(" ");
      ids = ids.concat(mine);
      var cell = row.querySelector("[data-sheet-chapter-score]");
      var answered = mine.filter(isAnswer).length;
      cell.textContent = answered ? mine.filter(isRight).length + " / " + mine.length : "";
      cell.classList.toggle("loimaa-sheet__blank", !answered);
    });
    var answered = ids.filter(isAnswer).length;
    var right = ids.filter(isRight).length;
    var score = root.querySelector("[data-sheet-score]");
    if (answered === total) score.textContent = "Oikeita vastauksia: " + right + " / " + total + ".";
    else if (answered) score.textContent = "Testi on kesken: vastattu " + answered + " / " + total + ", oikein " + right + ".";
    else score.textContent = "Oikeita vastauksia: ______ / " + total + " (testiä ei ole tehty tässä selaimessa).";

    var titles = {};
    (root.getAttribute("data-role-titles") || "").split("|").forEach(function (pair) {
      var i = pair.indexOf("=");
      if (i > 0) titles[pair.slice(0, i)] = pair.slice(i + 1);
    });
    var role = Loimaa.storage.read(root.getAttribute("data-role-key"), Number(root.getAttribute("data-role-version")));
    var title = isObject(role) && typeof role.outcome === "string" ? titles[role.outcome] : "";
    root.querySelector("[data-sheet-role]").textContent =
      "Oma tilanteeni ohjeen kohdan 3.1 mukaan: " + (title || "______________________");
  };

  /* A shared training computer: clear everything the onboarding kept. */
  CompletionSheet.prototype.clear = function () {
    var root = this.root;
    [this.key, root.getAttribute("data-quiz-key"), root.getAttribute("data-role-key")].forEach(function (key) {
      Loimaa.storage.remove(key);
    });
    this.fields.forEach(function (input) { input.value = ""; });
    this.defaultDate();
    this.fill();
    say(root.querySelector("[data-sheet-message]"), "Perehdytyksen tiedot on tyhjennetty tästä selaimesta.");
    this.fields[0].focus();
  };

  Loimaa.register("role-helper", RoleHelper);
  Loimaa.register("quiz", Quiz);
  Loimaa.register("completion-sheet", CompletionSheet);
});
