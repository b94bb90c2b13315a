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

import { same } from "./logic.js";
import { checkRecord, dict, FORMAT, isObject } from "./validate.js";

export { FORMAT, same };
const DAY = 24 * 60 * 60 * 1000;

/** @typedef {import("./types.js").SavedExercise} SavedExercise */
/** @typedef {import("./types.js").ReviewBox} ReviewBox */
/** @typedef {import("./types.js").StoreRecord} StoreRecord */

/** @returns {StoreRecord} */
const empty = () => ({ format: FORMAT, exercises: dict(), review: dict() });

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
 * Merge two records: per exercise and per review box the most recently saved wins; within a
 * quiz or casus, per question the most recent answer (mergedExercise).
 * @param {StoreRecord} mine
 * @param {StoreRecord} theirs
 * @returns {StoreRecord}
 */
export function merged(mine, theirs) {
  const exercises = Object.assign(dict(), mine.exercises);
  for (const [id, saved] of Object.entries(theirs.exercises)) exercises[id] = mergedExercise(exercises[id], saved);
  const review = Object.assign(dict(), mine.review);
  for (const [key, box] of Object.entries(theirs.review)) {
    if (!review[key] || Date.parse(box.at) > Date.parse(review[key].at)) review[key] = box;
  }
  /** @type {StoreRecord} */
  const record = { format: FORMAT, exercises, review };
  if (mine.erased) record.erased = mine.erased;
  return record;
}

/**
 * One exercise from two places (the store and a tab's or a file's copy): the newer one, and
 * for a quiz or casus per question the newer answer, so neither copy loses the other's.
 * @param {SavedExercise | undefined} stored
 * @param {SavedExercise} incoming
 * @returns {SavedExercise}
 */
export function mergedExercise(stored, incoming) {
  if (!stored) return incoming;
  const newer = Date.parse(incoming.saved) >= Date.parse(stored.saved) ? incoming : stored;
  const mineQ = stored.answers?.questions;
  const theirQ = incoming.answers?.questions;
  if (!isObject(mineQ) || !isObject(theirQ)) return newer;
  const questions = Object.assign(dict(), mineQ);
  for (const [id, state] of Object.entries(theirQ)) {
    const before = questions[id];
    if (!before?.at || (state.at && Date.parse(state.at) >= Date.parse(before.at))) questions[id] = state;
  }
  return { ...newer, answers: { ...newer.answers, questions } };
}

/** Drop what a tab still shows from before the reader erased everything. @param {SavedExercise} saved @param {string} [erased] */
function afterErase(saved, erased) {
  const questions = saved.answers?.questions;
  if (!erased || !isObject(questions)) return saved;
  const kept = dict();
  for (const [id, state] of Object.entries(questions)) {
    if (!state.at || Date.parse(state.at) >= Date.parse(erased)) kept[id] = state;
  }
  return { ...saved, answers: { ...saved.answers, questions: kept } };
}

/**
 * A tab's save on top of what is stored now. `base` is the stored exercise the tab last drew
 * (null: none). When the store still holds it, the tab's copy is the newest and goes in whole.
 * When another tab saved or erased since, only what this tab changed since `base` goes in, per
 * entry of its answers (a question, a statement's score, an item's place, the text, the check),
 * and every other entry is what is stored: never an older state, never an erased answer back.
 * A result that no longer fits the answers is dropped (quiz results are counted anew from the
 * answers, learning.js; a scan or sort gets its result again with its next change).
 * @param {SavedExercise | undefined} stored
 * @param {SavedExercise} mine
 * @param {SavedExercise | null} base
 * @returns {SavedExercise}
 */
export function rebased(stored, mine, base) {
  if (same(stored?.answers, base?.answers)) return mine;
  const answers = changedEntries(stored?.answers ?? {}, base?.answers ?? {}, mine.answers ?? {});
  const result = same(answers, mine.answers) || answers.questions ? mine.result
    : stored && same(answers, stored.answers) ? stored.result : null;
  return { ...mine, answers, result };
}

/**
 * `stored` with what changed from `base` to `mine`: a map of answers (questions, scores,
 * placed) entry by entry, each entry whole; any other field (a text, a sort's check) whole.
 * @param {Record<string, any>} stored @param {Record<string, any>} base @param {Record<string, any>} mine
 */
function changedEntries(stored, base, mine) {
  const out = dict();
  for (const field of new Set([...Object.keys(stored), ...Object.keys(mine)])) {
    if (isObject(mine[field]) || isObject(stored[field])) {
      const [now, was, tab] = [stored, base, mine].map((answers) => (isObject(answers[field]) ? answers[field] : {}));
      out[field] = dict();
      for (const key of new Set([...Object.keys(now), ...Object.keys(tab)])) {
        const value = same(tab[key], was[key]) ? now[key] : tab[key];
        if (value !== undefined) out[field][key] = value;
      }
      continue;
    }
    // Not changed here: what is stored; a field the store lacks (after an erase) the tab's own,
    // so the answers keep their shape (a sort's `checked`).
    const value = same(mine[field], base[field]) && field in stored ? stored[field] : mine[field];
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/** @typedef {{ok: true} | {ok: false, reason: "full" | "blocked" | "memory", text: string}} Outcome */

/** Why a save failed, and what the reader can do, in Dutch. */
export const NOT_SAVED = {
  full: "Niet bewaard: de opslag van je browser is vol. Maak ruimte (wis in je browserinstellingen de gegevens van sites die je niet meer gebruikt) en probeer het opnieuw, of download je antwoorden op Mijn resultaten.",
  blocked: "Niet bewaard: je browser laat deze site niets opslaan. Sta opslag voor deze site toe, of download je antwoorden op Mijn resultaten voordat je de pagina sluit.",
  memory: "Niet bewaard: je browser blokkeert lokale opslag. Je antwoorden blijven alleen tot je deze pagina sluit; download ze op Mijn resultaten als je ze wilt houden.",
};

/** A short, stable name for a text (djb2), to keep a copy aside under once. @param {string} text */
function hashOf(text) {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  return hash.toString(36);
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
 * @param {import("./validate.js").Rules} rules  the contract (widgets/_contract.py `shared()`)
 * @param {string} [base]  the site's root path
 */
export function openStore(key, rules, base = "/") {
  const site = key;
  const intervals = rules.review_intervals;
  /** Copies of stored records that could not be used as they were, each under its own key. */
  const asidePrefix = `${key}|apart|`;
  /** @type {Set<(outcome: Outcome | null) => void>} */
  const listeners = new Set();
  let asked = false;

  /** @param {string} raw  a stored text that did not fit: kept once, never overwritten */
  function keepAside(raw) {
    const aside = `${asidePrefix}${hashOf(raw)}`;
    try {
      if (localStorage.getItem(aside) === null) localStorage.setItem(aside, raw);
    } catch {
      /* no room for a copy: the record itself is then not overwritten either (see save) */
    }
    return aside;
  }

  /** The stored record, checked (validate.js); `safe` is false when it was not kept aside. */
  function read() {
    let raw;
    try {
      raw = localStorage.getItem(key);
    } catch {
      return { record: empty(), safe: true };
    }
    if (raw === null) return { record: empty(), safe: true };
    let data;
    try {
      data = JSON.parse(raw);
    } catch {
      data = undefined;
    }
    const { record, dropped, problem } = checkRecord(data, rules, { base });
    if (problem === null && dropped.length === 0 && record) return { record, safe: true };
    // Damaged, partly or wholly, or of another format version: a copy goes aside before
    // anything is written over it, and Mijn resultaten offers it for download.
    const aside = keepAside(raw);
    let kept = false;
    try {
      kept = localStorage.getItem(aside) === raw;
    } catch { /* not kept */ }
    return { record: record ?? empty(), safe: kept };
  }

  const load = () => read().record;

  /**
   * Change the record: re-read it just before writing (another tab may have saved since), then
   * write what `change` makes of it. Says whether it was kept.
   * @param {(current: StoreRecord) => StoreRecord} change
   * @returns {Outcome}
   */
  function save(change) {
    const { record, safe } = read();
    const next = change(record);
    /** @type {Outcome} */
    let outcome = { ok: true };
    try {
      if (!safe) throw new Error("the old record could not be kept aside");
      localStorage.setItem(key, JSON.stringify(next));
      if (globalThis.document?.documentElement.dataset.iswStorage === "memory") {
        outcome = { ok: false, reason: "memory", text: NOT_SAVED.memory };
      }
    } catch (error) {
      const full = error instanceof Error && (error.name === "QuotaExceededError" || /quota/i.test(error.message));
      outcome = full || !safe ? { ok: false, reason: "full", text: NOT_SAVED.full } : { ok: false, reason: "blocked", text: NOT_SAVED.blocked };
    }
    for (const listener of listeners) listener(outcome);
    if (outcome.ok) keep();
    return outcome;
  }

  // Another tab saved or erased: this page shows it too.
  globalThis.addEventListener?.("storage", (event) => {
    if (event.key !== key && event.key !== null) return;
    for (const listener of listeners) listener(null);
  });

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
    /**
     * Keep one exercise. With `base` (a page's exercise: the stored one it last drew, null for
     * none), only what the reader changed since goes over what is stored now (rebased). Without
     * (an answer from Herhalen or the learning platform), merged per answer with what is stored:
     * another tab's newer answers stay, answers from before an erase do not come back.
     * @param {string} id @param {SavedExercise} saved @param {SavedExercise | null} [base]
     */
    write: (id, saved, base) => save((data) => {
      const before = data.exercises[id];
      const after = base === undefined ? mergedExercise(before, afterErase(saved, data.erased)) : rebased(before, saved, base);
      schedule(data.review, id, before, after, intervals);
      data.exercises[id] = after;
      return data;
    }),
    /** @param {string} id */
    remove: (id) => save((data) => {
      delete data.exercises[id];
      for (const name of Object.keys(data.review)) if (name.startsWith(`${id}/`)) delete data.review[name];
      return data;
    }),
    all: () => load().exercises,
    review: () => load().review,
    /** The whole record, as the export file holds it, with where it comes from. @param {{book_id?: string, title?: string}} [about] */
    snapshot: (about = {}) => {
      const { exercises, review } = load();
      return { format: FORMAT, site, book: about.book_id, title: about.title, path: base, exercises, review };
    },
    /** Replace everything with `data` (checked with checkRecord). @param {StoreRecord} data */
    replace: (data) => save((current) => ({ ...data, format: FORMAT, erased: current.erased })),
    /** Merge `data` (checked) into what is stored at this moment. @param {StoreRecord} data */
    mergeIn: (data) => save((current) => merged(current, data)),
    /** Erase everything; every open tab of this site hears of it (the `storage` event). With
     * no room for the erased record (storage full), the record is removed: tabs then still
     * hear of it, only a tab's answers from before are not told apart. */
    clear() {
      const outcome = save(() => ({ format: FORMAT, exercises: dict(), review: dict(), erased: new Date().toISOString() }));
      if (outcome.ok || outcome.reason !== "full") return outcome;
      try {
        localStorage.removeItem(key);
      } catch {
        return outcome;
      }
      /** @type {Outcome} */
      const removed = { ok: true };
      for (const listener of listeners) listener(removed);
      return removed;
    },
    /** Stored records kept aside because they could not be used as they were. */
    keptAside() {
      /** @type {{name: string, text: string}[]} */
      const found = [];
      try {
        for (let i = 0; i < localStorage.length; i++) {
          const name = localStorage.key(i);
          if (name?.startsWith(asidePrefix)) found.push({ name, text: localStorage.getItem(name) ?? "" });
        }
      } catch { /* nothing to find */ }
      return found;
    },
    /** @param {string} name  a kept-aside copy the reader has downloaded and lets go */
    dropAside(name) {
      try {
        if (name.startsWith(asidePrefix)) localStorage.removeItem(name);
      } catch { /* nothing kept */ }
    },
    /** Call `listener` after every change: with the outcome of a save here, null for another tab's. @param {(outcome: Outcome | null) => void} listener */
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
