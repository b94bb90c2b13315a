// What the SCORM package's adapter (scorm.js) tells a learning platform about one chapter, as
// pure functions (node --test imports them, tests/node/scorm.test.mjs): its status, its score
// and its answers in SCORM 1.2's cmi.suspend_data, compact enough for that field's 4,096
// characters, and back again into the reader store's records.
//
// `exercises` is the props of the chapter's exercises (the page's data-props), `records` the
// reader store's saved records by exercise id.
//
// suspend_data, version 1: JSON {"v":1,"c":<the chapter's page>,"x":{<exercise id>: entry}},
// an entry per exercise with a checked or given answer:
//   f  the first 6 characters of the exercise's answers_fingerprint: an entry for an older
//      version of the exercise is not restored
//   t  when it was saved, seconds since 1970 in base 36;  s  the reader's seed in base 36
//   q  quiz/casus: {<question id>: "<chosen option indices, base 36>[/<confidence index>]"},
//      checked questions only
//   p  scan: a score per statement in the props' order ("-" unanswered);
//      sort: a category index per item (base 36, "-" open), with "!" in front once checked
//   r  reflectie: the text
// Should a chapter's answers not fit, reflections are left out, the longest first: they are the
// only answers without a bound on their length (tests/unit/test_scorm.py checks the rest fits).

import { countingAnswers, currentRecords, isDone, stillCounts } from "./learning.js";
import { isCorrect, profile, questionScore } from "./logic.js";

/** @typedef {import("./types.js").Book} Book */
/** @typedef {import("./types.js").SavedExercise} SavedExercise */
/** @typedef {import("./types.js").QuestionAnswer} QuestionAnswer */
/**
 * An exercise's props, whatever its kind: the parts of each kind are there or not. The code
 * goes by which parts are there (questions, statements, items), never by a list of kinds.
 * @typedef {import("./types.js").CommonProps & Partial<import("./types.js").QuestionsProps
 *   & import("./types.js").ScanProps & import("./types.js").SortProps>} AnyProps
 */
/**
 * One exercise in suspend_data (see above).
 * @typedef {{f: string, t: string, s?: string, q?: Record<string, string>, p?: string, r?: string}} Entry
 */

export const LIMIT = 4096;
const VERSION = 1;
const FINGERPRINT = 6;

/** @param {number} n */
const b36 = (n) => n.toString(36);
/** @param {string} text */
const int36 = (text) => Number.parseInt(text, 36);

/**
 * The chapter's exercises as the catalog lists them (widgets/_learning.py), made from the
 * page's props, which the same build wrote: what learning.js asks whether an answer still counts.
 * @param {AnyProps[]} exercises
 * @returns {Book}
 */
export function bookOf(exercises) {
  return { pages: {}, exercises: Object.fromEntries(exercises.map((props) => [props.id, {
    kind: props.kind, title: props.title, page: "", chapter: "", fingerprint: props.answers_fingerprint,
    ...(props.questions ? { questions: Object.fromEntries(props.questions.map((q) => [q.id, q.fingerprint])) } : {}),
  }])) };
}

/**
 * Done and total exercises, and the share right of what can be right (questions, and the
 * items of a sort), counting only the answers that still count (learning.js).
 * @param {AnyProps[]} exercises
 * @param {Record<string, SavedExercise>} records
 */
export function chapterState(exercises, records) {
  const book = bookOf(exercises);
  const current = currentRecords(records, book);
  let done = 0, right = 0, outOf = 0;
  for (const props of exercises) {
    if (isDone(book, props.id, records[props.id])) done += 1;
    const scored = props.questions ?? props.items;
    if (!scored) continue;
    right += current[props.id]?.result?.score ?? 0;
    outOf += scored.length;
  }
  return { done, total: exercises.length, score: outOf ? Math.round((100 * right) / outOf) : null };
}

/**
 * cmi.core.lesson_status: passed/failed only where the trainer set a mastery score.
 * @param {{done: number, total: number, score: number | null}} state
 * @param {number | null} masteryScore
 */
export function lessonStatus({ done, total, score }, masteryScore) {
  if (done < total) return "incomplete";
  if (masteryScore === null || score === null) return "completed";
  return score >= masteryScore ? "passed" : "failed";
}

/** cmi.core.session_time, SCORM 1.2's CMITimespan: HHHH:MM:SS.SS. @param {number} milliseconds */
export function sessionTime(milliseconds) {
  const hundredths = Math.max(0, Math.round(milliseconds / 10));
  /** @param {number} n @param {number} width */
  const pad = (n, width) => String(n).padStart(width, "0");
  const seconds = Math.floor(hundredths / 100) % 60;
  const minutes = Math.floor(hundredths / 6000) % 60;
  const hours = Math.min(Math.floor(hundredths / 360000), 9999);
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(hundredths % 100, 2)}`;
}

/**
 * An exercise's entry in suspend_data, or null when it has nothing that still counts.
 * @param {Book} book  made by bookOf
 * @param {AnyProps} props
 * @param {SavedExercise | undefined} saved
 * @returns {Entry | null}
 */
function entry(book, props, saved) {
  if (!saved?.answers || (!props.questions && !stillCounts(book, props.id, null, saved.fingerprint))) return null;
  /** @type {Entry} */
  const out = { f: props.answers_fingerprint.slice(0, FINGERPRINT), t: b36(Math.floor(Date.parse(saved.saved) / 1000) || 0) };
  if (typeof saved.seed === "number") out.s = b36(saved.seed);
  if (props.questions) {
    /** @type {Record<string, string>} */
    const q = {};
    for (const [id, state] of Object.entries(countingAnswers(book, props.id, saved))) {
      const confidence = state.confidence ? (props.confidence?.indexOf(state.confidence) ?? -1) : -1;
      q[id] = state.chosen.map(b36).join("") + (confidence >= 0 ? `/${confidence}` : "");
    }
    if (Object.keys(q).length === 0) return null;
    out.q = q;
  } else if (props.statements) {
    const scores = saved.answers.scores ?? {};
    out.p = props.statements.map((s) => (typeof scores[s.id] === "number" ? b36(scores[s.id]) : "-")).join("");
  } else if (props.items) {
    const { categories, items } = /** @type {import("./types.js").SortProps} */ (props);
    /** @type {Record<string, string>} */
    const index = Object.fromEntries(categories.map((c, i) => [c.id, b36(i)]));
    out.p = (saved.answers.checked ? "!" : "") + items.map((item) => index[saved.answers.placed?.[item.id]] ?? "-").join("");
  } else if (typeof saved.answers.text === "string" && saved.answers.text) {
    out.r = saved.answers.text;
  } else {
    return null;
  }
  return out;
}

/**
 * The chapter's answers as suspend_data, never longer than LIMIT characters.
 * @param {AnyProps[]} exercises
 * @param {Record<string, SavedExercise>} records
 * @param {string} chapter  the chapter's page, which chapterOf reads back
 */
export function encode(exercises, records, chapter) {
  const book = bookOf(exercises);
  /** @type {Record<string, Entry>} */
  const entries = {};
  for (const props of exercises) {
    const found = entry(book, props, records[props.id]);
    if (found) entries[props.id] = found;
  }
  const text = () => JSON.stringify({ v: VERSION, c: chapter, x: entries });
  /** @param {string} id */
  const reflection = (id) => entries[id].r ?? "";
  const reflections = Object.keys(entries).filter((id) => "r" in entries[id])
    .sort((a, b) => reflection(b).length - reflection(a).length);
  const others = Object.keys(entries).filter((id) => !reflections.includes(id)).reverse();
  for (const id of [...reflections, ...others]) {
    if (text().length <= LIMIT) break;
    delete entries[id];
  }
  return text();
}

/**
 * A saved record (the store's shape, its fields as RECORD_FIELDS) from an entry, or null.
 * @param {AnyProps} props
 * @param {Entry | undefined} found
 * @param {string} page
 * @returns {SavedExercise | null}
 */
function record(props, found, page) {
  if (found?.f !== props.answers_fingerprint.slice(0, FINGERPRINT)) return null;
  const saved = new Date((int36(found.t) || 0) * 1000).toISOString();
  const seed = typeof found.s === "string" ? int36(found.s) : null;
  const base = { kind: props.kind, title: props.title, page, fingerprint: props.answers_fingerprint, seed, saved };
  if (props.questions) {
    /** @type {Record<string, QuestionAnswer & {chosen: number[], checked: boolean}>} */
    const questions = {};
    for (const question of props.questions) {
      const code = found.q?.[question.id];
      if (typeof code !== "string") continue;
      const [picked, confidence] = code.split("/");
      const chosen = [...picked].map(int36).filter((i) => i < question.options.length);
      if (chosen.length === 0) continue;
      questions[question.id] = { chosen, checked: true, correct: isCorrect(question, chosen),
        confidence: props.confidence?.[Number(confidence)] ?? null, fingerprint: question.fingerprint, at: saved };
    }
    const { correct, answered, total } = questionScore(props.questions, questions);
    return { ...base, answers: { questions }, result: { score: correct, total, answered } };
  }
  const codes = found.p;
  if (props.statements && typeof codes === "string") {
    const scan = /** @type {import("./types.js").ScanProps} */ (props);
    /** @type {Record<string, number>} */
    const scores = {};
    scan.statements.forEach((s, i) => {
      const value = int36(codes[i] ?? "-");
      if (value >= scan.scale_min && value <= scan.scale_max) scores[s.id] = value;
    });
    const rows = profile(scan, scores).map(({ id, name, mean, band }) => ({ id, name, mean, band }));
    return { ...base, answers: { scores }, result: { profile: rows } };
  }
  if (props.items && typeof codes === "string") {
    const { categories, items } = /** @type {import("./types.js").SortProps} */ (props);
    const checked = codes.startsWith("!");
    const placements = codes.slice(checked ? 1 : 0);
    /** @type {Record<string, string>} */
    const placed = {};
    items.forEach((item, i) => {
      const category = categories[int36(placements[i] ?? "-")];
      if (category) placed[item.id] = category.id;
    });
    const score = items.filter((item) => placed[item.id] === item.category).length;
    return { ...base, answers: { placed, checked }, result: checked ? { score, total: items.length } : null };
  }
  if (typeof found.r === "string" && found.r) {
    return { ...base, answers: { text: found.r }, result: { words: found.r.trim().split(/\s+/).filter(Boolean).length } };
  }
  return null;
}

/**
 * The chapter page whose suspend_data this is, or null (none yet, or unreadable). A learner who
 * follows a link inside the platform's frame brings another chapter's page into this SCO: that
 * page must not report as if it were this one.
 * @param {string} text
 */
export function chapterOf(text) {
  try {
    const data = JSON.parse(text);
    return typeof data?.c === "string" ? data.c : null;
  } catch {
    return null;
  }
}

/**
 * The records suspend_data holds for this chapter's exercises; {} for anything unreadable.
 * @param {string} text
 * @param {AnyProps[]} exercises
 * @param {string} page  where the records say they were saved
 * @returns {Record<string, SavedExercise>}
 */
export function decode(text, exercises, page) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return {};
  }
  if (data?.v !== VERSION || typeof data.x !== "object" || data.x === null) return {};
  /** @type {Record<string, SavedExercise>} */
  const records = {};
  for (const props of exercises) {
    const found = record(props, data.x[props.id], page);
    if (found) records[props.id] = found;
  }
  return records;
}
