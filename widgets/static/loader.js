// The static site's host for the exercises: it finds each exercise's markup, gives it a small
// in-browser model (anywidget's get/set/on/off/save_changes) that remembers answers in
// localStorage, and calls the same `render` that Jupyter runs (the default export of
// exercise.js). With storage blocked the exercises still work, without memory. Nothing leaves
// the browser.
//
// The model contract, the same as anywidget's kernel-synced model live in Jupyter:
//   get(name)            "props" (the exercise, read only), "answers", "result", "seed"
//   set(name, value)     changes a value and calls the "change:<name>" listeners
//   on(event, callback) / off(event, callback?)
//   save_changes()       keeps the record below; answers === null erases it
//
// The saved record, one per exercise under `<storage_prefix><exercise id>`; its fields are
// RECORD_FIELDS in widgets/_contract.py:
//   kind, title   of the exercise, for 'Mijn resultaten'
//   page          the path of the page it was answered on
//   answers       as the exercise's code keeps them: quiz/casus {questions: {<question id>:
//                 {chosen: [authored option indices], checked}}}, scan {scores: {<statement
//                 id>: 1…5}}, sort {placed: {<item id>: <category id>}, checked},
//                 reflectie {text}
//   result        quiz/casus/sort {score, total[, answered]}, scan {profile: [{id, name,
//                 mean, band}]}, reflectie {words}
//   seed          the reader's order of options (32 bits), so a reload shows the same order
//   saved         when, as an ISO time

/** The build's version stamp (`?v=…` on this module's URL), passed on to every module it
 * loads, so a browser never mixes a new page with an old cached module. */
const VERSION = new URL(import.meta.url).search;

/** What Python says the browser must agree on (widgets/_contract.py `shared()`), given to this
 * module as its script tag's data-isw-contract attribute by the Sphinx extension. */
const CONTRACT = JSON.parse(document.querySelector("script[data-isw-contract]")?.dataset.iswContract ?? "null");
if (!CONTRACT) throw new Error("loader.js: het script-element mist data-isw-contract");

/** Prefix of every key this site writes to localStorage; `store` reads and erases only these. */
export const PREFIX = CONTRACT.storage_prefix;

/** The reader's saved answers, one record per exercise; every call survives blocked storage. */
export const store = {
  read(id) {
    try {
      return JSON.parse(localStorage.getItem(PREFIX + id) ?? "null");
    } catch {
      return null;
    }
  },
  write(id, record) {
    try {
      localStorage.setItem(PREFIX + id, JSON.stringify(record));
      return true;
    } catch {
      return false;
    }
  },
  remove(id) {
    try {
      localStorage.removeItem(PREFIX + id);
    } catch {
      /* storage blocked: nothing was kept */
    }
  },
  /** Every record this site keeps, by exercise id. */
  all() {
    const records = {};
    try {
      for (let i = 0; i < localStorage.length; i += 1) {
        const key = localStorage.key(i);
        if (key?.startsWith(PREFIX)) records[key.slice(PREFIX.length)] = JSON.parse(localStorage.getItem(key));
      }
    } catch {
      /* storage blocked */
    }
    return records;
  },
};

/** anywidget's model contract, kept in memory and saved to `store` on save_changes(). */
export function createModel(props, saved) {
  const state = {
    props,
    answers: saved?.answers ?? null,
    result: saved?.result ?? null,
    // No seed yet: the exercise draws one (with storage blocked, too, so options are shuffled).
    seed: saved?.seed ?? null,
  };
  const listeners = new Map();
  return {
    get: (name) => state[name],
    set(name, value) {
      state[name] = value;
      for (const callback of listeners.get(`change:${name}`) ?? []) callback(value);
    },
    on(event, callback) {
      listeners.set(event, [...(listeners.get(event) ?? []), callback]);
    },
    off(event, callback) {
      if (!callback) listeners.delete(event);
      else listeners.set(event, (listeners.get(event) ?? []).filter((c) => c !== callback));
    },
    save_changes() {
      if (state.answers === null) {
        store.remove(props.id);
        return;
      }
      const values = { kind: props.kind, title: props.title, page: location.pathname, answers: state.answers,
        result: state.result, seed: state.seed, saved: new Date().toISOString() };
      store.write(props.id, Object.fromEntries(CONTRACT.record_fields.map((field) => [field, values[field]])));
    },
    send() {},
  };
}

/** Make every exercise on the page interactive. */
export async function hydrate(root = document) {
  const sections = [...root.querySelectorAll("section.isw-widget[data-props]")];
  if (sections.length === 0) return;
  const { default: widget } = await import(`./exercise.js${VERSION}`);
  for (const section of sections) {
    const props = JSON.parse(section.dataset.props);
    try {
      widget.render({ model: createModel(props, store.read(props.id)), el: section });
      section.dataset.hydrated = "true";
    } catch (error) {
      console.error(`Oefening ${props.id} kon niet starten`, error);
    }
  }
  performance.mark("isw-hydrated");
}

/** Pages with their own browser code: the element's data-isw-page names its module. */
const PAGE_MODULES = { results: "./results.js", team: "./team.js" };

async function mountPages(root = document) {
  for (const element of root.querySelectorAll("[data-isw-page]")) {
    const path = PAGE_MODULES[element.dataset.iswPage];
    if (!path) continue;
    const module = await import(`${path}${VERSION}`);
    await module.mount(element, { store });
  }
}

/** Figures in the text: drawn (and Vega loaded) only when they come near the screen. */
async function drawFigures(root = document) {
  const charts = root.querySelectorAll(".isw-figure .isw-chart[data-spec]");
  if (charts.length === 0) return;
  const { drawWhenVisible } = await import(`./chart.js${VERSION}`);
  for (const chart of charts) drawWhenVisible(chart, JSON.parse(chart.dataset.spec));
}

async function start() {
  try {
    await Promise.all([hydrate(), mountPages(), drawFigures()]);
  } finally {
    document.documentElement.dataset.iswReady = "true";
  }
}

// The page's HTML is parsed once readyState leaves "loading"; that comes before the theme's
// deferred scripts run and DOMContentLoaded fires, so the exercises work sooner.
if (document.readyState === "loading") document.addEventListener("readystatechange", start, { once: true });
else start();
