// What Mijn resultaten, Herhalen and the progress lines work out from the reader store, as
// pure functions (tested with node --test, no browser): current scores, calibration, what an
// import would change, which questions are due, progress per page.
//
// `book` is catalog.json (widgets/_learning.py): exercises with their fingerprints, pages.
// Every page asks `stillCounts` which saved answers count, so no two pages can disagree.

/** @typedef {import("./types.js").Book} Book */
/** @typedef {import("./types.js").SavedExercise} SavedExercise */
/** @typedef {import("./types.js").QuestionAnswer} QuestionAnswer */
/** @typedef {import("./types.js").ReviewBox} ReviewBox */
/** @typedef {import("./types.js").StoreRecord} StoreRecord */

/**
 * Does a saved answer still count? Only when the book still has what it answers, in the
 * version the reader answered: the question (`questionId`) or, for an exercise without
 * questions, the exercise itself, with the same fingerprint as in the catalog. Without a
 * catalog (it could not be fetched) every saved answer counts, on every page alike.
 * @param {Book | null} book
 * @param {string} exerciseId
 * @param {string | null} questionId
 * @param {string | null | undefined} fingerprint  the one saved with the answer
 */
export function stillCounts(book, exerciseId, questionId, fingerprint) {
  if (!book) return true;
  const entry = book.exercises[exerciseId];
  const current = questionId === null ? entry?.fingerprint : entry?.questions?.[questionId];
  return current !== undefined && current === fingerprint;
}

/**
 * The checked answers of a saved quiz or casus that still count, by question id.
 * @param {Book | null} book
 * @param {string} exerciseId
 * @param {SavedExercise | null | undefined} record
 * @returns {Record<string, QuestionAnswer>}
 */
export function countingAnswers(book, exerciseId, record) {
  return Object.fromEntries(Object.entries(record?.answers?.questions ?? {}).filter(([questionId, state]) =>
    state?.checked && stillCounts(book, exerciseId, questionId, state.fingerprint)));
}

/**
 * The saved records as far as they still fit the book: a quiz or casus scored on the answers
 * that still count, any other exercise left out once it has changed. Without a catalog, the
 * records as they are.
 * @param {Record<string, SavedExercise>} records
 * @param {Book | null} book
 */
export function currentRecords(records, book) {
  if (!book) return records;
  /** @type {Record<string, SavedExercise>} */
  const current = {};
  for (const [id, record] of Object.entries(records)) {
    const entry = book.exercises[id];
    if (!entry?.questions) {
      if (stillCounts(book, id, null, record.fingerprint)) current[id] = record;
      continue;
    }
    const answers = Object.values(countingAnswers(book, id, record));
    if (answers.length === 0) continue;
    const total = Object.keys(entry.questions).length;
    current[id] = { ...record, result: { score: answers.filter((a) => a.correct).length, total, answered: answers.length } };
  }
  return current;
}

/**
 * Is this exercise done, in the version the book has now?
 * @param {Book} book
 * @param {string} id
 * @param {SavedExercise | undefined} saved
 */
export function isDone(book, id, saved) {
  const entry = book.exercises[id];
  if (!saved || !entry) return false;
  if (entry.questions) {
    const counting = countingAnswers(book, id, saved);
    return Object.keys(entry.questions).every((questionId) => questionId in counting);
  }
  if (!stillCounts(book, id, null, saved.fingerprint)) return false;
  // A self-scan is done once every dimension has a mean; the others once they have a result
  // (sort: checked; reflectie: some text).
  /** @type {{mean: number | null}[] | undefined} */
  const rows = saved.result?.profile;
  if (rows) return rows.every((row) => row.mean !== null);
  return saved.result !== null && saved.result !== undefined;
}

/**
 * Per level of certainty (most sure first): how many current quiz answers the reader gave
 * with it and how many were right. Answers without a level are left out: it is optional.
 * @param {Record<string, SavedExercise>} records
 * @param {Book | null} book
 * @param {string[]} levels
 */
export function calibration(records, book, levels) {
  const tally = Object.fromEntries(levels.map((level) => [level, { total: 0, good: 0 }]));
  for (const [id, record] of Object.entries(records)) {
    for (const answer of Object.values(countingAnswers(book, id, record))) {
      const level = answer.confidence && Object.hasOwn(tally, answer.confidence) ? tally[answer.confidence] : null;
      if (!level) continue;
      level.total += 1;
      if (answer.correct) level.good += 1;
    }
  }
  return levels.map((level) => ({
    level, ...tally[level],
    percent: tally[level].total ? Math.round((100 * tally[level].good) / tally[level].total) : null,
    outcome: `${tally[level].good} van ${tally[level].total} goed`,
  }));
}

/**
 * What importing `theirs` would change, merged or replacing, as counts.
 * @param {StoreRecord} mine
 * @param {StoreRecord} theirs
 */
export function importChanges(mine, theirs) {
  const ids = Object.keys(theirs.exercises);
  return {
    exercises: ids.length,
    review: Object.keys(theirs.review).length,
    added: ids.filter((id) => !mine.exercises[id]).length,
    newer: ids.filter((id) => mine.exercises[id] &&
      Date.parse(theirs.exercises[id].saved) > Date.parse(mine.exercises[id].saved)).length,
    kept: Object.keys(mine.exercises).length,
  };
}

/**
 * The questions due now, the most sure but wrong first (`sure`: the first level of
 * "Hoe zeker ben je?"), then the others answered wrong, then the longest overdue; and when
 * the next one not yet due comes back. Only boxes of answers that still count (stillCounts).
 * @param {Record<string, ReviewBox>} review
 * @param {Book | null} book
 * @param {number} now
 * @param {string} sure
 */
export function dueQuestions(review, book, now, sure) {
  /** @type {{key: string, exerciseId: string, questionId: string, box: ReviewBox}[]} */
  const due = [];
  /** @type {string | null} */
  let next = null;
  for (const [key, box] of Object.entries(review)) {
    const [exerciseId, questionId] = key.split("/");
    if (!stillCounts(book, exerciseId, questionId, box.fingerprint)) continue;
    if (Date.parse(box.due) <= now) due.push({ key, exerciseId, questionId, box });
    else if (next === null || Date.parse(box.due) < Date.parse(next)) next = box.due;
  }
  /** @param {{box: ReviewBox}} item */
  const rank = ({ box }) => (!box.correct && box.confidence === sure ? 0 : box.correct ? 2 : 1);
  due.sort((a, b) => rank(a) - rank(b) || Date.parse(a.box.due) - Date.parse(b.box.due));
  return { due, next };
}

/**
 * Done and total per page of the book (pages as paths from the site's root).
 * @param {Book} book
 * @param {Record<string, SavedExercise>} records
 * @returns {Record<string, {done: number, total: number}>}
 */
export function progress(book, records) {
  return Object.fromEntries(Object.entries(book.pages).map(([page, ids]) => [page, {
    done: ids.filter((id) => isDone(book, id, records[id])).length,
    total: ids.length,
  }]));
}
