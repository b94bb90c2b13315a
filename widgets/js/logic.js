// The exercises' pure logic: scores, profiles and their bands, result codes, the results
// summary and the per-reader order of options. No DOM here, so `node --test` imports it
// (tests/node/). Every value both sides must agree on (bands, scale, chart names, the
// dimensions' fingerprint) arrives from Python in the props; none is written here.

import { dict, isSafeKey, teamLines } from "./validate.js";

/** @typedef {import("./types.js").Band} Band */
/** @typedef {{id: string, name: string, mean: number | null, band: string | null, band_name: string | null, missing: number}} ProfileRow */
/**
 * What the team page knows of each scan (widgets/_props.py `scan_identity`).
 * @typedef {{title: string, dimensions: string[], fingerprint: string, scale_min: number, scale_max: number}} ScanIdentity
 */

/**
 * Equal as stored data (JSON values), whatever the order of keys: a record read back from the
 * store is a checked copy (validate.js), its keys in another order than the exercise wrote them.
 * @param {unknown} a @param {unknown} b
 * @returns {boolean}
 */
export function same(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && same(/** @type {any} */ (a)[key], /** @type {any} */ (b)[key]));
}

/**
 * Right when the chosen options (authored indices) are exactly the correct ones.
 * @param {{options: {correct: boolean}[]}} question
 * @param {number[]} chosen
 */
export function isCorrect(question, chosen) {
  return question.options.every((option, i) => option.correct === chosen.includes(i));
}

/**
 * How many questions are answered and how many of those are right.
 * @param {{id: string, options: {correct: boolean}[]}[]} questions
 * @param {Record<string, {chosen: number[], checked: boolean}>} answers
 */
export function questionScore(questions, answers) {
  const checked = questions.filter((q) => answers[q.id]?.checked);
  return {
    correct: checked.filter((q) => isCorrect(q, answers[q.id].chosen)).length,
    answered: checked.length,
    total: questions.length,
  };
}

/**
 * The band a mean score falls in: the highest whose floor it reaches, or null.
 * @param {Band[]} bands
 * @param {number | null} mean
 */
export function bandOf(bands, mean) {
  if (mean === null) return null;
  return [...bands].sort((a, b) => b.floor - a.floor).find((band) => mean >= band.floor) ?? null;
}

/**
 * Mean score per dimension (null while a statement of it is unanswered) and its band.
 * @param {{dimensions: {id: string, name: string}[], statements: {id: string, dimension: string}[], bands: Band[]}} scan
 * @param {Record<string, number>} scores  by statement id
 * @returns {ProfileRow[]}
 */
export function profile(scan, scores) {
  return scan.dimensions.map((dimension) => {
    const mine = scan.statements.filter((s) => s.dimension === dimension.id);
    const given = mine.map((s) => scores[s.id]).filter((v) => typeof v === "number");
    const mean = given.length === mine.length ? given.reduce((a, b) => a + b, 0) / given.length : null;
    const band = bandOf(scan.bands, mean);
    return { id: dimension.id, name: dimension.name, mean, band: band?.id ?? null,
      band_name: band?.name ?? null, missing: mine.length - given.length };
  });
}

// A result code carries one scan's profile to the team page, with no name in it:
//   IS2.<scan id>.<fingerprint of its dimension ids>.<mean × 10 per dimension, joined by ->.<check>
// The fingerprint (made in Python) changes when the dimensions are reordered, added or removed,
// so an old code is refused instead of relabelled. The check catches typing and copying slips.
const CODE_VERSION = "IS2";

/** Two base-36 characters that change when any character of `text` does. @param {string} text */
export function checksum(text) {
  let sum = 0;
  for (const char of text) sum = (sum * 31 + (char.codePointAt(0) ?? 0)) % 1296;
  return sum.toString(36).padStart(2, "0");
}

/**
 * The code for a complete profile, or null while a dimension is open.
 * @param {{id: string, fingerprint: string}} scan
 * @param {{mean: number | null}[]} rows
 */
export function encodeProfile(scan, rows) {
  if (rows.some((row) => row.mean === null)) return null;
  const values = rows.map((row) => Math.round(Number(row.mean) * 10)).join("-");
  const body = `${CODE_VERSION}.${scan.id}.${scan.fingerprint}.${values}`;
  return `${body}.${checksum(body)}`;
}

/**
 * Read a code back; throws an Error with a Dutch message when it is broken, old or unknown.
 * @param {string} code
 * @param {Record<string, ScanIdentity>} scans  the scans the book has, by id
 */
export function decodeProfile(code, scans) {
  const parts = code.trim().split(".");
  if (parts[0] !== CODE_VERSION && /^IS\d+$/.test(parts[0])) {
    throw new Error("deze code komt uit een eerdere versie van de cursus; vul de zelfscan opnieuw in en kopieer de nieuwe code");
  }
  if (parts.length !== 5 || parts[0] !== CODE_VERSION) {
    throw new Error(`dit is geen resultaatcode van deze cursus (die begint met ${CODE_VERSION}.)`);
  }
  const [version, scanId, fingerprint, values, check] = parts;
  if (checksum(`${version}.${scanId}.${fingerprint}.${values}`) !== check) {
    throw new Error("de code is beschadigd of aangepast: het controlegetal klopt niet");
  }
  const scan = isSafeKey(scanId) && Object.hasOwn(scans, scanId) ? scans[scanId] : undefined;
  if (!scan) throw new Error(`de zelfscan '${scanId}' bestaat niet in deze cursus`);
  if (fingerprint !== scan.fingerprint) {
    throw new Error(`de dimensies van de zelfscan '${scan.title}' zijn veranderd sinds deze code is gemaakt; ` +
      "vul de zelfscan opnieuw in en kopieer de nieuwe code");
  }
  const numbers = values.split("-").map((n) => (/^\d+$/.test(n) ? Number(n) : NaN));
  const low = scan.scale_min * 10;
  const high = scan.scale_max * 10;
  if (numbers.length !== scan.dimensions.length || numbers.some((n) => !(n >= low && n <= high))) {
    throw new Error("de scores in de code passen niet bij deze zelfscan");
  }
  return { scanId, scores: numbers.map((n) => n / 10) };
}

/**
 * Valid profiles per scan, a Dutch message per line that could not be read, and a note when
 * the paste was longer than the team page reads (validate.js TEAM_LIMITS).
 * @param {string} text
 * @param {Record<string, ScanIdentity>} scans
 */
export function readCodes(text, scans) {
  /** @type {Record<string, number[][]>} */
  const profiles = dict();
  /** @type {string[]} */
  const problems = [];
  const { lines, note } = teamLines(text);
  for (const { line, index } of lines) {
    try {
      const { scanId, scores } = decodeProfile(line, scans);
      profiles[scanId] = [...(profiles[scanId] ?? []), scores];
    } catch (error) {
      problems.push(`Regel ${index + 1}: ${error instanceof Error ? error.message : String(error)}.`);
    }
  }
  return { profiles, problems, note };
}

/** Lowest, highest and mean of a list of scores. @param {number[]} values */
export function spread(values) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { min: Math.min(...values), max: Math.max(...values), mean };
}

/** 'H3' for a page of chapter 3, '' for any other page. @param {string | null | undefined} page */
export function chapterOf(page) {
  const match = /\/h(\d+)-[^/]*$/.exec(page ?? "");
  return match ? `H${match[1]}` : "";
}

/**
 * What 'Mijn resultaten' shows, from the saved records: a row per scored exercise and a row
 * per complete dimension of a scan. It reads the shape of each result (a score out of a total,
 * or a profile), not a list of kinds.
 * @param {Record<string, import("./types.js").SavedExercise>} records
 */
export function summarise(records) {
  /** @type {{id: string, label: string, percent: number, outcome: string, page: string}[]} */
  const quizzes = [];
  /** @type {{id: string, label: string, dimension: string, name: string, score: number, page: string}[]} */
  const scans = [];
  for (const [id, record] of Object.entries(records)) {
    const label = `${chapterOf(record.page)} ${record.title}`.trim();
    const result = record.result ?? {};
    if (result.total) {
      quizzes.push({ id, label, percent: Math.round((100 * result.score) / result.total),
        outcome: `${result.score} van ${result.total} goed`, page: record.page });
    }
    for (const row of /** @type {ProfileRow[]} */ (result.profile ?? [])) {
      if (row.mean !== null) {
        scans.push({ id, label, dimension: `${record.title}: ${row.name}`, name: row.name,
          score: Math.round(Number(row.mean) * 10) / 10, page: record.page });
      }
    }
  }
  return { quizzes, scans };
}

/**
 * Rows for a chart's named data set: each row's roles (this code's names) renamed to the
 * data set's field names, which Python chose when it built the spec.
 * @param {{name: string, fields: Record<string, string>}} binding
 * @param {Record<string, any>[]} rows
 */
export function chartRows(binding, rows) {
  return rows.map((row) =>
    Object.fromEntries(Object.entries(binding.fields).map(([role, field]) => [field, row[role]])));
}

/** A fresh seed for a reader's order of options: 32 random bits. */
export function newSeed() {
  return Math.floor(Math.random() * 2 ** 32);
}

/** A 32-bit hash of a text (FNV-1a), to give each question its own order from one seed. @param {string} text */
function hash(text) {
  let h = 0x811c9dc5;
  for (const char of text) h = Math.imul(h ^ (char.codePointAt(0) ?? 0), 0x01000193);
  return h >>> 0;
}

/** A small seeded random generator (mulberry32): the same seed gives the same numbers. @param {number} seed */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * The order in which to show `count` options: a permutation of 0…count-1 (authored indices),
 * the same for the same seed and key, different across keys and (nearly always) seeds.
 * @param {number} count
 * @param {number} seed
 * @param {string} key
 */
export function shuffledOrder(count, seed, key) {
  const random = generator((seed ^ hash(key)) >>> 0);
  const order = [...Array(count).keys()];
  for (let i = count - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
