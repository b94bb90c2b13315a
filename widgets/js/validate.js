// The one check for everything that comes from outside this code: an imported file, the record
// in localStorage (another page of the same origin can write it too) and a pasted team code.
// Nothing from outside is used as it is: every field is checked against the contract (types,
// ranges, known ids, levels and boxes, dates in range, page paths of this site) and copied into
// new objects, whose keys from data never are `__proto__`, `constructor` or `prototype` (maps
// keyed by data have no prototype at all). What does not fit is left out and named, in Dutch.
//
// Pure functions, tested with node --test (tests/node/validate.test.mjs).

/** @typedef {import("./types.js").StoreRecord} StoreRecord */
/** @typedef {import("./types.js").SavedExercise} SavedExercise */
/** @typedef {import("./types.js").ReviewBox} ReviewBox */
/** @typedef {import("./types.js").Book} Book */

/** The version of the stored record (and of an export): another one is migrated or kept aside. */
export const FORMAT = 1;

const DAY = 24 * 60 * 60 * 1000;
/** No saved answer is older than the course, nor more than a year ahead of this clock (another
 * device's clock may be ahead a little; a due date lies up to a box's interval ahead). */
const EARLIEST = Date.parse("2020-01-01T00:00:00Z");
const AHEAD = 400 * DAY;
/** Ids of exercises, questions, statements, items and categories (widgets/_schema.py's are
 * narrower); a key from data must match this, and none of the three that reach a prototype. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const MAX_TEXT = 100_000;
const MAX_OPTIONS = 100;

/**
 * What the check needs of the contract (widgets/_contract.py `shared()`).
 * @typedef {{kinds: string[], confidence: string[], scale_min: number, scale_max: number,
 *   review_intervals: number[]}} Rules
 */

/**
 * Where the checked data goes: `book` the catalog (known ids, links), `base` the site's root
 * path, `now` the time dates are checked against.
 * @typedef {{book?: Book | null, base?: string, now?: number}} Where
 */

/** @param {unknown} value @returns {value is Record<string, any>} */
export const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** A key from data that may name something in an object. @param {unknown} key @returns {key is string} */
export const isSafeKey = (key) => typeof key === "string" && ID.test(key) && !PROTOTYPE_KEYS.has(key);

/** An object without prototype, for keys that come from data. @returns {Record<string, any>} */
export const dict = () => Object.create(null);

/** @param {unknown} value */
const isText = (value, max = 1000) => typeof value === "string" && value.length <= max;

/** @param {unknown} value @param {number} low @param {number} high */
const isInteger = (value, low, high) => Number.isInteger(value) && /** @type {number} */ (value) >= low &&
  /** @type {number} */ (value) <= high;

/**
 * An ISO time between the course's start and `latest`.
 * @param {unknown} value @param {number} latest
 * @returns {value is string}
 */
function isTime(value, latest) {
  if (typeof value !== "string" || value.length > 40) return false;
  const time = Date.parse(value);
  return time >= EARLIEST && time <= latest;
}

/**
 * A path of a page of this site: relative to its root `base`, no scheme, no other host, no
 * way up. Anything else becomes null (a `javascript:` link never reaches a page).
 * @param {unknown} value @param {string} base  the site's root path, "/" or "/cursus/"
 */
export function sitePath(value, base) {
  if (typeof value !== "string" || value.length > 500) return null;
  if (!value.startsWith(base) || !/^\/[A-Za-z0-9._~%/-]*$/.test(value)) return null;
  if (value.includes("//") || value.split("/").includes("..")) return null;
  return value;
}

/**
 * A map from data: only safe keys, each value through `check` (null: left out).
 * @template T
 * @param {unknown} value
 * @param {(item: any, key: string) => T | null} check
 * @param {string[]} dropped  where a left-out key is named
 * @param {string} what  how a dropped entry is named, e.g. "antwoord op vraag"
 * @returns {Record<string, T> | null}  null when `value` is no object at all
 */
function mapOf(value, check, dropped, what) {
  if (!isObject(value)) return null;
  const out = dict();
  for (const [key, item] of Object.entries(value)) {
    const checked = isSafeKey(key) ? check(item, key) : null;
    if (checked === null) dropped.push(`${what} '${String(key).slice(0, 40)}'`);
    else out[key] = checked;
  }
  return out;
}

/**
 * A quiz or casus question as answered.
 * @param {unknown} state @param {Rules} rules @param {number} latest
 * @returns {import("./types.js").QuestionAnswer | null}
 */
function questionAnswer(state, rules, latest) {
  if (!isObject(state) || !Array.isArray(state.chosen) || state.chosen.length > MAX_OPTIONS ||
      !state.chosen.every((i) => isInteger(i, 0, MAX_OPTIONS)) || typeof state.checked !== "boolean") return null;
  if (state.correct !== undefined && typeof state.correct !== "boolean") return null;
  if (state.confidence !== undefined && state.confidence !== null && !rules.confidence.includes(state.confidence)) return null;
  if (state.fingerprint !== undefined && !isText(state.fingerprint, 200)) return null;
  if (state.at !== undefined && !isTime(state.at, latest)) return null;
  /** @type {import("./types.js").QuestionAnswer} */
  const out = { chosen: [...state.chosen], checked: state.checked };
  if (state.correct !== undefined) out.correct = state.correct;
  if (state.confidence !== undefined) out.confidence = state.confidence;
  if (state.fingerprint !== undefined) out.fingerprint = state.fingerprint;
  if (state.at !== undefined) out.at = state.at;
  return out;
}

/**
 * An exercise's answers, by their shape (quiz/casus, scan, sort or reflection), or null.
 * @param {unknown} answers @param {Rules} rules @param {number} latest @param {string[]} dropped
 */
function answersOf(answers, rules, latest, dropped) {
  if (!isObject(answers)) return null;
  const keys = Object.keys(answers).sort().join(",");
  if (keys === "questions") {
    const questions = mapOf(answers.questions, (state) => questionAnswer(state, rules, latest), dropped, "het antwoord op vraag");
    return questions && { questions };
  }
  if (keys === "scores") {
    const scores = mapOf(answers.scores, (score) => (isInteger(score, rules.scale_min, rules.scale_max) ? score : null),
      dropped, "de score bij uitspraak");
    return scores && { scores };
  }
  if (keys === "checked,placed" && typeof answers.checked === "boolean") {
    const placed = mapOf(answers.placed, (category) => (isSafeKey(category) ? category : null), dropped, "de plaats van");
    return placed && { placed, checked: answers.checked };
  }
  if (keys === "text" && isText(answers.text, MAX_TEXT)) return { text: answers.text };
  return null;
}

/**
 * An exercise's result, by its shape, or null (a result is worked out again on the next answer).
 * @param {unknown} result @param {Rules} rules
 */
function resultOf(result, rules) {
  if (!isObject(result)) return null;
  const count = (/** @type {unknown} */ n) => isInteger(n, 0, 10_000);
  if (count(result.total) && count(result.score) && result.score <= result.total &&
      (result.answered === undefined || count(result.answered))) {
    return result.answered === undefined
      ? { score: result.score, total: result.total }
      : { score: result.score, total: result.total, answered: result.answered };
  }
  if (Array.isArray(result.profile) && result.profile.length <= 100) {
    const profile = result.profile.map((row) => (isObject(row) && isSafeKey(row.id) && isText(row.name, 300) &&
      (row.mean === null || (typeof row.mean === "number" && row.mean >= rules.scale_min && row.mean <= rules.scale_max)) &&
      (row.band === null || row.band === undefined || isText(row.band, 100))
      ? { id: row.id, name: row.name, mean: row.mean, band: row.band ?? null } : null));
    return profile.every(Boolean) ? { profile } : null;
  }
  if (count(result.words) && Object.keys(result).length === 1) return { words: result.words };
  return null;
}

/**
 * One saved exercise, checked, with its page path from the catalog when it has one.
 * @param {unknown} saved @param {string} id @param {Rules} rules @param {Required<Where>} where
 * @param {string[]} dropped
 * @returns {SavedExercise | null}
 */
function exerciseOf(saved, id, rules, where, dropped) {
  const entry = where.book?.exercises?.[id];
  if (where.book && !entry) return null;
  if (!isObject(saved) || !rules.kinds.includes(saved.kind) || (entry && entry.kind !== saved.kind)) return null;
  if (!isText(saved.title, 300) || !isText(saved.fingerprint, 200) || !isTime(saved.saved, where.now + AHEAD)) return null;
  if (saved.seed !== undefined && saved.seed !== null && !isInteger(saved.seed, 0, 2 ** 32 - 1)) return null;
  /** @type {string[]} */
  const inner = [];
  const answers = answersOf(saved.answers, rules, where.now + AHEAD, inner);
  if (answers === null) return null;
  if (entry?.questions && !("questions" in answers)) return null;
  const result = resultOf(saved.result, rules);
  if (saved.result !== null && saved.result !== undefined && result === null) inner.push("de uitslag");
  for (const part of inner) dropped.push(`${part} bij oefening '${id}'`);
  const page = entry ? new URL(entry.page, `http://site${where.base}`).pathname : sitePath(saved.page, where.base) ?? "";
  return { kind: saved.kind, title: saved.title, page, fingerprint: saved.fingerprint,
    answers, result, seed: saved.seed ?? null, saved: saved.saved };
}

/**
 * One review box, keyed "exercise/question", checked.
 * @param {unknown} box @param {string} key @param {Rules} rules @param {Required<Where>} where
 * @returns {ReviewBox | null}
 */
function boxOf(box, key, rules, where) {
  const [exerciseId, questionId, ...rest] = key.split("/");
  if (rest.length || !isSafeKey(exerciseId) || !isSafeKey(questionId)) return null;
  if (where.book && !where.book.exercises[exerciseId]?.questions?.[questionId]) return null;
  if (!isObject(box) || !isInteger(box.box, 0, rules.review_intervals.length) || typeof box.correct !== "boolean") return null;
  const latestDue = where.now + AHEAD + Math.max(...rules.review_intervals) * DAY;
  if (!isTime(box.at, where.now + AHEAD) || !isTime(box.due, latestDue)) return null;
  if (box.confidence !== null && box.confidence !== undefined && !rules.confidence.includes(box.confidence)) return null;
  if (box.fingerprint !== null && box.fingerprint !== undefined && !isText(box.fingerprint, 200)) return null;
  return { box: box.box, due: box.due, at: box.at, correct: box.correct,
    confidence: box.confidence ?? null, fingerprint: box.fingerprint ?? null };
}

/**
 * Check a record (stored or imported): a new record of what fits, and what was left out.
 * `problem` (Dutch) says why nothing of it can be used: then `record` is null.
 * @param {unknown} data
 * @param {Rules} rules
 * @param {Where} [where]
 * @returns {{record: StoreRecord | null, dropped: string[], problem: string | null}}
 */
export function checkRecord(data, rules, where = {}) {
  const place = { book: where.book ?? null, base: where.base ?? "/", now: where.now ?? Date.now() };
  if (!isObject(data) || data.format === undefined) {
    return { record: null, dropped: [], problem: "dit is geen bestand met antwoorden van deze site" };
  }
  if (data.format !== FORMAT) {
    return { record: null, dropped: [], problem: "het komt uit een andere versie van de site en kan hier niet worden gelezen" };
  }
  if (!isObject(data.exercises) || !isObject(data.review)) {
    return { record: null, dropped: [], problem: "het is beschadigd: er ontbreken onderdelen" };
  }
  /** @type {string[]} */
  const dropped = [];
  const exercises = /** @type {Record<string, SavedExercise>} */ (mapOf(data.exercises,
    (saved, id) => exerciseOf(saved, id, rules, place, dropped), dropped, "de oefening"));
  /** @type {Record<string, ReviewBox>} keys "exercise/question", each part checked in boxOf */
  const review = dict();
  for (const [key, box] of Object.entries(data.review)) {
    const checked = boxOf(box, key, rules, place);
    if (checked) review[key] = checked;
    else dropped.push(`de herhaling '${key.slice(0, 80)}'`);
  }
  /** @type {StoreRecord} */
  const record = { format: FORMAT, exercises, review };
  if (isTime(data.erased, place.now + AHEAD)) record.erased = data.erased;
  return { record, dropped, problem: null };
}

/**
 * Where a file comes from, as the reader knows it: the book's own identifier decides whether it
 * is this course, the path and title only say where it was.
 * @param {unknown} data  an export (its `book`, `title` and `path`)
 * @param {{book_id?: string}} here  this site's catalog
 * @returns {"same" | "moved" | "other"}
 */
export function origin(data, here, site = "") {
  if (!isObject(data)) return "other";
  if (here.book_id && isText(data.book, 200)) return data.book === here.book_id ? (data.site === site ? "same" : "moved") : "other";
  return data.site === site ? "same" : "other";
}

/** The most codes the team page reads at once, and the most text. */
export const TEAM_LIMITS = { codes: 200, characters: 100_000 };

/**
 * The lines of a team paste to read, and a Dutch note when there were too many.
 * @param {string} text
 */
export function teamLines(text) {
  const clipped = text.length > TEAM_LIMITS.characters;
  const lines = (clipped ? text.slice(0, TEAM_LIMITS.characters) : text).split("\n");
  const filled = lines.map((line, index) => ({ line, index })).filter(({ line }) => line.trim());
  const tooMany = filled.length > TEAM_LIMITS.codes;
  const note = clipped || tooMany
    ? `Er ${tooMany ? `staan meer dan ${TEAM_LIMITS.codes} codes` : `staat meer dan ${TEAM_LIMITS.characters / 1000} kB tekst`} in het vak. ` +
      `Alleen de eerste ${TEAM_LIMITS.codes} codes (en hooguit ${TEAM_LIMITS.characters / 1000} kB) zijn gelezen; vergelijk grotere groepen in delen.`
    : null;
  return { lines: filled.slice(0, TEAM_LIMITS.codes), note };
}
