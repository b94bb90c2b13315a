// The exercises' pure logic (widgets/js/logic.js), without a browser: node --test tests/node/
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  bandOf, chartRows, checksum, decodeProfile, encodeProfile, isCorrect, profile, questionScore,
  readCodes, shuffledOrder, spread, summarise,
} from "../../widgets/js/logic.js";

// A small scan as widgets/_props.py shapes one; the bands here are test values, not the book's.
const BANDS = [
  { id: "laag", name: "Laag", floor: 1 },
  { id: "midden", name: "Midden", floor: 2.5 },
  { id: "hoog", name: "Hoog", floor: 3.75 },
];
const SCAN = {
  id: "t-scan",
  fingerprint: "abc123",
  bands: BANDS,
  dimensions: [{ id: "d1", name: "Eerste" }, { id: "d2", name: "Tweede" }],
  statements: [
    { id: "s1", dimension: "d1" }, { id: "s2", dimension: "d1" },
    { id: "s3", dimension: "d2" }, { id: "s4", dimension: "d2" },
  ],
};
const SCANS = {
  "t-scan": { title: "Testscan", dimensions: ["Eerste", "Tweede"], fingerprint: "abc123", scale_min: 1, scale_max: 5 },
};

/** A code with a correct check, whatever its body says: to test what comes after the check. */
const signed = (body) => `${body}.${checksum(body)}`;

describe("bands", () => {
  it("puts a mean exactly on a floor in that band, and just below it in the band under it", () => {
    assert.equal(bandOf(BANDS, 2.5).id, "midden");
    assert.equal(bandOf(BANDS, 2.49).id, "laag");
    assert.equal(bandOf(BANDS, 3.75).id, "hoog");
    assert.equal(bandOf(BANDS, 3.7499).id, "midden");
    assert.equal(bandOf(BANDS, 1).id, "laag");
    assert.equal(bandOf(BANDS, 5).id, "hoog");
  });

  it("gives no band for an open dimension or a mean below the scale", () => {
    assert.equal(bandOf(BANDS, null), null);
    assert.equal(bandOf(BANDS, 0.5), null);
  });

  it("does not depend on the order the bands arrive in", () => {
    assert.equal(bandOf([...BANDS].reverse(), 2.5).id, "midden");
  });
});

describe("profile", () => {
  it("averages each dimension once all its statements are answered", () => {
    const rows = profile(SCAN, { s1: 2, s2: 3, s3: 4 });
    assert.deepEqual(rows[0], { id: "d1", name: "Eerste", mean: 2.5, band: "midden", band_name: "Midden", missing: 0 });
    assert.equal(rows[1].mean, null);
    assert.equal(rows[1].band, null);
    assert.equal(rows[1].missing, 1);
  });
});

describe("result codes", () => {
  const complete = profile(SCAN, { s1: 2, s2: 3, s3: 4, s4: 5 });

  it("round-trips a complete profile, to one decimal", () => {
    const code = encodeProfile(SCAN, complete);
    assert.match(code, /^IS2\.t-scan\.abc123\.25-45\.[0-9a-z]{2}$/);
    assert.deepEqual(decodeProfile(code, SCANS), { scanId: "t-scan", scores: [2.5, 4.5] });
    assert.deepEqual(decodeProfile(`  ${code}  `, SCANS).scores, [2.5, 4.5]);
  });

  it("has no code while a dimension is open", () => {
    assert.equal(encodeProfile(SCAN, profile(SCAN, { s1: 2, s2: 3 })), null);
  });

  it("refuses a damaged code by its check", () => {
    const code = encodeProfile(SCAN, complete);
    for (const damaged of [code.replace("25-45", "25-44"), code.replace("25-45", "45-25"), `${code.slice(0, -1)}_`]) {
      assert.throws(() => decodeProfile(damaged, SCANS), /beschadigd of aangepast/, damaged);
    }
  });

  it("refuses a code made before the dimensions changed, naming the scan", () => {
    const old = signed("IS2.t-scan.ffffff.25-45");
    assert.throws(() => decodeProfile(old, SCANS), /dimensies van de zelfscan 'Testscan' zijn veranderd/);
  });

  it("refuses a code of an older version of the course, and anything else that is not a code", () => {
    assert.throws(() => decodeProfile(signed("IS1.t-scan.25-45"), SCANS), /eerdere versie van de cursus/);
    assert.throws(() => decodeProfile("onzin", SCANS), /geen resultaatcode van deze cursus \(die begint met IS2\.\)/);
    assert.throws(() => decodeProfile("IS2.t-scan.25-45", SCANS), /geen resultaatcode/);
  });

  it("refuses an unknown scan, scores off the scale and the wrong number of scores", () => {
    assert.throws(() => decodeProfile(signed("IS2.t-elders.abc123.25-45"), SCANS), /'t-elders' bestaat niet/);
    for (const values of ["25-51", "9-45", "25", "25-45-30", "25-4x", "25--45", "2.5-45"]) {
      assert.throws(() => decodeProfile(signed(`IS2.t-scan.abc123.${values}`), SCANS), /passen niet|geen resultaatcode/, values);
    }
    assert.deepEqual(decodeProfile(signed("IS2.t-scan.abc123.10-50"), SCANS).scores, [1, 5]);
  });

  it("reads pasted lines, skipping blank ones and naming the line of each problem", () => {
    const code = encodeProfile(SCAN, complete);
    const { profiles, problems } = readCodes(`${code}\n\n${code}\nonzin\n`, SCANS);
    assert.equal(profiles["t-scan"].length, 2);
    assert.deepEqual(problems, ["Regel 4: dit is geen resultaatcode van deze cursus (die begint met IS2.)."]);
  });
});

describe("questions", () => {
  const single = { id: "a", options: [{ correct: false }, { correct: true }, { correct: false }] };
  const multiple = { id: "b", options: [{ correct: true }, { correct: false }, { correct: true }] };

  it("is right only for exactly the correct options", () => {
    assert.ok(isCorrect(single, [1]));
    assert.ok(!isCorrect(single, [0]));
    assert.ok(isCorrect(multiple, [2, 0]));
    assert.ok(!isCorrect(multiple, [0]), "too few");
    assert.ok(!isCorrect(multiple, [0, 1, 2]), "too many");
  });

  it("scores the checked questions only", () => {
    const answers = { a: { chosen: [1], checked: true }, b: { chosen: [0], checked: false } };
    assert.deepEqual(questionScore([single, multiple], answers), { correct: 1, answered: 1, total: 2 });
    assert.deepEqual(questionScore([single, multiple], {}), { correct: 0, answered: 0, total: 2 });
  });
});

describe("the reader's order of options", () => {
  it("is a permutation, the same for the same seed and question", () => {
    const order = shuffledOrder(5, 42, "q1");
    assert.deepEqual([...order].sort(), [0, 1, 2, 3, 4]);
    assert.deepEqual(shuffledOrder(5, 42, "q1"), order);
    assert.deepEqual(shuffledOrder(1, 42, "q1"), [0]);
    assert.deepEqual(shuffledOrder(0, 42, "q1"), []);
  });

  it("differs between seeds and between questions", () => {
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => shuffledOrder(4, seed, "q1").join()));
    assert.ok(orders.size > 4, [...orders]);
    const questions = new Set(["q1", "q2", "q3", "q4", "q5", "q6"].map((q) => shuffledOrder(4, 7, q).join()));
    assert.ok(questions.size > 3, [...questions]);
  });

  it("puts each option first about equally often", () => {
    const first = [0, 0, 0, 0];
    for (let seed = 0; seed < 4000; seed += 1) first[shuffledOrder(4, seed, "q")[0]] += 1;
    for (const count of first) assert.ok(count > 850 && count < 1150, first.join());
  });
});

describe("Mijn resultaten", () => {
  it("lists scored exercises and complete dimensions, by the shape of their result", () => {
    const { quizzes, scans } = summarise({
      "h2-quiz": { title: "Quiz", page: "/chapters/h2-valkuilen.html", result: { score: 2, total: 3 } },
      "h3-scan": { title: "Scan", page: "/chapters/h3-x.html", result: { profile: [
        { name: "Eerste", mean: 3.25 }, { name: "Tweede", mean: null }] } },
      "h4-reflectie": { title: "Reflectie", page: "/chapters/h4-x.html", result: { words: 12 } },
      "h5-sort": { title: "Sorteer", page: "/chapters/h5-x.html", result: null },
      "h6-quiz": { title: "Leeg", page: "/chapters/h6-x.html", result: { score: 0, total: 0 } },
    });
    assert.deepEqual(quizzes, [{ id: "h2-quiz", label: "H2 Quiz", percent: 67, outcome: "2 van 3 goed",
      page: "/chapters/h2-valkuilen.html" }]);
    assert.deepEqual(scans, [{ id: "h3-scan", label: "H3 Scan", dimension: "Scan: Eerste", name: "Eerste",
      score: 3.3, page: "/chapters/h3-x.html" }]);
  });

  it("renames each row's roles to the chart's field names", () => {
    const binding = { name: "profiel", fields: { dimension: "dimensie", score: "score" } };
    assert.deepEqual(chartRows(binding, [{ dimension: "A", score: 2, extra: 1 }]), [{ dimensie: "A", score: 2 }]);
  });

  it("gives the spread of a team's scores", () => {
    assert.deepEqual(spread([1, 3, 5]), { min: 1, max: 5, mean: 3 });
  });
});
