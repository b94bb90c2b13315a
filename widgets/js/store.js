// A source file: tools/bundle.mjs makes widgets/static/store.js from it (loader.js imports
// that); results, review and progress bundle the pure functions below.
//
// The reader store: everything this site keeps for one reader, as ONE versioned record in
// localStorage, under a key made of the site's name and base path (two courses on one host
// never mix). Answers, confidence, review boxes and progress all live in it; results, review,
// export and import read and write only through it. Every call survives blocked storage.
//
// The record: {format, exercises: {id: saved exercise}, review: {"exercise/question": box}}.
// A saved quiz or casus question carries the fingerprint of the question it answers; an
// answer whose fingerprint no longer matches (the author changed the question) never counts.

export const FORMAT = 1;
const DAY = 24 * 60 * 60 * 1000;

/** @typedef {import("./types.js").SavedExercise} SavedExercise */
/** @typedef {import("./types.js").ReviewBox} ReviewBox */
/** @typedef {import("./types.js").StoreRecord} StoreRecord */

/** @returns {StoreRecord} */
const empty = () => ({ format: FORMAT, exercises: {}, review: {} });
/** @param {unknown} value @returns {value is Record<string, any>} */
const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * True when a saved question answer is for an older version of the question.
 * @param {SavedExercise | null} saved
 * @param {string} questionId
 * @param {string} fingerprint  the question's now
 */
export function isChanged(saved, questionId, fingerprint) {
  const state = saved?.answers?.questions?.[questionId];
  return Boolean(state?.checked && state.fingerprint !== fingerprint);
}

/**
 * Leitner boxes: a newly checked question goes to box 1; a right answer to a question that was
 * due moves it one box on (it comes back after `intervals[box - 1]` days), a wrong one back to
 * box 1, due at once. A right answer before the question is due again (trying once more at
 * once) leaves box and date as they were: else three quick retries would put it away for weeks.
 * @param {Record<string, ReviewBox>} review  changed in place
 * @param {string} id  the exercise's
 * @param {SavedExercise | undefined} before
 * @param {SavedExercise} after
 * @param {number[]} intervals
 */
function schedule(review, id, before, after, intervals) {
  for (const [questionId, state] of Object.entries(after?.answers?.questions ?? {})) {
    if (!state?.checked || !state.at) continue;
    if (before?.answers?.questions?.[questionId]?.at === state.at) continue; // not new
    const key = `${id}/${questionId}`;
    const previous = review[key];
    const early = state.correct && previous && Date.parse(state.at) < Date.parse(previous.due);
    const box = early ? previous.box : state.correct && previous ? Math.min(previous.box + 1, intervals.length) : 1;
    const due = early ? previous.due
      : state.correct ? new Date(Date.parse(state.at) + intervals[box - 1] * DAY).toISOString() : state.at;
    review[key] = {
      box, due, at: state.at, correct: Boolean(state.correct),
      confidence: state.confidence ?? null, fingerprint: state.fingerprint ?? null,
    };
  }
}

/**
 * Is `data` a record this store wrote (or an export of one)? Returns a Dutch reason when not.
 * @param {unknown} data
 * @param {string} [site]  the store's key, which an export carries
 * @returns {string | null}
 */
export function problemWith(data, site) {
  if (!isObject(data) || data.format === undefined) {
    return "dit is geen bestand met antwoorden van deze site";
  }
  if (data.format !== FORMAT) return "dit bestand komt uit een andere versie van de site en kan niet worden gelezen";
  if (site !== undefined && data.site !== site) {
    return `dit bestand hoort bij een andere cursus of site (${String(data.site ?? "onbekend")})`;
  }
  if (!isObject(data.exercises) || !isObject(data.review)) return "het bestand is beschadigd: er ontbreken onderdelen";
  for (const [id, saved] of Object.entries(data.exercises)) {
    if (!isObject(saved) || typeof saved.kind !== "string" || typeof saved.saved !== "string" ||
        Number.isNaN(Date.parse(saved.saved))) {
      return `het bestand is beschadigd: de oefening '${id}' is onleesbaar`;
    }
  }
  for (const [key, box] of Object.entries(data.review)) {
    if (!isObject(box) || !Number.isInteger(box.box) || Number.isNaN(Date.parse(box.due))) {
      return `het bestand is beschadigd: de herhaling '${key}' is onleesbaar`;
    }
  }
  return null;
}

/**
 * Merge two records: per exercise and per review box the most recently saved wins.
 * @param {StoreRecord} mine
 * @param {StoreRecord} theirs
 * @returns {StoreRecord}
 */
export function merged(mine, theirs) {
  const exercises = { ...mine.exercises };
  for (const [id, saved] of Object.entries(theirs.exercises)) {
    if (!exercises[id] || Date.parse(saved.saved) > Date.parse(exercises[id].saved)) exercises[id] = saved;
  }
  const review = { ...mine.review };
  for (const [key, box] of Object.entries(theirs.review)) {
    if (!review[key] || Date.parse(box.at) > Date.parse(review[key].at)) review[key] = box;
  }
  return { format: FORMAT, exercises, review };
}

/**
 * The localStorage key of this site's store: the contract's prefix, the site's name (the
 * build's <meta> that the contract names) and its base path, so two courses on one host never
 * mix. The loader and the SCORM adapter open the same store with it.
 * @param {{storage_prefix: string, site_meta: string}} contract  the loader's data-isw-contract
 * @param {URL} base  the site's root
 * @param {ParentNode} page
 */
export function storeKey(contract, base, page) {
  const site = page.querySelector(`meta[name="${contract.site_meta}"]`)?.getAttribute("content") ?? "";
  return `${contract.storage_prefix}${site}@${base.pathname}`;
}

/**
 * The store for one site.
 * @param {string} key  the localStorage key: a prefix, the site's name and its base path
 * @param {number[]} intervals  days per Leitner box (REVIEW_INTERVALS in widgets/_contract.py)
 */
export function openStore(key, intervals) {
  const site = key;
  /** @type {Set<() => void>} */
  const listeners = new Set();
  let asked = false;

  /** @returns {StoreRecord} */
  function load() {
    try {
      const data = JSON.parse(localStorage.getItem(key) ?? "null");
      if (data && problemWith(data) === null) return data;
    } catch {
      /* storage blocked or record damaged: start empty, never throw */
    }
    return empty();
  }

  /** @param {{exercises: StoreRecord["exercises"], review: StoreRecord["review"]}} data */
  function save(data) {
    try {
      localStorage.setItem(key, JSON.stringify({ format: FORMAT, exercises: data.exercises, review: data.review }));
    } catch {
      /* storage blocked or full: this visit still works */
    }
    for (const listener of listeners) listener();
    keep();
  }

  /** Ask the browser, once per visit and after a first answer, not to clear this site's data. */
  function keep() {
    if (asked) return;
    asked = true;
    globalThis.navigator?.storage?.persist?.().catch(() => {});
  }

  return {
    key,
    site,
    intervals,
    /** @param {string} id */
    read: (id) => load().exercises[id] ?? null,
    /** @param {string} id @param {SavedExercise} saved */
    write(id, saved) {
      const data = load();
      schedule(data.review, id, data.exercises[id], saved, intervals);
      data.exercises[id] = saved;
      save(data);
    },
    /** @param {string} id */
    remove(id) {
      const data = load();
      delete data.exercises[id];
      for (const name of Object.keys(data.review)) if (name.startsWith(`${id}/`)) delete data.review[name];
      save(data);
    },
    all: () => load().exercises,
    review: () => load().review,
    /** The whole record, as the export file holds it. */
    snapshot: () => ({ ...load(), site }),
    /** Replace everything with `data` (already checked with problemWith). @param {StoreRecord} data */
    replace(data) {
      save({ exercises: data.exercises, review: data.review });
    },
    clear() {
      try {
        localStorage.removeItem(key);
      } catch {
        /* nothing was kept */
      }
      for (const listener of listeners) listener();
    },
    /** Call `listener` after every change, on this page. @param {() => void} listener */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Has the browser promised to keep this site's data? null when it cannot say. */
    async persisted() {
      try {
        return (await globalThis.navigator?.storage?.persisted?.()) ?? null;
      } catch {
        return null;
      }
    },
  };
}
