// What Mijn resultaten, Herhalen and the progress lines work out from the reader store, as
// pure functions (tested with node --test, no browser): current scores, calibration, what an
// import would change, which questions are due, progress per page.
//
// `book` is catalog.json (widgets/_learning.py): exercises with their fingerprints, pages.

import { answerOf, isDone } from "./store.js";

/**
 * The saved records as far as they still fit the book: a quiz or casus scored on its current
 * answers only (an answer to a question changed since does not count), any other exercise
 * left out once it has changed. Without a catalog, the records as they are.
 */
export function currentRecords(records, book) {
  if (!book) return records;
  const current = {};
  for (const [id, record] of Object.entries(records)) {
    const entry = book.exercises[id];
    if (!entry) continue; // no longer in the book
    if (!entry.questions) {
      if (record.fingerprint === entry.fingerprint) current[id] = record;
      continue;
    }
    const answers = Object.entries(entry.questions).map(([q, print]) => answerOf(record, q, print)).filter(Boolean);
    if (answers.length === 0) continue;
    const total = Object.keys(entry.questions).length;
    current[id] = { ...record, result: { score: answers.filter((a) => a.correct).length, total, answered: answers.length } };
  }
  return current;
}

/**
 * Per level of certainty (most sure first): how many current quiz answers the reader gave
 * with it and how many were right. Answers without a level are left out: it is optional.
 */
export function calibration(records, book, levels) {
  const tally = Object.fromEntries(levels.map((level) => [level, { total: 0, good: 0 }]));
  for (const [id, record] of Object.entries(records)) {
    for (const [questionId, print] of Object.entries(book?.exercises?.[id]?.questions ?? {})) {
      const answer = answerOf(record, questionId, print);
      if (!answer || !tally[answer.confidence]) continue;
      tally[answer.confidence].total += 1;
      if (answer.correct) tally[answer.confidence].good += 1;
    }
  }
  return levels.map((level) => ({
    level, ...tally[level],
    percent: tally[level].total ? Math.round((100 * tally[level].good) / tally[level].total) : null,
    outcome: `${tally[level].good} van ${tally[level].total} goed`,
  }));
}

/** What importing `theirs` would change, merged or replacing, as counts. */
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
 * The questions due now, "zeker, maar fout" first, then the others answered wrong, then the
 * longest overdue; and when the next one not yet due comes back. `questions`: props by
 * exercise id (only questions still in the book count).
 */
export function dueQuestions(review, questions, now) {
  const due = [];
  let next = null;
  for (const [key, box] of Object.entries(review)) {
    const [exerciseId, questionId] = key.split("/");
    if (!questions[exerciseId]?.questions.some((q) => q.id === questionId)) continue;
    if (Date.parse(box.due) <= now) due.push({ key, exerciseId, questionId, box });
    else if (next === null || Date.parse(box.due) < Date.parse(next)) next = box.due;
  }
  const rank = ({ box }) => (!box.correct && box.confidence === "zeker" ? 0 : box.correct ? 2 : 1);
  due.sort((a, b) => rank(a) - rank(b) || Date.parse(a.box.due) - Date.parse(b.box.due));
  return { due, next };
}

/** Done and total per page of the book (pages as paths from the site's root). */
export function progress(book, records) {
  return Object.fromEntries(Object.entries(book.pages).map(([page, ids]) => [page, {
    done: ids.filter((id) => isDone(records[id], book.exercises[id])).length,
    total: ids.length,
  }]));
}
