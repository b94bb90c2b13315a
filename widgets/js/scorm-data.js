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

import { isCorrect, profile, questionScore } from "./logic.js";
import { isDone } from "./store.js";

export const LIMIT = 4096;
const VERSION = 1;
const FINGERPRINT = 6;

const b36 = (n) => n.toString(36);
const int36 = (text) => Number.parseInt(text, 36);

/** The catalogue's entry for an exercise, made from its props (what isDone compares with). */
export const entryOf = (props) => ({
  kind: props.kind,
  fingerprint: props.answers_fingerprint,
  ...(props.questions ? { questions: Object.fromEntries(props.questions.map((q) => [q.id, q.fingerprint])) } : {}),
});

/** Done and total exercises, and the share right of what can be right (quiz, casus, sort). */
export function chapterState(exercises, records) {
  let done = 0, right = 0, outOf = 0;
  for (const props of exercises) {
    const saved = records[props.id] ?? null;
    if (isDone(saved, entryOf(props))) done += 1;
    if (props.questions) {
      const questions = Object.fromEntries(props.questions
        .filter((q) => saved?.answers?.questions?.[q.id]?.fingerprint === q.fingerprint)
        .map((q) => [q.id, saved.answers.questions[q.id]]));
      right += questionScore(props.questions, questions).correct;
      outOf += props.questions.length;
    } else if (props.kind === "sort") {
      const fits = saved?.fingerprint === props.answers_fingerprint && saved.answers?.checked;
      right += fits ? props.items.filter((item) => saved.answers.placed?.[item.id] === item.category).length : 0;
      outOf += props.items.length;
    }
  }
  return { done, total: exercises.length, score: outOf ? Math.round((100 * right) / outOf) : null };
}

/** cmi.core.lesson_status: passed/failed only where the trainer set a mastery score. */
export function lessonStatus({ done, total, score }, masteryScore) {
  if (done < total) return "incomplete";
  if (masteryScore === null || score === null) return "completed";
  return score >= masteryScore ? "passed" : "failed";
}

/** cmi.core.session_time, SCORM 1.2's CMITimespan: HHHH:MM:SS.SS. */
export function sessionTime(milliseconds) {
  const hundredths = Math.max(0, Math.round(milliseconds / 10));
  const pad = (n, width) => String(n).padStart(width, "0");
  const seconds = Math.floor(hundredths / 100) % 60;
  const minutes = Math.floor(hundredths / 6000) % 60;
  const hours = Math.min(Math.floor(hundredths / 360000), 9999);
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(hundredths % 100, 2)}`;
}

function entry(props, saved) {
  if (!saved?.answers || (!props.questions && saved.fingerprint !== props.answers_fingerprint)) return null;
  const out = { f: props.answers_fingerprint.slice(0, FINGERPRINT), t: b36(Math.floor(Date.parse(saved.saved) / 1000) || 0) };
  if (typeof saved.seed === "number") out.s = b36(saved.seed);
  if (props.questions) {
    const q = {};
    for (const question of props.questions) {
      const state = saved.answers.questions?.[question.id];
      if (!state?.checked || state.fingerprint !== question.fingerprint) continue;
      const confidence = props.confidence?.indexOf(state.confidence) ?? -1;
      q[question.id] = state.chosen.map(b36).join("") + (confidence >= 0 ? `/${confidence}` : "");
    }
    if (Object.keys(q).length === 0) return null;
    out.q = q;
  } else if (props.kind === "scan") {
    out.p = props.statements.map((s) => (typeof saved.answers.scores?.[s.id] === "number" ? b36(saved.answers.scores[s.id]) : "-")).join("");
  } else if (props.kind === "sort") {
    const index = Object.fromEntries(props.categories.map((c, i) => [c.id, b36(i)]));
    out.p = (saved.answers.checked ? "!" : "") + props.items.map((item) => index[saved.answers.placed?.[item.id]] ?? "-").join("");
  } else if (props.kind === "reflectie") {
    if (!saved.answers.text) return null;
    out.r = saved.answers.text;
  } else {
    return null;
  }
  return out;
}

/** The chapter's answers as suspend_data, never longer than LIMIT characters. */
export function encode(exercises, records, chapter) {
  const entries = {};
  for (const props of exercises) {
    const found = entry(props, records[props.id]);
    if (found) entries[props.id] = found;
  }
  const text = () => JSON.stringify({ v: VERSION, c: chapter, x: entries });
  const reflections = Object.keys(entries).filter((id) => "r" in entries[id])
    .sort((a, b) => entries[b].r.length - entries[a].r.length);
  const others = Object.keys(entries).filter((id) => !reflections.includes(id)).reverse();
  for (const id of [...reflections, ...others]) {
    if (text().length <= LIMIT) break;
    delete entries[id];
  }
  return text();
}

/** A saved record (the store's shape, its fields as RECORD_FIELDS) from an entry, or null. */
function record(props, found, page) {
  if (found?.f !== props.answers_fingerprint.slice(0, FINGERPRINT)) return null;
  const saved = new Date((int36(found.t) || 0) * 1000).toISOString();
  const seed = typeof found.s === "string" ? int36(found.s) : null;
  const base = { kind: props.kind, title: props.title, page, fingerprint: props.answers_fingerprint, seed, saved };
  if (props.questions) {
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
  if (props.kind === "scan" && typeof found.p === "string") {
    const scores = {};
    props.statements.forEach((s, i) => {
      const value = int36(found.p[i] ?? "-");
      if (value >= props.scale_min && value <= props.scale_max) scores[s.id] = value;
    });
    const rows = profile(props, scores).map(({ id, name, mean, band }) => ({ id, name, mean, band }));
    return { ...base, answers: { scores }, result: { profile: rows } };
  }
  if (props.kind === "sort" && typeof found.p === "string") {
    const checked = found.p.startsWith("!");
    const codes = found.p.slice(checked ? 1 : 0);
    const placed = {};
    props.items.forEach((item, i) => {
      const category = props.categories[int36(codes[i] ?? "-")];
      if (category) placed[item.id] = category.id;
    });
    const score = props.items.filter((item) => placed[item.id] === item.category).length;
    return { ...base, answers: { placed, checked }, result: checked ? { score, total: props.items.length } : null };
  }
  if (props.kind === "reflectie" && typeof found.r === "string" && found.r) {
    return { ...base, answers: { text: found.r }, result: { words: found.r.trim().split(/\s+/).filter(Boolean).length } };
  }
  return null;
}

/**
 * The chapter page whose suspend_data this is, or null (none yet, or unreadable). A learner who
 * follows a link inside the platform's frame brings another chapter's page into this SCO: that
 * page must not report as if it were this one.
 */
export function chapterOf(text) {
  try {
    const data = JSON.parse(text);
    return typeof data?.c === "string" ? data.c : null;
  } catch {
    return null;
  }
}

/** The records suspend_data holds for this chapter's exercises; {} for anything unreadable. */
export function decode(text, exercises, page) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return {};
  }
  if (data?.v !== VERSION || typeof data.x !== "object" || data.x === null) return {};
  const records = {};
  for (const props of exercises) {
    const found = record(props, data.x[props.id], page);
    if (found) records[props.id] = found;
  }
  return records;
}
