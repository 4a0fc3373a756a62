/*
 * Shared base of the site's interactive components (checklists, onboarding).
 *
 * Progressive enhancement in the GOV.UK Frontend way: the server-rendered HTML
 * works without JavaScript; this file marks the page as enhanced and starts a
 * component for every element with data-module="<name>". Material's document$
 * emits on the first load and after every instant navigation, so components
 * start on each new page; an element is started only once. Loaded only on
 * pages with components (overrides/main.html).
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
        if (!data || typeof data !== "object" || data.version !== version) return null;
        return data.value;
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
  };

  /* Small helpers the components share. */
  Loimaa.all = function (root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  };
  Loimaa.isObject = function (value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
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
  // each one as it arrives (they push their start function, see checklist.js).
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
