/*
 * The client-side base every component uses (checklist, role-helper, quiz,
 * completion-sheet; one file and one class each, in overrides/components/<name>/
 * or, for the last two until they move, docs/assets/javascripts/).
 *
 * Progressive enhancement in the GOV.UK Frontend way: the server-rendered HTML
 * (overrides/components/) works without JavaScript; this file marks the page
 * as enhanced and starts a component for every element with
 * data-module="<name>". Material's document$ emits on the first load and after
 * every instant navigation, so components start on each new page; an element
 * is started only once. Loaded only on pages with components (overrides/main.html).
 *
 * One attribute vocabulary for all components:
 *   data-module="name"    the component's root; data-module-started once it ran
 *   data-<name>='{json}'  its settings from the build (Loimaa.config, Loimaa.Component)
 *   data-<name>-<part>    its parts (Loimaa.Component part, parts)
 *   data-js-only          shown only once the component started (Loimaa.enhance)
 *   data-nojs             instructions for the page without JavaScript, hidden then
 *   data-storage-note     shown when the browser cannot save (Loimaa.enhance, Loimaa.save)
 *
 * Every clear on the site can be undone the same way ("Tyhjennä", then "Peru"): Loimaa.undoable.
 *
 * Saved state is untrusted: read it only through Loimaa.own() (own properties),
 * never obj[key] with a key from storage ("constructor", "__proto__", "toString").
 */
(function () {
  "use strict";

  var Loimaa = (window.Loimaa = window.Loimaa || {});
  // Instant navigation runs this file again on each page with components:
  // set up once, so document$ gets one subscriber.
  if (Loimaa.register) return;
  var registry = {};
  var PREFIX = "loimaa-ohje:";

  // Enhanced styles apply only under this class (set on <html>, which instant
  // navigation keeps).
  document.documentElement.classList.add("loimaa-js");

  /*
   * localStorage behind try/catch: storage can be disabled, full or hold
   * corrupt JSON; none of that may break a page or print an error. Values are
   * stored as {version, value} so a component can drop data of an old format.
   */
  Loimaa.storage = {
    available: function () {
      try {
        var probe = PREFIX + "probe";
        window.localStorage.setItem(probe, "1");
        window.localStorage.removeItem(probe);
        return true;
      } catch (e) {
        return false;
      }
    },
    /* The stored text of key as it is (null if none): what a clear keeps for undo. */
    raw: function (key) {
      try {
        return window.localStorage.getItem(PREFIX + key);
      } catch (e) {
        return null;
      }
    },
    putRaw: function (key, raw) {
      try {
        window.localStorage.setItem(PREFIX + key, raw);
        return true;
      } catch (e) {
        return false;
      }
    },
    read: function (key, version) {
      try {
        var raw = window.localStorage.getItem(PREFIX + key);
        if (!raw) return null;
        var data = JSON.parse(raw);
        if (Loimaa.own(data, "version") !== version) return null;
        var value = Loimaa.own(data, "value");
        return value === undefined ? null : value;
      } catch (e) {
        return null;
      }
    },
    write: function (key, version, value) {
      return Loimaa.storage.putRaw(key, JSON.stringify({ version: version, value: value }));
    },
    remove: function (key) {
      try {
        window.localStorage.removeItem(PREFIX + key);
        return true;
      } catch (e) {
        return false;
      }
    },
    /* Call fn(event) when another tab changes key (or clears all), while root is on the page:
       the listener goes with the page view (Loimaa.listen). */
    watch: function (root, key, fn) {
      Loimaa.listen(root, window, "storage", function (event) {
        if (root.isConnected && (event.key === PREFIX + key || event.key === null)) fn(event);
      });
    },
    /* Keys saved under another name before (issue 25 gave each component's key its name):
       {old: new}. Moved once, on the first page with components, before any component reads. */
    renamed: {
      "uusi-profiili": "checklist:uusi-profiili",
      "ennen-julkaisua": "checklist:ennen-julkaisua",
      "perehdytys-rooli": "role-helper",
      "perehdytys-testi": "quiz",
      "perehdytys-suoritus": "completion-sheet",
    },
  };

  /* The old keys' answers under their new names; an answer already under the new name stays. */
  function migrate() {
    var renamed = Loimaa.storage.renamed;
    Object.keys(renamed).forEach(function (old) {
      var raw = Loimaa.storage.raw(old);
      if (raw === null) return;
      if (Loimaa.storage.raw(renamed[old]) === null && !Loimaa.storage.putRaw(renamed[old], raw)) return;
      Loimaa.storage.remove(old);
    });
    // A clear's undo record (sessionStorage, one per tab) puts back under the new names too. Apart
    // from the answers: a clear emptied its keys, and another tab may have moved them already.
    var records = undoRecords();
    var changed = false;
    Object.keys(records).forEach(function (name) {
      var saved = Loimaa.own(records[name], "saved");
      if (!Loimaa.isObject(saved)) return;
      Object.keys(renamed).forEach(function (old) {
        var kept = Loimaa.own(saved, old);
        if (kept === undefined) return;
        delete saved[old];
        changed = true;
        if (Loimaa.own(saved, renamed[old]) === undefined) saved[renamed[old]] = kept;
      });
    });
    if (changed) setUndoRecords(records);
  }

  /*
   * Listeners that live as long as a component's root is on the page. Instant navigation swaps
   * the page's content without unloading the page, so a listener on window or document would
   * outlive its page view and pile up with each visit. Loimaa.listen(root, target, type, fn)
   * adds one; on each new page (document$) those whose root left the page are removed.
   */
  var listeners = [];

  Loimaa.listen = function (root, target, type, fn, options) {
    target.addEventListener(type, fn, options);
    listeners.push({ root: root, target: target, type: type, fn: fn, options: options });
  };

  function teardown() {
    listeners = listeners.filter(function (l) {
      if (l.root.isConnected) return true;
      l.target.removeEventListener(l.type, l.fn, l.options);
      return false;
    });
    undoOffers = undoOffers.filter(function (offer) { return offer.root.isConnected; });
  }

  /* Small helpers the components share. */
  Loimaa.all = function (root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  };
  Loimaa.isObject = function (value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  };
  /* value[key] only if value is a plain object that has key itself (not from its prototype). */
  Loimaa.own = function (value, key) {
    return Loimaa.isObject(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
  };

  /* JSON in an element's data-<name> attribute (structured values from the build); null if none. */
  Loimaa.json = function (el, name) {
    try {
      return JSON.parse(el.getAttribute("data-" + name) || "null");
    } catch (e) {
      return null;
    }
  };

  /* The component's settings: an object in its data-<name> attribute ({} if none). */
  Loimaa.config = function (root, name) {
    var value = Loimaa.json(root, name);
    return Loimaa.isObject(value) ? value : {};
  };

  /* Show the parts that need JavaScript, hide the no-JavaScript instructions. */
  Loimaa.enhance = function (root) {
    Loimaa.all(root, "[data-js-only]").forEach(function (node) { node.hidden = false; });
    Loimaa.all(root, "[data-nojs]").forEach(function (node) { node.hidden = true; });
    if (!Loimaa.storage.available()) Loimaa.showStorageNote(root);
  };

  Loimaa.showStorageNote = function (root) {
    var note = root.querySelector("[data-storage-note]");
    if (note) note.hidden = false;
  };

  /* Save after the user acted; tell them if the browser would not keep it. A change saved
     ends the chance to undo a clear of that key (Loimaa.undoable). */
  Loimaa.save = function (root, key, version, value) {
    if (!Loimaa.storage.write(key, version, value)) Loimaa.showStorageNote(root);
    else forgetUndo(key);
  };

  /*
   * Clearing with undo, one implementation for every clear on the site (checklists, quiz, role
   * helper, completion sheet): "Tyhjennä", then "Peru" beside the message until the next change.
   *
   *   var undo = Loimaa.undoable(root, name, keys, tell, restored);
   *     tell(message, canUndo)  show the message, with "Peru" when canUndo; called at start too,
   *                             when a clear of this component can still be undone (after a reload)
   *     restored()              the keys are back in storage: show what they hold
   *   undo.clear(message)       remove the keys from storage, keeping what they held for undo
   *   undo.undo(message)        put back what was kept, then restored() and tell(message, false)
   *
   * The message goes once the user acts again: answering (a change or input in root) hides a
   * message no "Peru" stands beside (what "Peru" did, or a clear with storage blocked), and a
   * clear with nothing left to clear says so ("Ei tyhjennettävää"), instead of repeating itself.
   *
   * What a clear kept is an undo record in sessionStorage: it survives a reload and moving between
   * pages in the tab, but not closing the browser, so the next person at a shared computer cannot
   * bring back the previous one's answers. The record goes once the user saves a change to one of
   * its keys (Loimaa.save), here or in another tab: undoing then would overwrite the newer answers.
   * Without storage nothing was saved, so a clear keeps nothing and offers no "Peru".
   */
  var UNDO = PREFIX + "undo";
  var undoOffers = [];

  function undoRecords() {
    try {
      var records = JSON.parse(window.sessionStorage.getItem(UNDO) || "{}");
      return Loimaa.isObject(records) ? records : {};
    } catch (e) {
      return {};
    }
  }

  function setUndoRecords(records) {
    try {
      if (Object.keys(records).length) window.sessionStorage.setItem(UNDO, JSON.stringify(records));
      else window.sessionStorage.removeItem(UNDO);
    } catch (e) {
      // The record is then lost: "Peru" is hidden with the next sync.
    }
  }

  /* {message, saved: {key: raw}} of a clear that can still be undone, or null. */
  function pendingUndo(name) {
    var record = Loimaa.own(undoRecords(), name);
    var saved = Loimaa.own(record, "saved");
    return typeof Loimaa.own(record, "message") === "string" && Loimaa.isObject(saved) ? record : null;
  }

  function forgetUndo(key) {
    var records = undoRecords();
    var names = Object.keys(records).filter(function (name) {
      return Loimaa.own(Loimaa.own(records[name], "saved"), key) !== undefined;
    });
    if (!names.length) return;
    names.forEach(function (name) { delete records[name]; });
    setUndoRecords(records);
    undoOffers.forEach(function (offer) { offer.sync(); });
  }

  function Undo(root, name, keys, tell, restored) {
    this.root = root;
    this.name = name;
    this.keys = keys;
    var self = this;
    this.tell = function (message, canUndo) {
      self.telling = !!message;
      tell(message, canUndo);
    };
    this.restored = restored;
    this.shown = false;
    this.telling = false;
    // The user answers again: a message without "Peru" beside it has had its say. (With "Peru",
    // the record and its message go with the answer saved: Loimaa.save.)
    ["change", "input"].forEach(function (type) {
      root.addEventListener(type, function () {
        if (self.telling && !pendingUndo(self.name)) self.tell("", false);
      }, true);
    });
    undoOffers.push(this);
    // Another tab saved a change to one of the keys: this clear can no longer be undone.
    keys.forEach(function (key) {
      Loimaa.storage.watch(root, key, function () {
        if (Loimaa.storage.raw(key) !== null) forgetUndo(key);
      });
    });
    this.sync();
  }

  /* "Peru" shown as long as, and only while, the record is there. */
  Undo.prototype.sync = function () {
    var record = pendingUndo(this.name);
    if (record && !this.shown) this.tell(record.message, true);
    else if (!record && this.shown) this.tell("", false);
    this.shown = !!record;
  };

  Undo.prototype.clear = function (message) {
    var saved = {};
    var kept = Loimaa.storage.available();
    this.keys.forEach(function (key) {
      var raw = Loimaa.storage.raw(key);
      if (raw !== null) saved[key] = raw;
      Loimaa.storage.remove(key);
    });
    var records = undoRecords();
    // Nothing saved to keep (cleared twice): an earlier clear can still be undone.
    if (Object.keys(saved).length) records[this.name] = { message: message, saved: saved };
    setUndoRecords(records);
    this.shown = !!pendingUndo(this.name);
    // Storage works and held nothing: there was nothing to clear (pressed twice, or before answering).
    if (kept && !Object.keys(saved).length) {
      message = "Ei tyhjennettävää." + (this.shown ? " Peru palauttaa aiemmin tyhjennetyt tiedot." : "");
    }
    this.tell(message, this.shown);
  };

  Undo.prototype.undo = function (message) {
    var saved = Loimaa.own(pendingUndo(this.name), "saved");
    this.keys.forEach(function (key) {
      var raw = Loimaa.own(saved, key);
      // Only into a key still empty: never over answers saved since.
      if (typeof raw === "string" && Loimaa.storage.raw(key) === null) Loimaa.storage.putRaw(key, raw);
    });
    var records = undoRecords();
    delete records[this.name];
    setUndoRecords(records);
    this.shown = false;
    this.restored();
    this.tell(message, false);
  };

  Loimaa.undoable = function (root, name, keys, tell, restored) {
    return new Undo(root, name, keys, tell, restored);
  };

  /* A short message in a live region, cleared after a while. */
  /* Dates in Finnish, d.m.yyyy, on screen, on paper and in e-mail alike. */
  Loimaa.date = {
    today: function () {
      var d = new Date();
      return d.getDate() + "." + (d.getMonth() + 1) + "." + d.getFullYear();
    },
    // An ISO date (type=date's value, or one saved by an earlier version) in Finnish; other text as it is.
    finnish: function (value) {
      var ymd = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
      return ymd ? +ymd[3] + "." + +ymd[2] + "." + ymd[1] : value;
    }
  };

  Loimaa.announce = function (region, message) {
    if (!region) return;
    region.textContent = message;
    window.clearTimeout(region.loimaaTimer);
    region.loimaaTimer = window.setTimeout(function () { region.textContent = ""; }, 6000);
  };

  /*
   * The base every component class extends: the steps each one starts with.
   *
   *   class Checklist extends Loimaa.Component { constructor(root) { super(root); ... } }
   *   Loimaa.register("checklist", Checklist);
   *
   * this.name      the root's data-module
   * this.config    its settings from the build, data-<name>='{json}' ({} if missing or broken)
   * this.key, this.version   where its answers are saved (config.key, config.version)
   * saved()        the saved value, or null when missing, corrupt, of another version or blocked;
   *                still untrusted: read it with Loimaa.own() or through a Map
   * store(value)   save after the user acted (the storage note when the browser would not keep it)
   * part(s)(name)  its element(s) marked data-<name>-<part>
   * listen(target, type, fn)  a listener that goes with the page view (on window, document)
   * watch(fn)      fn(event) when another tab changes this.key
   * The parts that need JavaScript are shown, the no-JavaScript ones hidden (Loimaa.enhance).
   * Starting each root once, the started flag and one failing root not stopping the others are
   * createAll's (below), as in GOV.UK Frontend's createAll.
   */
  Loimaa.Component = class Component {
    constructor(root) {
      this.root = root;
      this.name = root.getAttribute("data-module");
      this.config = Loimaa.config(root, this.name);
      this.key = this.config.key;
      this.version = this.config.version;
      Loimaa.enhance(root);
    }

    saved() {
      return Loimaa.storage.read(this.key, this.version);
    }

    store(value) {
      Loimaa.save(this.root, this.key, this.version, value);
    }

    part(name) {
      return this.root.querySelector("[data-" + this.name + "-" + name + "]");
    }

    parts(name) {
      return Loimaa.all(this.root, "[data-" + this.name + "-" + name + "]");
    }

    listen(target, type, fn, options) {
      Loimaa.listen(this.root, target, type, fn, options);
    }

    watch(fn) {
      Loimaa.storage.watch(this.root, this.key, fn);
    }
  };

  /* Register a component class; it is constructed with its root element. */
  Loimaa.register = function (name, Component) {
    registry[name] = Component;
    createAll(document);
  };

  function createAll(root) {
    Object.keys(registry).forEach(function (name) {
      root.querySelectorAll('[data-module="' + name + '"]').forEach(function (el) {
        if (el.loimaaModule) return;
        try {
          el.loimaaModule = new registry[name](el);
        } catch (error) {
          // One broken component must not stop the others on the page.
          console.error("Loimaa: " + name, error);
        } finally {
          // Ends the "starting" layout of the component CSS; a failed start
          // falls back to the plain no-JavaScript form.
          el.setAttribute("data-module-started", "");
        }
      });
    });
  }

  migrate();

  // Start the component files that arrived before this one, and from now on
  // each one as it arrives (they push their start function, see any component file).
  var waiting = window.loimaaReady || [];
  window.loimaaReady = { push: function (start) { start(Loimaa); } };
  waiting.forEach(function (start) { start(Loimaa); });

  if (typeof document$ !== "undefined") {
    document$.subscribe(function () {
      teardown();
      createAll(document);
    });
  } else {
    createAll(document);
  }
})();
