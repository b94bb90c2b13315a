// The reader store and what is worked out from it (widgets/js/store.js, learning.js), without
// a browser: Leitner boxes, fingerprints, import checks and merging, calibration, due order.
import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";

import {
  calibration, currentRecords, dueQuestions, importChanges, isDone, progress, stillCounts,
} from "../../widgets/js/learning.js";
import { merged, openStore } from "../../widgets/js/store.js";
import { checkRecord, origin } from "../../widgets/js/validate.js";

const KEY = "isw:Testcursus@/";
const DAY = 24 * 60 * 60 * 1000;
/** What the store checks against (widgets/_contract.py `shared()`). */
const RULES = { kinds: ["quiz", "casus", "scan", "sort", "reflectie"], confidence: ["zeker", "twijfel", "gok"],
  scale_min: 1, scale_max: 5, review_intervals: [1, 3, 7, 21] };

/** localStorage as a browser has it, in memory. */
function memoryStorage() {
  const items = new Map();
  return {
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => items.set(key, String(value)),
    removeItem: (key) => items.delete(key),
    keys: () => [...items.keys()],
    get length() { return items.size; },
    key: (index) => [...items.keys()][index] ?? null,
  };
}

const answered = (correct, at, extra = {}) => ({
  kind: "quiz", title: "Q", page: "/h1.html", fingerprint: "ex1", saved: at,
  answers: { questions: { q1: { chosen: [0], checked: true, correct, confidence: null, fingerprint: "f1", at, ...extra } } },
  result: null,
});

describe("the reader store", () => {
  let store;
  beforeEach(() => {
    globalThis.localStorage = memoryStorage();
    store = openStore(KEY, RULES);
  });

  it("keeps everything in one key, with a format number", () => {
    store.write("quiz-a", answered(true, "2026-11-02T09:00:00.000Z"));
    store.write("quiz-b", answered(false, "2026-11-02T09:00:00.000Z"));
    assert.deepEqual(localStorage.keys(), [KEY]);
    const record = JSON.parse(localStorage.getItem(KEY));
    assert.equal(record.format, 1);
    assert.deepEqual(Object.keys(record.exercises), ["quiz-a", "quiz-b"]);
  });

  it("moves a right answer one box on and a wrong one back to box 1, due at once", () => {
    const day0 = "2026-11-02T09:00:00.000Z";
    store.write("quiz", answered(true, day0));
    assert.deepEqual([store.review()["quiz/q1"].box, store.review()["quiz/q1"].due], [1, "2026-11-03T09:00:00.000Z"]);
    const day1 = "2026-11-03T10:00:00.000Z";
    store.write("quiz", answered(true, day1));
    assert.equal(store.review()["quiz/q1"].box, 2);
    assert.equal(Date.parse(store.review()["quiz/q1"].due) - Date.parse(day1), 3 * DAY);
    for (const at of ["2026-11-07T10:00:00.000Z", "2026-11-15T10:00:00.000Z", "2026-12-07T10:00:00.000Z"]) {
      store.write("quiz", answered(true, at));
    }
    assert.equal(store.review()["quiz/q1"].box, 4, "the last box is the last");
    store.write("quiz", answered(false, "2026-12-08T10:00:00.000Z", { confidence: "zeker" }));
    assert.deepEqual(store.review()["quiz/q1"], { box: 1, due: "2026-12-08T10:00:00.000Z",
      at: "2026-12-08T10:00:00.000Z", correct: false, confidence: "zeker", fingerprint: "f1" });
  });

  it("does not move a question on for a right answer before it is due again", () => {
    const day0 = "2026-11-02T09:00:00.000Z";
    store.write("quiz", answered(true, day0));
    for (const minutes of [1, 2, 3]) { // "Probeer opnieuw", then right again, three times at once
      store.write("quiz", answered(true, new Date(Date.parse(day0) + minutes * 60000).toISOString()));
    }
    assert.deepEqual([store.review()["quiz/q1"].box, store.review()["quiz/q1"].due], [1, "2026-11-03T09:00:00.000Z"]);
    store.write("quiz", answered(true, "2026-11-03T09:30:00.000Z")); // due: one box on
    assert.equal(store.review()["quiz/q1"].box, 2);
  });

  it("does not count a save without a new check as another review", () => {
    const at = "2026-11-02T09:00:00.000Z";
    store.write("quiz", answered(true, at));
    store.write("quiz", { ...answered(true, at), saved: "2026-11-04T09:00:00.000Z" });
    assert.equal(store.review()["quiz/q1"].box, 1);
  });

  it("forgets an exercise with its review boxes, and everything on clear", () => {
    store.write("quiz", answered(false, "2026-11-02T09:00:00.000Z"));
    store.remove("quiz");
    assert.deepEqual([Object.keys(store.all()), Object.keys(store.review())], [[], []]);
    store.write("quiz", answered(false, "2026-11-02T09:00:00.000Z"));
    assert.equal(store.clear().ok, true);
    const erased = JSON.parse(localStorage.getItem(KEY));
    assert.deepEqual([erased.exercises, erased.review], [{}, {}], "an erase is a write every tab hears of");
    assert.ok(erased.erased);
  });

  it("keeps from a tab's save only what it changed since it last drew, after another tab's save or an erase", () => {
    const at = "2026-11-02T09:00:00.000Z";
    const plain = (value) => JSON.parse(JSON.stringify(value)); // the store's maps have no prototype
    const scan = (scores, saved = at) => ({ kind: "scan", title: "S", page: "/h1.html", fingerprint: "s", saved,
      answers: { scores }, result: { profile: [] } });
    store.write("scan", scan({ a: 1, b: 2 }));
    const drawn = store.read("scan"); // what a second tab shows
    store.write("scan", scan({ a: 1, b: 2, c: 3 }), drawn); // this tab adds c
    store.write("scan", scan({ a: 5, b: 2 }), drawn); // the other tab, not yet redrawn, changes a
    assert.deepEqual(plain(store.read("scan").answers.scores), { a: 5, b: 2, c: 3 }, "neither tab's change is lost");
    assert.equal(store.read("scan").result, null, "a profile of other scores is not kept");

    const before = store.read("scan");
    store.clear();
    store.write("scan", scan({ a: 5, b: 2, c: 4 }), before); // a tab that still shows the erased scores
    assert.deepEqual(plain(store.read("scan").answers.scores), { c: 4 }, "only the change after the erase");

    const reflection = (text) => ({ kind: "reflectie", title: "R", page: "/h1.html", fingerprint: "r", saved: at,
      answers: { text }, result: { words: 1 } });
    store.write("sort", { kind: "sort", title: "T", page: "/h1.html", fingerprint: "t", saved: at,
      answers: { placed: { x: "k1" }, checked: false }, result: null }, null);
    store.write("reflectie", reflection("eerst"), null);
    const sortDrawn = store.read("sort");
    const textDrawn = store.read("reflectie");
    store.clear();
    store.write("sort", { ...sortDrawn, answers: { placed: { x: "k1", y: "k2" }, checked: false } }, sortDrawn);
    store.write("reflectie", reflection("eerst en meer"), textDrawn);
    assert.deepEqual(plain(store.read("sort").answers), { placed: { y: "k2" }, checked: false });
    assert.equal(store.read("reflectie").answers.text, "eerst en meer", "a text is one answer: the tab's whole");
    assert.deepEqual(plain(store.read("reflectie").result), { words: 1 });
  });

  it("says when it could not keep anything, and keeps a damaged record aside before writing", () => {
    localStorage.setItem(KEY, "{niet json");
    assert.deepEqual(Object.keys(store.all()), []);
    assert.equal(store.write("quiz", answered(true, "2026-11-02T09:00:00.000Z")).ok, true);
    assert.deepEqual(store.keptAside().map((copy) => copy.text), ["{niet json"]);
    globalThis.localStorage = { getItem() { throw new Error("geblokkeerd"); }, setItem() { throw new Error("geblokkeerd"); } };
    const outcome = store.write("quiz", answered(true, "2026-11-02T09:00:00.000Z"));
    assert.equal(outcome.ok, false);
    assert.match(outcome.text, /^Niet bewaard/);
    assert.deepEqual(Object.keys(store.all()), []);
  });

  it("exports what it keeps and takes it back unchanged", () => {
    store.write("quiz", answered(false, "2026-11-02T09:00:00.000Z"));
    const before = JSON.parse(JSON.stringify({ exercises: store.all(), review: store.review() }));
    const file = JSON.parse(JSON.stringify(store.snapshot({ book_id: "boek", title: "Testcursus" })));
    assert.deepEqual([file.book, file.title, file.path], ["boek", "Testcursus", "/"]);
    assert.deepEqual(checkRecord(file, RULES).dropped, []);
    store.clear();
    assert.deepEqual(Object.keys(store.all()), []);
    assert.equal(store.replace(checkRecord(file, RULES).record).ok, true);
    const after = JSON.parse(localStorage.getItem(KEY));
    assert.deepEqual([after.exercises, after.review], [before.exercises, before.review]);
  });
});

describe("an imported file", () => {
  const good = { format: 1, site: KEY, book: "boek", exercises: { q: answered(true, "2026-11-02T09:00:00.000Z") }, review: {} };

  it("is refused when it is not ours, of another course or version, and left out where damaged", () => {
    assert.match(checkRecord([1, 2], RULES).problem, /geen bestand met antwoorden/);
    assert.equal(origin({ ...good, book: "ander-boek" }, { book_id: "boek" }, KEY), "other");
    assert.equal(origin({ ...good, site: "isw:Andere@/elders/" }, { book_id: "boek" }, KEY), "moved");
    assert.equal(origin(good, { book_id: "boek" }, KEY), "same");
    assert.match(checkRecord({ ...good, format: 2 }, RULES).problem, /andere versie/);
    assert.deepEqual(checkRecord({ ...good, exercises: { q: { kind: "quiz" } } }, RULES).dropped, ["de oefening 'q'"]);
    assert.deepEqual(checkRecord({ ...good, review: { "q/1": { box: 1, due: "gisteren" } } }, RULES).dropped, ["de herhaling 'q/1'"]);
    assert.deepEqual(checkRecord(good, RULES).dropped, []);
  });

  it("merges keeping the most recently saved exercise and box", () => {
    const mine = { exercises: { a: { saved: "2026-11-05T00:00:00Z", v: "mine" }, b: { saved: "2026-11-01T00:00:00Z", v: "mine" } },
      review: { "a/1": { at: "2026-11-05T00:00:00Z", box: 2 } } };
    const theirs = { exercises: { a: { saved: "2026-11-04T00:00:00Z", v: "theirs" }, b: { saved: "2026-11-02T00:00:00Z", v: "theirs" },
      c: { saved: "2026-11-02T00:00:00Z", v: "theirs" } }, review: { "a/1": { at: "2026-11-06T00:00:00Z", box: 3 } } };
    const result = merged(mine, theirs);
    assert.deepEqual(Object.fromEntries(Object.entries(result.exercises).map(([id, e]) => [id, e.v])),
      { a: "mine", b: "theirs", c: "theirs" });
    assert.equal(result.review["a/1"].box, 3);
    assert.deepEqual(importChanges(mine, theirs), { exercises: 3, review: 1, added: 1, newer: 1, kept: 2 });
  });
});

const BOOK = {
  pages: { "h1.html": ["quiz", "scan"] },
  exercises: {
    quiz: { kind: "quiz", fingerprint: "ex1", questions: { q1: "f1", q2: "f2" } },
    scan: { kind: "scan", fingerprint: "s1" },
  },
};

describe("fingerprints", () => {
  const both = { ...answered(true, "2026-11-02T09:00:00.000Z"), answers: { questions: {
    q1: { checked: true, correct: true, confidence: "zeker", fingerprint: "f1" },
    q2: { checked: true, correct: false, confidence: "zeker", fingerprint: "oud" },
  } } };

  it("an answer to a changed question is not scored, not done, not calibrated", () => {
    assert.deepEqual(currentRecords({ quiz: both }, BOOK).quiz.result, { score: 1, total: 2, answered: 1 });
    assert.equal(isDone(BOOK, "quiz", both), false);
    assert.deepEqual(calibration({ quiz: both }, BOOK, ["zeker", "gok"]).map((r) => [r.level, r.total, r.good]),
      [["zeker", 1, 1], ["gok", 0, 0]]);
  });

  it("a changed self-scan drops out; a current one counts once complete", () => {
    const scan = { kind: "scan", fingerprint: "s0", result: { profile: [{ mean: 3 }] } };
    assert.deepEqual(currentRecords({ scan }, BOOK), {});
    assert.deepEqual(progress(BOOK, { scan: { ...scan, fingerprint: "s1" } }), { "h1.html": { done: 1, total: 2 } });
  });
});

describe("Herhalen's order", () => {
  it("puts 'zeker, maar fout' first, then wrong, then the longest overdue; later ones wait", () => {
    const book = { pages: {}, exercises: { quiz: { kind: "quiz", fingerprint: "ex", questions: { a: "fa", b: "fb", c: "fc", d: "fd" } } } };
    const review = {
      "quiz/a": { box: 2, correct: true, fingerprint: "fa", due: "2026-11-01T00:00:00Z" },
      "quiz/b": { box: 1, correct: false, confidence: "gok", fingerprint: "fb", due: "2026-11-03T00:00:00Z" },
      "quiz/c": { box: 1, correct: false, confidence: "zeker", fingerprint: "fc", due: "2026-11-04T00:00:00Z" },
      "quiz/d": { box: 3, correct: true, fingerprint: "fd", due: "2026-11-20T00:00:00Z" },
      "weg/x": { box: 1, correct: false, fingerprint: "fx", due: "2026-11-01T00:00:00Z" },
    };
    const { due, next } = dueQuestions(review, book, Date.parse("2026-11-05T00:00:00Z"), "zeker");
    assert.deepEqual(due.map((d) => d.questionId), ["c", "b", "a"]);
    assert.equal(next, "2026-11-20T00:00:00Z");
  });

  it("ranks by the most sure level the contract names, whatever its word", () => {
    const book = { pages: {}, exercises: { quiz: { kind: "quiz", fingerprint: "ex", questions: { a: "fa", b: "fb" } } } };
    const review = {
      "quiz/a": { box: 1, correct: false, confidence: "twijfel", fingerprint: "fa", due: "2026-11-01T00:00:00Z" },
      "quiz/b": { box: 1, correct: false, confidence: "heel zeker", fingerprint: "fb", due: "2026-11-02T00:00:00Z" },
    };
    const { due } = dueQuestions(review, book, Date.parse("2026-11-05T00:00:00Z"), "heel zeker");
    assert.deepEqual(due.map((d) => d.questionId), ["b", "a"]);
  });
});

describe("which saved answers still count", () => {
  const NOW = Date.parse("2026-11-10T00:00:00Z");
  const at = "2026-11-02T09:00:00.000Z";

  it("counts an answer only while the book has its question or exercise, in that version", () => {
    assert.equal(stillCounts(BOOK, "quiz", "q1", "f1"), true);
    assert.equal(stillCounts(BOOK, "quiz", "q1", "oud"), false, "the question changed");
    assert.equal(stillCounts(BOOK, "quiz", "q9", "f9"), false, "the question is gone");
    assert.equal(stillCounts(BOOK, "weg", "q1", "f1"), false, "the exercise is gone");
    assert.equal(stillCounts(BOOK, "scan", null, "s1"), true);
    assert.equal(stillCounts(BOOK, "scan", null, "s0"), false);
    assert.equal(stillCounts(null, "weg", "q1", "f1"), true, "without a catalog every answer counts");
  });

  // The bug this guards against: Mijn resultaten counted every due box, Herhalen only those
  // whose question the book still has. Both pages now count with dueQuestions.
  it("Mijn resultaten and Herhalen agree after a question is removed from the book", () => {
    globalThis.localStorage = memoryStorage();
    const store = openStore(KEY, RULES);
    store.write("quiz", answered(false, at)); // q1: wrong, due at once
    store.write("weg", { ...answered(false, at), fingerprint: "weg" }); // an exercise since removed
    const book = { ...BOOK, exercises: { ...BOOK.exercises, quiz: { ...BOOK.exercises.quiz, questions: { q1: "f1", q2: "f2" } } } };
    assert.deepEqual(Object.keys(store.review()).sort(), ["quiz/q1", "weg/q1"]);
    const herhalen = dueQuestions(store.review(), book, NOW, "zeker").due.map((d) => d.key);
    assert.deepEqual(herhalen, ["quiz/q1"]);
    // The author then removes q1 from the quiz: neither page counts it any more.
    const without = { ...book, exercises: { ...book.exercises, quiz: { ...book.exercises.quiz, questions: { q2: "f2" } } } };
    assert.deepEqual(dueQuestions(store.review(), without, NOW, "zeker").due, []);
    assert.deepEqual(currentRecords(store.all(), without), {}, "nor does it score");
    assert.deepEqual(progress(without, store.all()), { "h1.html": { done: 0, total: 2 } });
  });
});
