/*
 * Role helper component ("Kumman roolissa toimit?", guideline 3.1): on top of
 * overrides/components/role-helper.html (macros/role_helper.py). One yes/no
 * question at a time, then only the matching situation. Answers are saved
 * through Loimaa.storage only after the user acts; "Aloita alusta" clears them,
 * with undo ("Peru", Loimaa.undoable).
 */
// Run when loimaa.js is there: on instant navigation Material loads a page's
// scripts in parallel, so this file may arrive first (see loimaa.js).
(window.loimaaReady = window.loimaaReady || []).push(function (Loimaa) {
  "use strict";

  var all = Loimaa.all;

  function checkedValue(root, name) {
    var input = root.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : "";
  }

  function RoleHelper(root) {
    var self = this;
    var config = Loimaa.config(root, "role");
    this.root = root;
    this.key = config.key;
    this.version = config.version;
    this.start = config.start;
    this.form = root.querySelector("form");
    // A Map: question ids from saved answers never reach Object.prototype.
    this.questions = new Map();
    all(root, "[data-role-question]").forEach(function (fieldset) {
      self.questions.set(fieldset.getAttribute("data-role-question"), {
        fieldset: fieldset,
        yes: fieldset.getAttribute("data-yes"),
        no: fieldset.getAttribute("data-no"),
      });
    });
    this.outcomes = all(root, "[data-role-outcome]");
    Loimaa.enhance(root);

    this.load();
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.form.addEventListener("change", function () { self.update(true); });
    root.querySelector("[data-role-reset]").addEventListener("click", function () { self.reset(); });
    var message = root.querySelector("[data-role-message]");
    var undoButton = root.querySelector("[data-role-undo]");
    this.undo = Loimaa.undoable(root, "role-helper", [this.key], function (text, canUndo) {
      message.textContent = text;
      undoButton.hidden = !canUndo;
    }, function () { self.load(); });
    undoButton.addEventListener("click", function () {
      self.undo.undo("Vastaukset palautettu.");
      root.querySelector("[data-role-reset]").focus();
    });
  }

  /* The saved answers onto the form, then the path they lead along. */
  RoleHelper.prototype.load = function () {
    var answers = Loimaa.own(Loimaa.storage.read(this.key, this.version), "answers");
    this.questions.forEach(function (question, id) {
      var answer = Loimaa.own(answers, id);
      all(question.fieldset, "input").forEach(function (input) { input.checked = input.value === answer; });
    });
    this.update(false);
  };

  /* Follow the answers from the first question; questions off that path are cleared. */
  RoleHelper.prototype.update = function (byUser) {
    var node = this.start;
    var onPath = new Set();
    var answers = {};
    while (this.questions.has(node) && !onPath.has(node)) {
      onPath.add(node);
      var answer = checkedValue(this.questions.get(node).fieldset, node);
      if (!answer) break;
      answers[node] = answer;
      node = this.questions.get(node)[answer];
    }
    this.questions.forEach(function (question, id) {
      question.fieldset.hidden = !onPath.has(id);
      if (!onPath.has(id)) all(question.fieldset, "input").forEach(function (input) { input.checked = false; });
    });
    var outcome = this.questions.has(node) ? "" : node;
    var match = null;
    this.outcomes.forEach(function (section) {
      var isMatch = section.getAttribute("data-role-outcome") === outcome;
      section.hidden = !isMatch;
      section.querySelector("[data-role-yours]").hidden = !isMatch;
      if (isMatch) match = section;
    });
    // Of the paths that lead to the situation, the one the user took, as plain text (a list of one
    // would be no list).
    var path = Object.keys(answers).map(function (id) { return id + "=" + answers[id]; }).join(",");
    var when = match && match.querySelector("[data-role-when]");
    var mine = when && all(match, "[data-role-path]").filter(function (li) {
      return li.getAttribute("data-role-path") === path;
    })[0];
    if (mine) {
      when.textContent = "Kun vastaat: " + mine.textContent;
      match.querySelector("[data-role-paths]").hidden = true;
    }
    var status = this.root.querySelector("[data-role-status]");
    var text = match ? "Tilanteesi: " + match.getAttribute("data-role-title") + ". Ohjeen sanat ovat alla." : "";
    if (status.textContent !== text) status.textContent = text;
    if (byUser) Loimaa.save(this.root, this.key, this.version, { answers: answers, outcome: outcome });
  };

  RoleHelper.prototype.reset = function () {
    this.form.reset();
    this.undo.clear("Vastaukset tyhjennetty.");
    this.update(false);
    this.questions.get(this.start).fieldset.querySelector("input").focus();
  };

  Loimaa.register("role-helper", RoleHelper);
});
