// What the SCORM adapter reports (widgets/js/scorm-data.js), without a browser: status, score,
// session time, and the answers through suspend_data and back. The biggest chapter of the book
// against the 4,096 characters is tests/unit/test_scorm.py's, with the book's real props.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  LIMIT, chapterOf, chapterState, decode, encode, lessonStatus, sessionTime,
} from "../../widgets/js/scorm-data.js";

const option = (correct) => ({ correct });
const QUIZ = {
  id: "t-quiz", kind: "quiz", title: "Quiz", answers_fingerprint: "aaaaaa111111",
  confidence: ["zeker", "twijfel", "gok"],
  questions: [
    { id: "q1", fingerprint: "f1", multiple: false, options: [option(false), option(true), option(false)] },
    { id: "q2", fingerprint: "f2", multiple: true, options: [option(true), option(true), option(false)] },
  ],
};
const SCAN = {
  id: "t-scan", kind: "scan", title: "Scan", answers_fingerprint: "bbbbbb222222", scale_min: 1, scale_max: 5,
  bands: [{ id: "laag", name: "Laag", floor: 1 }, { id: "hoog", name: "Hoog", floor: 3 }],
  dimensions: [{ id: "d1", name: "Een" }],
  statements: [{ id: "s1", dimension: "d1" }, { id: "s2", dimension: "d1" }],
};
const SORT = {
  id: "t-sort", kind: "sort", title: "Sorteer", answers_fingerprint: "cccccc333333",
  categories: [{ id: "a", name: "A" }, { id: "b", name: "B" }],
  items: [{ id: "i1", category: "a" }, { id: "i2", category: "b" }],
};
const REFLECTION = { id: "t-refl", kind: "reflectie", title: "Reflectie", answers_fingerprint: "dddddd444444" };
const CHAPTER = [QUIZ, SCAN, SORT, REFLECTION];
const SAVED = "2026-12-03T08:30:00.000Z";

// As the exercises save them (widgets/js/exercise.js), result included.
const records = (text = "Ik werk samen met de wijkverpleging.") => ({
  "t-quiz": { kind: "quiz", fingerprint: QUIZ.answers_fingerprint, seed: 123456789, saved: SAVED,
    answers: { questions: {
      q1: { chosen: [1], checked: true, correct: true, confidence: "twijfel", fingerprint: "f1", at: SAVED },
      q2: { chosen: [0, 2], checked: true, correct: false, confidence: null, fingerprint: "f2", at: SAVED },
    } }, result: { score: 1, total: 2, answered: 2 } },
  "t-scan": { kind: "scan", fingerprint: SCAN.answers_fingerprint, saved: SAVED, answers: { scores: { s1: 4, s2: 5 } },
    result: { profile: [{ id: "d1", name: "Een", mean: 4.5, band: "hoog" }] } },
  "t-sort": { kind: "sort", fingerprint: SORT.answers_fingerprint, saved: SAVED,
    answers: { placed: { i1: "a", i2: "a" }, checked: true }, result: { score: 1, total: 2 } },
  "t-refl": { kind: "reflectie", fingerprint: REFLECTION.answers_fingerprint, saved: SAVED, answers: { text },
    result: { words: text.split(" ").length } },
});

describe("status and score", () => {
  it("counts done exercises and the share right of quiz and sort (2 of 4 right = 50)", () => {
    assert.deepEqual(chapterState(CHAPTER, records()), { done: 4, total: 4, score: 50 });
  });

  it("is incomplete until every exercise is done, then completed, or passed/failed with a mastery score", () => {
    const { "t-refl": _, ...rest } = records();
    const open = chapterState(CHAPTER, rest);
    assert.equal(open.done, 3);
    assert.equal(lessonStatus(open, null), "incomplete");
    assert.equal(lessonStatus(open, 10), "incomplete");
    const done = chapterState(CHAPTER, records());
    assert.equal(lessonStatus(done, null), "completed");
    assert.equal(lessonStatus(done, 50), "passed");
    assert.equal(lessonStatus(done, 51), "failed");
  });

  it("has no score for a chapter with only a scan and a reflection", () => {
    assert.equal(chapterState([SCAN, REFLECTION], records()).score, null);
  });

  it("counts no answer to an older version of a question", () => {
    const old = records();
    old["t-quiz"].answers.questions.q1.fingerprint = "older";
    assert.equal(chapterState(CHAPTER, old).score, 25);
  });
});

it("writes session time as SCORM 1.2's HHHH:MM:SS.SS", () => {
  assert.equal(sessionTime(0), "0000:00:00.00");
  assert.equal(sessionTime(((2 * 60 + 5) * 60 + 7) * 1000 + 450), "0002:05:07.45");
});

describe("suspend_data", () => {
  it("brings every answer back, with what the exercises compute from it", () => {
    const back = decode(encode(CHAPTER, records(), "h1.html"), CHAPTER, "/chapters/h1.html");
    const quiz = back["t-quiz"];
    assert.deepEqual(quiz.answers.questions.q1, { chosen: [1], checked: true, correct: true, confidence: "twijfel",
      fingerprint: "f1", at: SAVED });
    assert.deepEqual(quiz.answers.questions.q2.chosen, [0, 2]);
    assert.equal(quiz.answers.questions.q2.correct, false);
    assert.deepEqual(quiz.result, { score: 1, total: 2, answered: 2 });
    assert.equal(quiz.seed, 123456789);
    assert.equal(quiz.saved, SAVED);
    assert.equal(quiz.page, "/chapters/h1.html");
    assert.deepEqual(back["t-scan"].answers, { scores: { s1: 4, s2: 5 } });
    assert.equal(back["t-scan"].result.profile[0].mean, 4.5);
    assert.deepEqual(back["t-sort"].answers, { placed: { i1: "a", i2: "a" }, checked: true });
    assert.deepEqual(back["t-sort"].result, { score: 1, total: 2 });
    assert.equal(back["t-refl"].answers.text, "Ik werk samen met de wijkverpleging.");
    assert.deepEqual(chapterState(CHAPTER, back), chapterState(CHAPTER, records()));
  });

  it("leaves out unchecked questions and restores nothing for a changed exercise", () => {
    const some = records();
    some["t-quiz"].answers.questions.q2.checked = false;
    const text = encode(CHAPTER, some, "h1.html");
    assert.deepEqual(Object.keys(decode(text, CHAPTER, "/p")["t-quiz"]?.answers.questions ?? {}), ["q1"]);
    const changed = CHAPTER.map((props) => ({ ...props, answers_fingerprint: `x${props.answers_fingerprint}` }));
    assert.deepEqual(decode(text, changed, "/p"), {});
  });

  it("names its chapter, so another chapter's page in the same SCO leaves it alone", () => {
    assert.equal(chapterOf(encode(CHAPTER, {}, "h1.html")), "h1.html");
    assert.equal(chapterOf(""), null);
    assert.equal(chapterOf("{"), null);
  });

  it("reads nothing from empty, foreign or damaged data", () => {
    for (const text of ["", "null", "{\"v\":2,\"x\":{}}", "{", "[1,2]", "{\"v\":1,\"x\":{\"t-quiz\":{\"f\":7}}}"]) {
      assert.deepEqual(decode(text, CHAPTER, "/p"), {}, text);
    }
  });

  it("stays within 4,096 characters: a reflection too long for it is left out, the rest kept", () => {
    const text = encode(CHAPTER, records("woord ".repeat(1000)), "h1.html");
    assert.ok(text.length <= LIMIT, `${text.length} characters`);
    const back = decode(text, CHAPTER, "/p");
    assert.equal(back["t-refl"], undefined);
    assert.deepEqual(Object.keys(back).sort(), ["t-quiz", "t-scan", "t-sort"]);
  });
});
