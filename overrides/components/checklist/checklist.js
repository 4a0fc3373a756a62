/*
 * Checklist component: on top of the plain HTML form of checklist.html beside
 * this file (macros/checklist.py). Started by loimaa.js for every
 * [data-module="checklist"] element; a Loimaa.Component (settings, saved state).
 *
 * Adds: progress ("5 / 13 kohtaa <progress>") in a polite live region, answers
 * saved via Loimaa.storage after the user changes something (versioned per
 * checklist), restore after reload or navigation, "Tyhjennä vastaukset"; where
 * the data has them, "ei koske" choices, the ready state (ready) and the
 * summary for communications (summary: print, copy, share, an e-mail draft to
 * download, a short mailto: link). Items that do not apply (marked "ei koske",
 * or relevant_when no longer met) are counted apart: "12 / 12 kohtaa
 * vahvistettu, 1 ei koske" in the bar, the summary and the mail alike.
 * Everything the user typed is put on the page with textContent only, never as
 * HTML, and nothing is sent anywhere: the draft is built in the browser.
 */
// Run when loimaa.js is there: on instant navigation Material loads a page's
// scripts in parallel, so this file may arrive first (see loimaa.js).
(window.loimaaReady = window.loimaaReady || []).push(function (Loimaa) {
  "use strict";

  var all = Loimaa.all;
  var own = Loimaa.own;

  /* Build an element with text content (never HTML). */
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  /* {confirmed, applicable, na}: what the bar, the summary and the mail count. */
  function tally(states) {
    var t = { confirmed: 0, applicable: 0, na: 0 };
    states.forEach(function (s) {
      if (s.state === "na" || s.state === "off") t.na += 1;
      else t.applicable += 1;
      if (s.state === "ok") t.confirmed += 1;
    });
    return t;
  }

  /* "12 / 12" and ", 1 ei koske" (empty when every item applies). */
  function fraction(t) { return t.confirmed + " / " + t.applicable; }
  function apart(t) { return t.na ? ", " + t.na + " ei koske" : ""; }

  // The request needs the fields marked with a star (field.html: NEEDED); the guideline requires none of them.
  var COMPLETE = "Kaikki pyyntöön tarvittavat tiedot on annettu ja kaikki kohdat vahvistettu.";

  function missingFieldsLine(s) {
    return "Pyynnöstä puuttuu tietoja (" + s.missingFields.length + "): " + s.missingFields.join("; ");
  }

  function unconfirmedTitle(s) {
    return "Vahvistamatta (" + s.unconfirmed.length + " / " + s.progress.split(" / ")[1] + "):";
  }

  function confirmedTitle(s) {
    return "Vahvistetut kohdat (" + s.progress + s.apart + ")";
  }

  function notApplicableTitle(s) {
    return "Ei koske (" + s.notApplicable.length + ")";
  }

  class Checklist extends Loimaa.Component {
    constructor(root) {
      super(root);
      const config = this.config;
      this.id = config.id;
      this.counted = config.progress;
      this.ready = config.ready;        // its title, or null: the list has no ready state
      this.summaryConfig = config.summary;
      this.form = root.querySelector("form");
      this.items = this.parts("item").map((li) => {
        const group = li.closest("fieldset");
        return {
          id: li.getAttribute("data-checklist-item"),
          li: li,
          ok: li.querySelector('input[value="ok"]'),
          na: li.querySelector('input[value="na"]'),
          text: li.querySelector("label").textContent.trim(),
          group: group ? group.querySelector("legend").textContent.trim() : "",
          // relevant_when in the data: not relevant once that field has another value
          when: Loimaa.config(li, "checklist-relevant-when"),
          off: li.appendChild(el("p", null, "loimaa-checklist__off")),
        };
      }).map((item) => {
        // "Ei koske: …" is read with the box it is about.
        item.off.id = item.ok.id + "-ei-koske";
        item.ok.setAttribute("aria-describedby", (item.ok.getAttribute("aria-describedby") || "") + " " + item.off.id);
        return item;
      });
      this.fields = this.parts("field").map((box) => {
        const cond = Loimaa.config(box, "checklist-required-if");
        return {
          id: box.getAttribute("data-checklist-field"),
          box: box,
          label: box.querySelector("label, legend").firstChild.textContent.trim(),
          required: box.getAttribute("data-checklist-required") === "true",
          requiredIf: typeof cond.field === "string" ? { field: cond.field, value: cond.value } : null,
          // Says why a given value is left out of the summary (see shown()).
          off: typeof cond.field === "string" ? box.appendChild(el("p", null, "loimaa-checklist__off")) : null,
        };
      });

      this.apply(this.saved());
      this.bind();
      this.update();
    }

    bind() {
      this.form.addEventListener("submit", (event) => event.preventDefault());
      this.form.addEventListener("focusin", (event) => this.unhide(event.target));
      this.form.addEventListener("change", (event) => this.changed(event.target));
      this.form.addEventListener("input", (event) => {
        if (event.target.type !== "checkbox" && event.target.type !== "radio") this.changed(event.target);
      });
      this.parts("clear").forEach((button) => {
        button.addEventListener("click", () => this.clear(button));
      });
      this.undoButton = this.part("undo");
      this.undoButton.addEventListener("click", () => this.undo());
      // Clearing with undo, as every clear on the site (loimaa.js): "Peru" is still there after a reload.
      this.undoable = Loimaa.undoable(this.root, this.key, [this.key], (message, canUndo) => {
        this.tell(message, canUndo);
      }, () => {
        this.apply(this.saved());
        this.update();
      });
      const mail = this.part("mailto");
      if (mail) mail.addEventListener("click", (event) => this.followMail(event, mail));
      const share = this.part("share");
      if (share && typeof navigator.share === "function") {
        share.hidden = false;
        share.addEventListener("click", () => this.shareSummary());
      }
      const draft = this.part("draft");
      if (draft) draft.addEventListener("click", () => this.downloadDraft());
      // Another tab saved: take its answers, except the text being typed here. The listener goes
      // with the page view (Loimaa.listen), so instant navigation does not pile them up.
      this.watch((event) => {
        const saved = this.saved();
        const here = document.activeElement;
        if (saved || event.newValue === null) this.apply(saved, /^(checkbox|radio)$/.test(here.type) ? null : here);
        this.update();
      });
      const print = this.part("print");
      if (print) print.addEventListener("click", () => this.printSummary());
      const copy = this.part("copy");
      if (copy) copy.addEventListener("click", () => this.copySummary());
    }

    /* A control focused under the sticky bar is scrolled above it. The CSS scroll margins work only when
       the browser scrolls; it does not for a control already inside the window, though under the bar. */
    unhide(target) {
      var bar = this.root.querySelector(".loimaa-checklist__actions");
      // Keyboard focus only: what a pointer chose is where the user looks, and scrolling then would move
      // the page under the pointer.
      if (!bar || bar.hidden || getComputedStyle(bar).position !== "sticky" || !target.matches(":focus-visible")) return;
      var r = target.getBoundingClientRect();
      var b = bar.getBoundingClientRect();
      if (r.height && r.bottom > b.top && r.top < b.bottom) window.scrollBy(0, r.bottom - b.top + 16);
    }

    /* The user changed something: keep "ok" and "ei koske" exclusive, save, redraw. */
    changed(target) {
      if (target.type === "checkbox" && target.checked) {
        this.items.forEach(function (item) {
          if (item.ok === target && item.na) item.na.checked = false;
          if (item.na === target) item.ok.checked = false;
        });
      }
      this.save(target);
      this.tell("");
      var wasReady = this.root.classList.contains("is-ready");
      this.update();
      var readyBox = this.root.querySelector("[data-checklist-ready]");
      if (readyBox && !wasReady && this.root.classList.contains("is-ready")) {
        readyBox.scrollIntoView({ block: "nearest" });
        this.tell(this.ready + ". " + readyBox.querySelector(".loimaa-checklist__ready-text").textContent, false, true);
      }
    }

    /* --- state and storage --- */

    state() {
      var items = {};
      this.items.forEach(function (item) {
        if (item.ok.checked) items[item.id] = "ok";
        else if (item.na && item.na.checked) items[item.id] = "na";
      });
      var fields = {};
      this.fields.forEach(function (field) {
        var value = this.value(field);
        if (value) fields[field.id] = value;
      }, this);
      return { items: items, fields: fields };
    }

    /* Merge per answer: what another tab saved meanwhile stays, only this change is written over it. */
    save(changed) {
      var saved = this.saved();
      if (saved) this.apply(saved, changed);
      this.store(this.state());
    }

    /* Saved answers onto the form, except the item or field holding `keep`. Answers of a
       wrong shape or for ids no longer in the data are ignored. */
    apply(saved, keep) {
      var items = own(saved, "items");
      var fields = own(saved, "fields");
      this.items.forEach(function (item) {
        if (keep && item.li.contains(keep)) return;
        var answer = own(items, item.id);
        item.ok.checked = answer === "ok";
        if (item.na) item.na.checked = answer === "na";
      });
      this.fields.forEach(function (field) {
        if (keep && field.box.contains(keep)) return;
        var value = own(fields, field.id);
        if (typeof value !== "string") value = "";
        all(field.box, "input, select, textarea").forEach(function (control) {
          if (control.type === "radio") control.checked = control.value === value;
          else control.value = value;
        });
      });
    }

    /* A message in the bar's live region; with undo, "Peru" stays beside it until the next change.
       quiet: for screen readers only (the ready box itself is in view). */
    tell(message, undo, quiet) {
      var region = this.root.querySelector("[data-checklist-message]");
      region.textContent = message;
      region.classList.toggle("is-quiet", !!quiet);
      this.undoButton.hidden = !undo;
    }

    clear(button) {
      var before = this.state();
      var items = Object.keys(before.items).length;
      var fields = Object.keys(before.fields).length;
      this.form.reset();
      this.undoable.clear("Vastaukset tyhjennetty (" + items + (items === 1 ? " kohta" : " kohtaa") +
        (fields ? ", " + fields + (fields === 1 ? " tieto" : " tietoa") : "") + ").");
      this.update();
      if (button.offsetParent) return;   // "Tyhjennä" stays in view; "Peru" comes next to it
      var first = this.form.querySelector("input, select, textarea");
      if (first) first.focus();
    }

    undo() {
      this.undoable.undo("Vastaukset palautettu.");
      // The bar's "Tyhjennä": the ready box's one comes first, but is hidden once the list is not ready.
      var shown = all(this.root, "[data-checklist-clear]").filter(function (b) { return b.getClientRects().length; });
      if (shown.length) shown[shown.length - 1].focus();
    }

    /* --- fields --- */

    value(field) {
      var checked = field.box.querySelector("input[type=radio]:checked");
      if (checked) return checked.value;
      var control = field.box.querySelector("input:not([type=radio]), select, textarea");
      return control ? control.value.trim() : "";
    }

    /* What the summary shows for a field: option labels and Finnish dates. */
    display(field) {
      var value = this.value(field);
      if (!value) return "";
      var radio = field.box.querySelector("input[type=radio]:checked");
      if (radio) return field.box.querySelector('label[for="' + radio.id + '"]').textContent.trim();
      var select = field.box.querySelector("select");
      if (select) return select.options[select.selectedIndex].textContent.trim();
      if (field.box.querySelector("input[type=date]")) return Loimaa.date.finnish(value);
      return value;
    }

    isRequired(field) {
      if (field.required) return true;
      if (!field.requiredIf) return false;
      var other = this.field(field.requiredIf.field);
      return !!other && this.value(other) === field.requiredIf.value;
    }

    /* --- progress, ready state, summary --- */

    /* "Profiilin kesto on pysyvä" when the field a condition ({field, value}) names has another value; else "". */
    otherwise(cond) {
      var field = cond && this.field(cond.field);
      var value = field ? this.value(field) : "";
      return value && value !== cond.value ? field.label + " on " + this.display(field).toLowerCase() : "";
    }

    /* Why an item does not apply (its relevant_when is not met), or "". */
    irrelevant(item) {
      return this.otherwise(item.when);
    }

    /* What the summary and every mail show for a field: nothing when its required_if condition is
       answered otherwise (an end date after "Pysyvä"), so the request never contradicts itself. The value
       stays in the form and in storage, and is shown again when the answer changes back. */
    shown(field) {
      return this.otherwise(field.requiredIf) ? "" : this.display(field);
    }

    /* Each item's state: "ok" (confirmed), "na" (marked "ei koske"), "off" (relevant_when not met:
       a tick stays in the form but does not count) or "" (still to confirm); why, when it does not apply. */
    states() {
      return this.items.map(function (item) {
        var off = this.irrelevant(item);
        if (off) return { item: item, state: "off", reason: off };
        if (item.na && item.na.checked) return { item: item, state: "na", reason: "" };
        return { item: item, state: item.ok.checked ? "ok" : "", reason: "" };
      }, this);
    }

    update() {
      var states = this.states();
      states.forEach(function (s) {
        var item = s.item;
        item.off.textContent = s.state === "off" ? "Ei koske: " + s.reason + "." +
          (item.ok.checked ? " Rasti säilyy ja lasketaan taas, jos valinta muuttuu." : "") : "";
        item.li.classList.toggle("is-done", s.state === "ok");
        item.li.classList.toggle("is-na", s.state === "na");
        item.li.classList.toggle("is-off", s.state === "off");
      });
      // A field the request needs only after another answer (required_if) is marked required then, as
      // the always-needed ones are in the markup. The form is never submitted: this blocks nothing.
      this.fields.forEach(function (field) {
        if (!field.requiredIf) return;
        var needed = this.isRequired(field);
        all(field.box, "input, select, textarea").forEach(function (control) { control.required = needed; });
        var reason = this.value(field) && this.otherwise(field.requiredIf);
        field.off.textContent = reason ? "Ei mukana yhteenvedossa: " + reason +
          ". Tieto säilyy ja tulee mukaan, jos valinta muuttuu." : "";
      }, this);
      var t = tally(states);
      var ready = t.confirmed === t.applicable;
      var count = fraction(t);
      var rest = " kohtaa " + this.counted + apart(t);

      var progress = this.root.querySelector("[data-checklist-progress]");
      if (progress && progress.textContent !== count + rest) {
        progress.textContent = "";
        progress.appendChild(el("strong", count));
        progress.appendChild(document.createTextNode(rest));
      }
      var bar = this.root.querySelector("[data-checklist-bar]");
      if (bar) {
        bar.max = Math.max(t.applicable, 1);
        bar.value = t.applicable ? t.confirmed : 1;
      }
      var readyBox = this.root.querySelector("[data-checklist-ready]");
      if (readyBox) readyBox.hidden = !ready;
      var next = this.root.querySelector("[data-checklist-next]");
      if (next && readyBox && !this.summaryConfig) next.hidden = !ready;
      this.root.classList.toggle("is-ready", ready);

      if (this.summaryConfig && this.root.querySelector("[data-checklist-summary]")) this.renderSummary();
    }

    /* The summary as data: used for the page (DOM), the clipboard and the e-mail.
       Each item appears once: unconfirmed ones under "Puuttuu", the rest under
       "Vahvistetut kohdat", so the summary fits on one printed page. */
    summary() {
      var missingFields = [];
      var fields = [];
      this.fields.forEach((field) => {
        var shown = this.shown(field);
        var required = this.isRequired(field);
        if (!shown && required) missingFields.push(field.label);
        if (shown || required) fields.push({ label: field.label, value: shown });
      });
      var unconfirmed = [];
      var confirmed = [];
      var notApplicable = [];
      var states = this.states();
      states.forEach(function (s) {
        var item = s.item;
        if (s.state === "na" || s.state === "off") {
          notApplicable.push(item.text + " (" + item.group + ")" + (s.reason ? ": " + s.reason + "." : ""));
          return;
        }
        if (s.state !== "ok") {
          unconfirmed.push(item.text + " (" + item.group + ")");
          return;
        }
        var last = confirmed[confirmed.length - 1];
        if (!last || last.title !== item.group) confirmed.push((last = { title: item.group, items: [] }));
        last.items.push(item.text);
      });
      var t = tally(states);
      var config = this.summaryConfig;
      return {
        heading: config.title,
        title: config.list,
        name: this.display(this.field(config.nameField)),
        date: Loimaa.date.today(),
        missingFields: missingFields,
        unconfirmed: unconfirmed,
        complete: !missingFields.length && !unconfirmed.length,
        fields: fields,
        confirmed: confirmed,
        notApplicable: notApplicable,
        progress: fraction(t),      // "12 / 12"
        apart: apart(t),            // ", 1 ei koske" or ""
      };
    }

    field(id) {
      return this.fields.filter(function (f) { return f.id === id; })[0];
    }

    /* The mailto: fallback: the first `keep` facts of mailOrder(), each value cut to
       `room` characters (mailto links over about 2000 characters get cut), then what the mail leaves
       out and how to add it. copied: the whole summary is on the clipboard now (only then does the
       mail say so). */
    mailText(s, room, copied, keep) {
      var cut = function (text) { return text.length > room ? text.slice(0, room - 1) + "…" : text; };
      var lines = [s.heading + ": " + s.title, "Laadittu " + s.date, "Vahvistettu " + s.progress + " kohtaa" + s.apart];
      if (s.complete) lines.push(COMPLETE);
      // Which facts the request still lacks, by name (as the summary says it); the items by number only.
      if (s.missingFields.length) lines.push(missingFieldsLine(s) + ".");
      if (s.unconfirmed.length) lines.push("Vahvistamatta " + s.unconfirmed.length + (s.unconfirmed.length === 1 ? " kohta." : " kohtaa."));
      lines.push("");
      var carried = this.mailOrder().slice(0, keep);
      var left = [];
      var shortened = [];
      this.fields.forEach(function (f) {
        var shown = this.shown(f);
        if (!shown) return;
        if (carried.indexOf(f.id) < 0) left.push(f.label);
        else if (cut(shown) !== shown) shortened.push(f.label);
      }, this);
      carried.forEach(function (id) {
        var f = this.field(id);
        if (this.shown(f)) lines.push(f.label + ": " + cut(this.shown(f)).replace(/\s+/g, " "));
      }, this);
      left.push("kohtien luettelo");
      lines.push("", "Tästä viestistä puuttuu: " + left.join("; ") + ".");
      if (shortened.length) lines.push("Lyhennetty: " + shortened.join("; ") + ".");
      lines.push(copied ? "Koko yhteenveto on kopioitu leikepöydälle: liitä se tähän viestiin."
        : "Lisää " + (left.length === 1 ? "se" : "ne") + ": kopioi sivun ”" + s.heading + "” tähän viestiin, tai lähetä sivulta ladattava sähköpostiluonnos.");
      return { subject: this.subject(s, cut), body: lines.join("\r\n") };
    }

    /* Every field, those of mail_fields first (its order is their priority): what does not fit
       the link is left out from the end, and the mail names it. */
    mailOrder() {
      var first = this.summaryConfig.mailFields;
      return first.concat(this.fields.map(function (f) { return f.id; }).filter(function (id) {
        return first.indexOf(id) < 0;
      }));
    }

    subject(s, cut) {
      return this.summaryConfig.subject + (s.name ? ": " + (cut ? cut(s.name) : s.name) : "");
    }

    /* The mailto: address for the summary, under 2000 characters: values cut shorter, down to 20
       characters, then the last facts left out (the mail names them). */
    mailHref(s, copied) {
      var mail = this.root.querySelector("[data-checklist-mailto]");
      var keep = this.mailOrder().length;
      for (var room = 400; ;) {
        var text = this.mailText(s, room, copied, keep);
        var href = "mailto:" + mail.getAttribute("data-checklist-email") + "?subject=" + encodeURIComponent(text.subject) +
          "&body=" + encodeURIComponent(text.body);
        if (href.length <= 2000 || !keep) return href;
        if (room > 20) room = Math.max(Math.floor(room * 0.7), 20);
        else keep -= 1;
      }
    }

    summaryText(s) {
      var lines = [s.heading + ": " + s.title, "Laadittu " + s.date, ""];
      if (s.complete) lines.push(COMPLETE);
      else lines.push("PUUTTUU");
      if (s.missingFields.length) lines.push(missingFieldsLine(s));
      if (s.unconfirmed.length) {
        lines.push(unconfirmedTitle(s));
        s.unconfirmed.forEach(function (m) { lines.push("- " + m); });
      }
      lines.push("", "TIEDOT");
      s.fields.forEach(function (f) {
        lines.push(f.label + ": " + (f.value ? f.value.replace(/\n/g, "\n  ") : "PUUTTUU"));
      });
      lines.push("", confirmedTitle(s).toUpperCase());
      if (!s.confirmed.length) lines.push("(ei yhtään)");
      s.confirmed.forEach(function (g) {
        lines.push(g.title);
        g.items.forEach(function (text) { lines.push("- " + text); });
      });
      if (s.notApplicable.length) {
        lines.push("", notApplicableTitle(s).toUpperCase());
        s.notApplicable.forEach(function (m) { lines.push("- " + m); });
      }
      return lines.join("\n");
    }

    renderSummary() {
      var s = this.summary();
      var body = this.root.querySelector("[data-checklist-summary]");
      var parts = [el("p", s.title + " · laadittu " + s.date, "loimaa-checklist-summary__date")];

      var missing = el("div", null, "loimaa-checklist-summary__missing" + (s.complete ? " is-complete" : ""));
      if (s.complete) missing.appendChild(el("p", COMPLETE));
      else missing.appendChild(el("h3", "Puuttuu"));
      if (s.missingFields.length) missing.appendChild(el("p", missingFieldsLine(s)));
      if (s.unconfirmed.length) {
        missing.appendChild(el("p", unconfirmedTitle(s)));
        var list = el("ul");
        s.unconfirmed.forEach(function (m) { list.appendChild(el("li", m)); });
        missing.appendChild(list);
      }
      parts.push(missing);

      parts.push(el("h3", "Tiedot"));
      var dl = el("dl", null, "loimaa-checklist-summary__fields");
      s.fields.forEach(function (f) {
        dl.appendChild(el("dt", f.label));
        dl.appendChild(el("dd", f.value || "PUUTTUU", f.value ? "" : "is-missing"));
      });
      parts.push(dl);

      parts.push(el("h3", confirmedTitle(s)));
      if (!s.confirmed.length) parts.push(el("p", "Ei yhtään."));
      s.confirmed.forEach(function (g) {
        parts.push(el("p", g.title, "loimaa-checklist-summary__group"));
        var ul = el("ul", null, "loimaa-checklist-summary__items");
        g.items.forEach(function (text) { ul.appendChild(el("li", text)); });
        parts.push(ul);
      });
      if (s.notApplicable.length) {
        parts.push(el("h3", notApplicableTitle(s)));
        var na = el("ul", null, "loimaa-checklist-summary__items");
        s.notApplicable.forEach(function (text) { na.appendChild(el("li", text)); });
        parts.push(na);
      }

      body.textContent = "";
      parts.forEach(function (p) { body.appendChild(p); });

      // Until the user clicks it, the link says nothing was copied: that is true wherever it opens.
      var mail = this.root.querySelector("[data-checklist-mailto]");
      if (mail) mail.href = this.mailHref(s, false);
    }

    /* Print only the summary: a class on <html> switches the print stylesheet. */
    printSummary() {
      var html = document.documentElement;
      html.classList.add("loimaa-print-summary");
      var done = function () {
        html.classList.remove("loimaa-print-summary");
        window.removeEventListener("afterprint", done);
      };
      window.addEventListener("afterprint", done);
      window.print();
    }

    /* Copy the whole summary; done(copied) after the message is shown. */
    copySummary(done) {
      var text = this.summaryText(this.summary());
      var region = this.root.querySelector("[data-checklist-summary-message]");
      var ok = function () {
        Loimaa.announce(region, "Yhteenveto kopioitu leikepöydälle.");
        if (done) done(true);
      };
      var fallback = function () {
        if (copyWithSelection(text)) return ok();
        Loimaa.announce(region, "Kopiointi ei onnistunut. Valitse yhteenvedon teksti ja kopioi se itse.");
        if (done) done(false);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(ok, fallback);
      } else {
        fallback();
      }
    }

    /* The mailto: link opens within the click itself (its default action: a navigation started later,
       after an asynchronous copy, may be blocked, as iOS Safari does). Before it opens, the summary is
       copied the one synchronous way (a selection and execCommand), so the mail says "kopioitu" only when
       that is known. Otherwise the Clipboard API copies it meanwhile and the page, not the mail, says how
       that went. */
    followMail(event, mail) {
      var s = this.summary();
      var text = this.summaryText(s);
      var copied = copyWithSelection(text);
      mail.href = this.mailHref(s, copied);
      var region = this.root.querySelector("[data-checklist-summary-message]");
      var failed = function () {
        Loimaa.announce(region, "Kopiointi ei onnistunut. Valitse yhteenvedon teksti ja kopioi se itse.");
      };
      if (copied) {
        Loimaa.announce(region, "Yhteenveto kopioitu leikepöydälle.");
      } else if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () {
          Loimaa.announce(region, "Yhteenveto kopioitu leikepöydälle: liitä se sähköpostiviestiin.");
        }, failed);
      } else {
        failed();
      }
    }

    /* The phone's share sheet (where the browser has one) with the whole summary. */
    shareSummary() {
      var s = this.summary();
      var region = this.root.querySelector("[data-checklist-summary-message]");
      // A share sheet has no recipient field: the text names it (the address of data/ohje.yml, as the page does).
      var to = "Vastaanottaja: " + this.root.querySelector("[data-checklist-mailto]").getAttribute("data-checklist-email");
      navigator.share({ title: this.subject(s), text: to + "\n\n" + this.summaryText(s) }).then(function () {
        Loimaa.announce(region, "Yhteenveto jaettu.");
      }, function (error) {
        if (error && error.name === "AbortError") return;   // the user closed the share sheet
        Loimaa.announce(region, "Jakaminen ei onnistunut. Lataa sähköpostiluonnos tai kopioi yhteenveto.");
      });
    }

    /* An e-mail draft (.eml, X-Unsent: 1: mail programs open it as a new message) with the whole
       summary, made here in the browser and saved as a download; nothing leaves the page. */
    downloadDraft() {
      var s = this.summary();
      var mail = this.root.querySelector("[data-checklist-mailto]");
      var name = fileName(this.summaryConfig.subject.replace(/\s*\(.*\)\s*/, "") + (s.name ? " " + s.name : "")) + ".eml";
      var eml = [
        "X-Unsent: 1",
        "To: " + mail.getAttribute("data-checklist-email"),
        "Subject: " + encodedWords(this.subject(s)),
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=UTF-8",
      ].concat(bodyPart(this.summaryText(s))).join("\r\n");
      var url = URL.createObjectURL(new Blob([eml], { type: "message/rfc822" }));
      var link = el("a");
      link.href = url;
      link.download = name;
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
      Loimaa.announce(this.root.querySelector("[data-checklist-summary-message]"),
        "Sähköpostiluonnos ladattu (" + name + "). Avaa tiedosto: sähköpostiohjelma avaa sen uutena viestinä " +
        "viestinnälle, ja siinä on koko yhteenveto. Tarkista viesti ja lähetä se.");
    }
  }

  /* "Someprofiilipyyntö Loimaan kirjasto" -> "someprofiilipyynto-loimaan-kirjasto" (at most 60 characters). */
  function fileName(text) {
    var ascii = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    return ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "") || "yhteenveto";
  }

  var utf8 = new TextEncoder();

  /* The body as it stays readable in any text viewer: UTF-8 as is (8bit), CRLF lines. A line over
     RFC 5322's 998 octets cannot go as is: then the whole body goes quoted-printable, which keeps ASCII
     as it is and breaks lines softly. Returns the transfer-encoding header, a blank line and the body. */
  function bodyPart(text) {
    var lines = text.split("\n");
    var long = lines.some(function (line) { return utf8.encode(line).length > 998; });
    if (!long) return ["Content-Transfer-Encoding: 8bit", "", lines.join("\r\n"), ""];
    return ["Content-Transfer-Encoding: quoted-printable", "", lines.map(quotedPrintable).join("\r\n"), ""];
  }

  /* "ä" -> "=C3=A4": a character's UTF-8 bytes as =XX. */
  function hexBytes(ch) {
    return Array.from(utf8.encode(ch)).map(function (b) {
      return "=" + (b < 16 ? "0" : "") + b.toString(16).toUpperCase();
    }).join("");
  }

  /* One line as quoted-printable (RFC 2045 6.7): soft line breaks ("=") keep each line under 77,
     each character whole on one line. */
  function quotedPrintable(line) {
    var out = [];
    var current = "";
    var chars = Array.from(line);
    chars.forEach(function (ch, i) {
      var last = i === chars.length - 1;
      var piece = /[\x21-\x3c\x3e-\x7e]/.test(ch) || (/[ \t]/.test(ch) && !last) ? ch : hexBytes(ch);
      if (current.length + piece.length > 75) {
        out.push(current + "=");
        current = "";
      }
      current += piece;
    });
    out.push(current);
    return out.join("\r\n");
  }

  /* A header value readable as it stands: ASCII words as they are, runs of words with other characters
     as RFC 2047 Q encoded words (under 76 characters each), folded to lines under 78. */
  function encodedWords(text) {
    var pieces = [];
    var run = [];
    var flush = function () {
      if (!run.length) return;
      var chunk = "";
      Array.from(run.join(" ")).forEach(function (ch) {
        var q = /[A-Za-z0-9!*+\-/.]/.test(ch) ? ch : ch === " " ? "_" : hexBytes(ch);
        if (chunk.length + q.length > 63) {
          pieces.push("=?UTF-8?Q?" + chunk + "?=");
          chunk = "";
        }
        chunk += q;
      });
      pieces.push("=?UTF-8?Q?" + chunk + "?=");
      run = [];
    };
    text.split(" ").forEach(function (word) {
      if (/^[\x21-\x7e]*$/.test(word) && word.indexOf("=?") < 0) {
        flush();
        pieces.push(word);
      } else {
        run.push(word);
      }
    });
    flush();
    var header = "";
    var line = 9;   // "Subject: "
    pieces.forEach(function (piece, i) {
      if (i && line + 1 + piece.length > 76) {
        header += "\r\n ";
        line = 1;
      } else if (i) {
        header += " ";
        line += 1;
      }
      header += piece;
      line += piece.length;
    });
    return header;
  }

  /* Older browsers and plain-http intranets have no Clipboard API. */
  function copyWithSelection(text) {
    var area = el("textarea");
    var focused = document.activeElement;
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "loimaa-checklist__offscreen";
    document.body.appendChild(area);
    area.select();
    area.setSelectionRange(0, text.length);   // iOS selects nothing with select() alone
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (e) {
      copied = false;
    }
    document.body.removeChild(area);
    if (focused && focused.focus) focused.focus({ preventScroll: true });
    return copied;
  }

  Loimaa.register("checklist", Checklist);
});
