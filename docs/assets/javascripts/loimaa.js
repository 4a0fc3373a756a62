/*
 * The client-side base every component uses (checklist, role-helper, quiz,
 * completion-sheet; one file and one class each, docs/assets/javascripts/).
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
 *   data-<name>='{json}'  its settings from the build (Loimaa.config)
 *   data-js-only          shown only once the component started (Loimaa.enhance)
 *   data-nojs             instructions for the page without JavaScript, hidden then
 *   data-storage-note     shown when the browser cannot save (Loimaa.enhance, Loimaa.save)
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
      try {
        window.localStorage.setItem(PREFIX + key, JSON.stringify({ version: version, value: value }));
        return true;
      } catch (e) {
        return false;
      }
    },
    remove: function (key) {
      try {
        window.localStorage.removeItem(PREFIX + key);
        return true;
      } catch (e) {
        return false;
      }
    },
    /* Call fn when another tab changes key, while root is on the page (instant navigation). */
    watch: function (root, key, fn) {
      window.addEventListener("storage", function listener(event) {
        if (!root.isConnected) window.removeEventListener("storage", listener);
        else if (event.key === PREFIX + key || event.key === null) fn();
      });
    },
  };

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

  /* Save after the user acted; tell them if the browser would not keep it. */
  Loimaa.save = function (root, key, version, value) {
    if (!Loimaa.storage.write(key, version, value)) Loimaa.showStorageNote(root);
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

  // Start the component files that arrived before this one, and from now on
  // each one as it arrives (they push their start function, see any component file).
  var waiting = window.loimaaReady || [];
  window.loimaaReady = { push: function (start) { start(Loimaa); } };
  waiting.forEach(function (start) { start(Loimaa); });

  if (typeof document$ !== "undefined") {
    document$.subscribe(function () {
      createAll(document);
    });
  } else {
    createAll(document);
  }
})();
