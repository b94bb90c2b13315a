// The one validator (widgets/js/validate.js) and what relies on it, without a browser: every
// attack of issue 25 on the data, as the hostile file or planted record would carry it.
import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";

import { calibration, dueQuestions } from "../../widgets/js/learning.js";
import { readCodes } from "../../widgets/js/logic.js";
import { date } from "../../widgets/js/review.js";
import { merged, openStore } from "../../widgets/js/store.js";
import { checkRecord, origin, sitePath, TEAM_LIMITS, teamLines } from "../../widgets/js/validate.js";

const RULES = { kinds: ["quiz", "casus", "scan", "sort", "reflectie"], confidence: ["zeker", "twijfel", "gok"],
  scale_min: 1, scale_max: 5, review_intervals: [1, 3, 7, 21] };
const AT = "2026-11-02T09:00:00.000Z";
const NOW = Date.parse("2026-12-03T09:00:00.000Z");
const BOOK = {
  book_id: "boek", pages: {}, exercises: {
    quiz: { kind: "quiz", title: "Quiz", page: "h1.html", chapter: "H1", fingerprint: "ex", questions: { q1: "f1", q2: "f2" } },
    sorteer: { kind: "sort", title: "Sorteer", page: "h2.html", chapter: "H2", fingerprint: "s" },
    scan: { kind: "scan", title: "Scan", page: "h3.html", chapter: "H3", fingerprint: "sc" },
  },
};

const quiz = (questions, extra = {}) => ({ kind: "quiz", title: "Quiz", page: "/h1.html", fingerprint: "ex", saved: AT,
  answers: { questions }, result: { score: 1, total: 2, answered: 1 }, seed: 7, ...extra });
const answer = (extra = {}) => ({ chosen: [0], checked: true, correct: true, confidence: "zeker", fingerprint: "f1", at: AT, ...extra });
const box = (extra = {}) => ({ box: 1, due: AT, at: AT, correct: false, confidence: null, fingerprint: "f1", ...extra });
const file = (exercises, review = {}) => ({ format: 1, site: "isw:Cursus@/", exercises, review });
const check = (data, where = {}) => checkRecord(JSON.parse(JSON.stringify(data)), RULES, { now: NOW, ...where });

describe("the validator", () => {
  it("takes a good record as it is", () => {
    const { record, dropped } = check(file({ quiz: quiz({ q1: answer() }) }, { "quiz/q1": box() }));
    assert.deepEqual(dropped, []);
    assert.equal(record.exercises.quiz.answers.questions.q1.confidence, "zeker");
    assert.equal(record.review["quiz/q1"].box, 1);
  });

  it("never lets a javascript: or foreign page link through", () => {
    for (const page of ["javascript:alert(1)", "https://elders.example/h1.html", "//elders.example/x", "/../x", "h1.html", " /h1.html"]) {
      const { record } = check(file({ quiz: quiz({ q1: answer() }, { page }) }));
      assert.equal(record.exercises.quiz.page, "", page);
    }
    assert.equal(sitePath("/cursus/h1.html", "/cursus/"), "/cursus/h1.html");
    assert.equal(sitePath("/andere/h1.html", "/cursus/"), null);
  });

  it("takes the page from the catalog when it has the exercise", () => {
    const { record } = check(file({ quiz: quiz({ q1: answer() }, { page: "javascript:void(0)" }) }), { book: BOOK, base: "/cursus/" });
    assert.equal(record.exercises.quiz.page, "/cursus/h1.html");
  });

  it("drops a scan result whose profile is not a list, and says so", () => {
    const scan = { kind: "scan", title: "Scan", page: "/h3.html", fingerprint: "sc", saved: AT, answers: { scores: { s1: 3 } },
      result: { profile: 5 } };
    const { record, dropped } = check(file({ scan }));
    assert.equal(record.exercises.scan.result, null);
    assert.deepEqual(dropped, ["de uitslag bij oefening 'scan'"]);
  });

  it("drops prototype keys wherever data names a key, and makes objects without prototype", () => {
    const raw = '{"format":1,"exercises":{"__proto__":{"kind":"quiz"},"constructor":' + JSON.stringify(quiz({ q1: answer() })) +
      ',"quiz":' + JSON.stringify(quiz({ q1: answer() })).replace('"questions":{', `"questions":{"__proto__":${JSON.stringify(answer())},`) +
      '},"review":{"__proto__/x":' +
      JSON.stringify(box()) + ',"quiz/prototype":' + JSON.stringify(box()) + "}}";
    const { record, dropped } = checkRecord(JSON.parse(raw), RULES, { now: NOW });
    assert.deepEqual(Object.keys(record.exercises), ["quiz"]);
    assert.deepEqual(Object.keys(record.exercises.quiz.answers.questions), ["q1"]);
    assert.deepEqual(Object.keys(record.review), []);
    assert.equal(Object.getPrototypeOf(record.exercises), null);
    assert.equal(record.review.constructor, undefined, "a lookup by a data key finds nothing inherited");
    assert.deepEqual(dropped.sort(), ["de herhaling '__proto__/x'", "de herhaling 'quiz/prototype'", "de oefening '__proto__'",
      "de oefening 'constructor'", "het antwoord op vraag '__proto__' bij oefening 'quiz'"].sort());
    assert.equal({}.total, undefined);
  });

  it("drops an answer with an unknown level of certainty, so calibration never touches a prototype", () => {
    const { record, dropped } = check(file({ quiz: quiz({ q1: answer({ confidence: "__proto__" }), q2: answer({ fingerprint: "f2" }) }) }));
    assert.deepEqual(Object.keys(record.exercises.quiz.answers.questions), ["q2"]);
    assert.deepEqual(dropped, ["het antwoord op vraag 'q1' bij oefening 'quiz'"]);
    const rows = calibration(record.exercises, BOOK, RULES.confidence);
    assert.equal(rows[0].total, 1);
    assert.equal(Object.prototype.total, undefined);
  });

  it("keeps review boxes within 0 to the last box, with real dates", () => {
    for (const bad of [{ box: -1 }, { box: 5 }, { box: 1.5 }, { due: "gisteren" }, { at: "1970-01-01T00:00:00Z" },
      { due: "2999-01-01T00:00:00Z" }, { confidence: "__proto__" }, { correct: "ja" }]) {
      assert.deepEqual(Object.keys(check(file({}, { "quiz/q1": box(bad) })).record.review), [], JSON.stringify(bad));
    }
    assert.deepEqual(Object.keys(check(file({}, { "quiz/q1": box({ box: 0 }) })).record.review), ["quiz/q1"]);
    const due = dueQuestions(check(file({}, { "quiz/q1": box({ box: -1 }) })).record.review, BOOK, NOW, "zeker");
    assert.deepEqual(due.due, []);
  });

  it("drops a sort whose answers are not a sort's, and anything of an unknown shape", () => {
    const sort = { kind: "sort", title: "Sorteer", page: "/h2.html", fingerprint: "s", saved: AT, answers: {}, result: null };
    const { record, dropped } = check(file({ sorteer: sort, ander: { ...sort, answers: { placed: { a: "b" }, checked: true, x: 1 } } }));
    assert.deepEqual(Object.keys(record.exercises), []);
    assert.deepEqual(dropped, ["de oefening 'sorteer'", "de oefening 'ander'"]);
    const good = check(file({ sorteer: { ...sort, answers: { placed: { a: "b" }, checked: false } } }));
    assert.deepEqual(good.dropped, []);
  });

  it("drops, with the catalog, exercises and questions the course does not have, or of another kind", () => {
    const { record, dropped } = check(file({ quiz: quiz({ q1: answer() }), weg: quiz({ q1: answer() }),
      sorteer: quiz({ q1: answer() }) }, { "quiz/q1": box(), "quiz/q9": box() }), { book: BOOK });
    assert.deepEqual(Object.keys(record.exercises), ["quiz"]);
    assert.deepEqual(Object.keys(record.review), ["quiz/q1"]);
    assert.equal(dropped.length, 3);
  });

  it("refuses what is not a record at all, or of another format version, with a Dutch reason", () => {
    assert.match(check("tekst").problem, /geen bestand met antwoorden/);
    assert.match(check({ ...file({}), format: 2 }).problem, /andere versie/);
    assert.match(check({ format: 1, exercises: [] , review: {} }).problem, /beschadigd/);
  });

  it("knows a moved course by the book's identifier, not by its path", () => {
    const here = { book_id: "boek" };
    assert.equal(origin({ book: "boek", site: "isw:Oude titel@/oud/" }, here, "isw:Cursus@/"), "moved");
    assert.equal(origin({ book: "boek", site: "isw:Cursus@/" }, here, "isw:Cursus@/"), "same");
    assert.equal(origin({ book: "ander", site: "isw:Cursus@/" }, here, "isw:Cursus@/"), "other");
    assert.equal(origin({ site: "isw:Ander@/" }, here, "isw:Cursus@/"), "other");
  });
});

describe("the team page's codes", () => {
  const scans = { scan: { id: "scan", title: "Scan", fingerprint: "fp", dimensions: ["a"], scale_min: 1, scale_max: 5 } };

  it("refuses a __proto__ code with a proper message", () => {
    const { problems } = readCodes("IS2.__proto__.fp.30.xx", scans);
    assert.equal(problems.length, 1);
    assert.doesNotMatch(problems[0], /undefined/);
  });

  it("reads at most TEAM_LIMITS codes and says so", () => {
    const { lines, note } = teamLines("x\n".repeat(50_000));
    assert.equal(lines.length, TEAM_LIMITS.codes);
    assert.match(note, /Alleen de eerste 200 codes/);
    const start = Date.now();
    const { problems, note: said } = readCodes("IS2.scan.fp.30.zz\n".repeat(50_000), scans);
    assert.ok(Date.now() - start < 2000);
    assert.equal(problems.length, TEAM_LIMITS.codes);
    assert.ok(said);
    assert.equal(teamLines("a\nb").note, null);
  });
});

describe("the store against other tabs and stale copies", () => {
  let items;
  beforeEach(() => {
    items = new Map();
    globalThis.localStorage = { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => items.set(k, String(v)),
      removeItem: (k) => items.delete(k), get length() { return items.size; }, key: (i) => [...items.keys()][i] ?? null };
  });

  it("never writes back an older answer over a newer one from another tab", () => {
    const one = openStore("isw:C@/", RULES);
    const two = openStore("isw:C@/", RULES);
    one.write("quiz", quiz({ q1: answer({ at: "2026-11-03T09:00:00.000Z" }) }, { saved: "2026-11-03T09:00:00.000Z" }));
    // The second tab still shows q1 from before and answers q2 now.
    two.write("quiz", quiz({ q1: answer({ correct: false, at: AT }), q2: answer({ fingerprint: "f2", at: "2026-11-04T09:00:00.000Z" }) },
      { saved: "2026-11-04T09:00:00.000Z" }));
    const questions = one.read("quiz").answers.questions;
    assert.equal(questions.q1.at, "2026-11-03T09:00:00.000Z");
    assert.equal(questions.q1.correct, true);
    assert.ok(questions.q2);
  });

  it("does not bring back answers erased in another tab", () => {
    const one = openStore("isw:C@/", RULES);
    one.write("quiz", quiz({ q1: answer({ at: AT }) }));
    one.clear();
    const later = new Date().toISOString();
    one.write("quiz", quiz({ q1: answer({ at: AT }), q2: answer({ fingerprint: "f2", at: later }) }, { saved: later }));
    assert.deepEqual(Object.keys(one.read("quiz").answers.questions), ["q2"]);
  });

  it("keeps a planted or damaged record aside instead of overwriting it", () => {
    const planted = JSON.stringify(file({ quiz: quiz({ q1: answer({ confidence: "__proto__" }) }, { page: "javascript:alert(1)" }) }));
    items.set("isw:C@/", planted);
    const store = openStore("isw:C@/", RULES);
    assert.equal(store.all().quiz.page, "");
    store.write("quiz", quiz({ q2: answer({ fingerprint: "f2" }) }));
    assert.deepEqual(store.keptAside().map((copy) => copy.text), [planted]);
    const other = JSON.stringify({ ...file({}), format: 2 });
    items.set("isw:C@/", other);
    assert.equal(store.write("quiz", quiz({ q1: answer() })).ok, true);
    assert.deepEqual(store.keptAside().map((copy) => copy.text).sort(), [planted, other].sort());
  });

  it("says 'niet bewaard' when storage is full, and changes nothing", () => {
    const store = openStore("isw:C@/", RULES);
    store.write("quiz", quiz({ q1: answer() }));
    const before = items.get("isw:C@/");
    globalThis.localStorage.setItem = () => { throw Object.assign(new Error("full"), { name: "QuotaExceededError" }); };
    const outcome = store.write("quiz", quiz({ q2: answer({ fingerprint: "f2" }) }));
    assert.deepEqual([outcome.ok, outcome.reason], [false, "full"]);
    assert.match(outcome.text, /Niet bewaard: de opslag van je browser is vol/);
    assert.equal(items.get("isw:C@/"), before);
  });

  it("merges per answer by time", () => {
    const mine = check(file({ quiz: quiz({ q1: answer({ at: "2026-11-05T00:00:00.000Z" }) }, { saved: "2026-11-05T00:00:00.000Z" }) })).record;
    const theirs = check(file({ quiz: quiz({ q1: answer({ at: AT, correct: false }), q2: answer({ fingerprint: "f2" }) }) })).record;
    const result = merged(mine, theirs).exercises.quiz.answers.questions;
    assert.deepEqual([result.q1.correct, Boolean(result.q2)], [true, true]);
  });
});

describe("Herhalen's dates", () => {
  it("show the year only when it is not this year", () => {
    const today = new Date("2026-12-03T09:00:00Z");
    assert.doesNotMatch(date("2026-12-08T09:00:00Z", today), /2026/);
    assert.match(date("2027-01-04T09:00:00Z", today), /2027/);
  });
});
