// Loaded first on every page, as a classic script. Where the browser blocks localStorage
// (reading it throws), the theme's own scripts would break; this puts an in-memory stand-in
// in its place, so everything works for this visit and nothing is kept.
(function guardStorage() {
  try {
    window.localStorage.getItem("probe");
  } catch {
    const items = new Map();
    const memory = {
      get length() { return items.size; },
      /** @param {number} index */
      key: (index) => [...items.keys()][index] ?? null,
      /** @param {string} key */
      getItem: (key) => (items.has(String(key)) ? items.get(String(key)) : null),
      /** @param {string} key @param {string} value */
      setItem: (key, value) => { items.set(String(key), String(value)); },
      /** @param {string} key */
      removeItem: (key) => { items.delete(String(key)); },
      clear: () => { items.clear(); },
    };
    try {
      Object.defineProperty(window, "localStorage", { value: memory, configurable: true });
      document.documentElement.dataset.iswStorage = "memory";
    } catch {
      /* the page still works; the theme may complain */
    }
  }
})();
