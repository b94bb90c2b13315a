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
//   follow(saved)        the loader's own, not anywidget's: draw what the store holds now (another
//                        tab saved or erased), through "change:answers"
//
// The reader store (js/store.js) keeps one record per site; in it, one saved record per
// exercise, whose fields are RECORD_FIELDS in widgets/_contract.py:
//   kind, title   of the exercise, for 'Mijn resultaten'
//   page          the path of the page it was answered on
//   fingerprint   the exercise's answers_fingerprint when saved: once it differs, the old
//                 answers are not applied (a quiz question carries its own, per question)
//   answers       as the exercise's code keeps them: quiz/casus {questions: {<question id>:
//                 {chosen: [authored option indices], checked, correct, confidence,
//                 fingerprint, at}}}, scan {scores: {<statement id>: 1…5}}, sort {placed:
//                 {<item id>: <category id>}, checked}, reflectie {text}
//   result        quiz/casus/sort {score, total[, answered]}, scan {profile: [{id, name,
//                 mean, band}]}, reflectie {words}
//   seed          the reader's order of options (32 bits), so a reload shows the same order
//   saved         when, as an ISO time

// A static import, so this module runs with the reader store at hand as soon as the page is
// parsed (the build adds the store's version stamp to this specifier, widgets/sphinx_ext.py):
// one more round of `await import()` put every exercise behind the theme's DOMContentLoaded work.
import { isChanged, openStore, same, storeKey } from "./store.js";

/** @typedef {import("../js/types.js").SavedExercise} SavedExercise */
/** @typedef {import("../js/types.js").Props} Props */

/** The build's version stamp (`?v=…` on this module's URL), passed on to every module it
 * loads, so a browser never mixes a new page with an old cached module. */
const VERSION = new URL(import.meta.url).search;

/** What Python says the browser must agree on (widgets/_contract.py `shared()`), given to this
 * module as its script tag's data-isw-contract attribute by the Sphinx extension. */
const CONTRACT_JSON = document.querySelector("script[data-isw-contract]")?.getAttribute("data-isw-contract");
if (!CONTRACT_JSON) throw new Error("loader.js: het script-element mist data-isw-contract");
/** @type {import("../js/types.js").Contract} */
const CONTRACT = JSON.parse(CONTRACT_JSON);

/** The site's root (this module lives in _static/widgets/). */
const BASE = new URL("../../", import.meta.url);

/** The reader store (store.js): one record for this site, namespaced by its name and path. */
export const store = openStore(storeKey(CONTRACT, BASE, document), CONTRACT, BASE.pathname);

// A save that fails is said at the top of the page, with why and what to do (the reader may be
// answering far below: the notice is an alert). Once per reason, removed once saving works.
store.subscribe((outcome) => {
  const notice = document.getElementById("isw-not-saved");
  if (outcome === null) return;
  if (outcome.ok) return notice?.remove();
  if (notice?.dataset.reason === outcome.reason) return;
  const line = notice ?? Object.assign(document.createElement("p"), { id: "isw-not-saved", className: "isw-not-saved" });
  line.setAttribute("role", "alert");
  line.dataset.reason = outcome.reason;
  line.textContent = outcome.text;
  if (!notice) (document.querySelector("article") ?? document.body).prepend(line);
});

/** What the build knows of the whole book (widgets/_learning.py), fetched once per page. */
let catalogPromise;
export function catalog() {
  catalogPromise ??= fetch(new URL(CONTRACT.catalog_file, import.meta.url), { cache: "no-cache" })
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  return catalogPromise;
}

/**
 * The saved answers that still fit these props. An answer to a question the author has
 * changed since (its fingerprint differs) is left out, and the question is named in
 * `changed`, so the exercise can say so and the reader answers it again.
 * @param {any} props  an exercise's (widgets/_props.py)
 * @param {SavedExercise | null} saved
 */
export function current(props, saved) {
  if (!saved) return { answers: null, result: null, changed: null };
  if (props.questions) {
    /** @type {Record<string, unknown>} */
    const questions = {};
    /** @type {string[]} */
    const changed = [];
    for (const q of props.questions) {
      const state = saved.answers?.questions?.[q.id];
      if (isChanged(saved, q.id, q.fingerprint)) changed.push(q.id);
      else if (state && state.fingerprint === q.fingerprint) questions[q.id] = state;
    }
    return { answers: { ...saved.answers, questions }, result: saved.result ?? null, changed };
  }
  if (saved.fingerprint !== props.answers_fingerprint) return { answers: null, result: null, changed: true };
  return { answers: saved.answers, result: saved.result ?? null, changed: null };
}

/**
 * anywidget's model contract, kept in memory and saved to `store` on save_changes().
 * @param {any} props  an exercise's (widgets/_props.py)
 * @param {SavedExercise | null} saved
 * @param {{write(id: string, saved: SavedExercise): unknown, remove(id: string): unknown}} [target]
 * @returns {import("../js/types.js").Model & {follow: (next: SavedExercise | null) => void}}
 */
export function createModel(props, saved, target = store) {
  // No seed yet: the exercise draws one (with storage blocked, too, so options are shuffled).
  /** @type {Record<string, any>} */
  const state = { props, ...current(props, saved), seed: saved?.seed ?? null };
  /** The stored exercise these answers were last drawn from or saved as: a save then changes
   * only what the reader changed since (store.js `rebased`). */
  let base = saved;
  /** @type {Map<string, Function[]>} */
  const listeners = new Map();
  /** @param {string} name @param {unknown} value */
  const set = (name, value) => {
    state[name] = value;
    for (const callback of listeners.get(`change:${name}`) ?? []) callback(value);
  };
  /** Draw what the store holds now (another tab saved or erased; or this save was rebased):
   * the exercise redraws on "change:answers". @param {SavedExercise | null} next */
  const follow = (next) => {
    base = next;
    const now = current(props, next);
    if (same(now.answers, state.answers)) return;
    state.changed = now.changed;
    set("result", now.result);
    set("answers", now.answers);
  };
  return {
    get: (name) => state[name],
    set,
    follow,
    on(event, callback) {
      listeners.set(event, [...(listeners.get(event) ?? []), callback]);
    },
    off(event, callback) {
      if (!callback) listeners.delete(event);
      else listeners.set(event, (listeners.get(event) ?? []).filter((c) => c !== callback));
    },
    /** Returns the store's outcome (anywidget's returns nothing): exercise.js says "niet bewaard" by it. */
    save_changes() {
      if (state.answers === null) {
        base = null;
        return target.remove(props.id);
      }
      /** @type {Record<string, unknown>} */
      const values = { kind: props.kind, title: props.title, page: location.pathname,
        fingerprint: props.answers_fingerprint, answers: state.answers, result: state.result, seed: state.seed,
        saved: new Date().toISOString() };
      const record = Object.fromEntries(CONTRACT.record_fields.map((field) => [field, values[field]]));
      if (target !== store) return target.write(props.id, /** @type {SavedExercise} */ (record));
      const outcome = store.write(props.id, /** @type {SavedExercise} */ (record), base);
      if (outcome.ok) follow(store.read(props.id));
      return outcome;
    },
    send() {},
  };
}

/** The exercises on this page by id, with their models: each follows what another tab saves
 * or erases, so no tab goes on showing (and later saving) an older state. */
const followed = new Map();
store.subscribe((outcome) => {
  if (outcome !== null) return;
  const exercises = store.all();
  for (const [id, model] of followed) model.follow(exercises[id] ?? null);
});

/** Make every exercise on the page interactive. */
export async function hydrate(root = document) {
  const sections = [...root.querySelectorAll(`section.${CONTRACT.widget_class}[data-props]`)]
    .filter((section) => section instanceof HTMLElement);
  if (sections.length === 0) return;
  const { default: widget } = await import(`./exercise.js${VERSION}`);
  // Each exercise on its own: one that cannot start (its props unreadable, its code failing)
  // keeps its readable markup, and the others still come alive.
  for (const section of sections) {
    try {
      const props = JSON.parse(section.dataset.props ?? "");
      const model = createModel(props, store.read(props.id));
      widget.render({ model, el: section });
      followed.set(props.id, model);
      section.dataset.hydrated = "true";
    } catch (error) {
      console.error(`Oefening ${section.id || "(zonder id)"} kon niet starten`, error);
    }
  }
  performance.mark("isw-hydrated");
}

/**
 * Pages with their own browser code: the element's data-isw-page names its module.
 * @type {Record<string, string>}
 */
const PAGE_MODULES = { results: "./results.js", team: "./team.js", review: "./review.js" };

async function mountPages(root = document) {
  for (const element of root.querySelectorAll("[data-isw-page]")) {
    if (!(element instanceof HTMLElement)) continue;
    const path = PAGE_MODULES[element.dataset.iswPage ?? ""];
    if (!path) continue;
    const module = await import(`${path}${VERSION}`);
    await module.mount(element, { store, catalog, createModel, base: BASE, contract: CONTRACT });
  }
}

/** Figures in the text: drawn (and Vega loaded) only when they come near the screen. */
async function drawFigures(root = document) {
  const charts = root.querySelectorAll(".isw-figure .isw-chart[data-spec]");
  if (charts.length === 0) return;
  const { drawWhenVisible } = await import(`./chart.js${VERSION}`);
  for (const chart of charts) {
    if (chart instanceof HTMLElement) drawWhenVisible(chart, JSON.parse(chart.dataset.spec ?? ""));
  }
}

/** "n van m oefeningen gedaan" in the navigation and under each chapter's heading. */
async function showProgress() {
  const book = await catalog();
  if (!book) return;
  const { mount } = await import(`./progress.js${VERSION}`);
  mount(document, { store, book, base: BASE, contract: CONTRACT });
}

async function start() {
  try {
    await Promise.all([hydrate(), mountPages(), drawFigures(), showProgress()]);
  } finally {
    document.documentElement.dataset.iswReady = "true";
  }
}

// The page's HTML is parsed once readyState leaves "loading"; that comes before the theme's
// deferred scripts run and DOMContentLoaded fires, so the exercises work sooner.
if (document.readyState === "loading") document.addEventListener("readystatechange", start, { once: true });
else start();
