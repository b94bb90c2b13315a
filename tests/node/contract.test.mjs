// The browser code keeps no copy of what widgets/_contract.py owns: it reads those values from
// what the build hands over (the loader's data-isw-contract, the props, the catalog, the
// placeholders the build fills in the service workers). This scans every hand-written browser
// file for them: the sources in widgets/js/ and the unbundled modules in widgets/static/.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { tokenizer } from "acorn";

import { ENTRIES } from "../../tools/bundle.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** What widgets/_contract.py declares, read by the project's Python (whatever part of it the
 * build hands to a page: the scan covers every value, also those a page does not need). */
const DECLARED = `import json, widgets._contract as c
print(json.dumps({"confidence": c.CONFIDENCE, "kinds": c.KINDS, "scale": c.SCALE, "bands": c.bands(),
  "storage_prefix": c.STORAGE_PREFIX, "review_intervals": c.REVIEW_INTERVALS, "site_meta": c.SITE_META,
  "catalog_file": c.CATALOG_FILE, "progress_line": c.PROGRESS_LINE, "cache_prefix": c.CACHE_PREFIX}))`;

function contract() {
  const python = process.env.PYTHON ?? `${ROOT}.venv/bin/python`;
  assert.ok(existsSync(python), `no Python at ${python}: run \`make site\` first (or set PYTHON)`);
  const run = spawnSync(python, ["-c", DECLARED], { cwd: ROOT, encoding: "utf-8" });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

/** Every hand-written browser file: widgets/js/*.js, and widgets/static/*.js except the bundles. */
function browserFiles() {
  const bundles = new Set(ENTRIES.map((entry) => `${entry}.js`));
  return [
    ...readdirSync(`${ROOT}widgets/js`).filter((name) => name.endsWith(".js")).map((name) => `widgets/js/${name}`),
    ...readdirSync(`${ROOT}widgets/static`).filter((name) => name.endsWith(".js") && !bundles.has(name))
      .map((name) => `widgets/static/${name}`),
  ];
}

/** A file's string literals (template literals piece by piece), its tokens, and its comments. */
function scan(source) {
  const comments = [];
  const tokens = [...tokenizer(source, { ecmaVersion: "latest", sourceType: "module", locations: true,
    onComment: (_block, text, _start, _end, start) => comments.push({ text, line: start.line }) })];
  const strings = tokens.filter((t) => t.type.label === "string" || t.type.label === "template")
    .map((t) => ({ value: t.value, line: t.loc.start.line }));
  return { strings, tokens, comments };
}

/** What the contract owns, as rules a literal breaks: `[rule name, test]`. */
function rules(shared) {
  // Words a literal must not be: a reader's level of certainty, a kind, a band, a scale point.
  // (RECORD_FIELDS are left out: they are also the model's trait names, which anywidget fixes.)
  const words = new Set([...shared.confidence, ...shared.kinds, ...shared.scale,
    ...shared.bands.flatMap((band) => [band.id, band.name])]);
  // Names of the page and the site: not even inside a selector or an address.
  const names = [shared.site_meta, shared.catalog_file, shared.progress_line];
  // The start of a localStorage key or a cache name.
  const prefixes = [shared.storage_prefix, shared.cache_prefix];
  return [
    ["a contract word", (text) => words.has(text)],
    ["a contract name", (text) => names.some((name) => text.includes(name))],
    ["a contract prefix", (text) => prefixes.some((prefix) => text.startsWith(prefix))],
  ];
}

/** Where the review intervals are written out: as numbers in a row (`1, 3, 7, 21`) in code,
 * or in a comment (`1, 3, 7 and 21 days`), which would go stale when they change. */
function intervalsIn({ tokens, comments }, intervals) {
  const found = [];
  for (let i = 0; i + 2 * intervals.length - 1 <= tokens.length; i += 1) {
    const row = intervals.every((days, k) => tokens[i + 2 * k].type.label === "num" && tokens[i + 2 * k].value === days &&
      (k === intervals.length - 1 || tokens[i + 2 * k + 1].type.label === ","));
    if (row) found.push(tokens[i].loc.start.line);
  }
  const written = new RegExp(intervals.map((days) => `\\b${days}\\b`).join("\\D{1,8}"));
  for (const comment of comments) if (written.test(comment.text)) found.push(comment.line);
  return found;
}

it("no browser file keeps its own copy of a value widgets/_contract.py owns", () => {
  const shared = contract();
  const broken = [];
  for (const path of browserFiles()) {
    const file = scan(readFileSync(`${ROOT}${path}`, "utf-8"));
    for (const { value, line } of file.strings) {
      for (const [rule, breaks] of rules(shared)) if (breaks(value)) broken.push(`${path}:${line}: ${rule}: ${JSON.stringify(value)}`);
    }
    for (const line of intervalsIn(file, shared.review_intervals)) broken.push(`${path}:${line}: the review intervals`);
  }
  assert.deepEqual(broken, [], "read these from what the build hands over (data-isw-contract, the props, the catalog)");
});

it("the scan finds what it looks for", () => {
  // A check that cannot fail tests nothing: the same rules on code that breaks each of them,
  // as the browser code did before the contract reached it.
  const shared = contract();
  const intervals = shared.review_intervals;
  const sample = scan([
    "// what the scan must find",
    `if (level === ${JSON.stringify(shared.confidence[0])}) rank = 0;`,
    `if (kind === '${shared.kinds[0]}') showStory();`,
    `document.querySelector('meta[name="${shared.site_meta}"]');`,
    `fetch(new URL(${JSON.stringify(shared.catalog_file)}, import.meta.url));`,
    `root.querySelector(".${shared.progress_line}");`,
    `const prefix = \`${shared.cache_prefix}\${scope} \`;`,
    `const days = [${intervals.join(", ")}];`,
    `// back after ${intervals.slice(0, -1).join(", ")} and ${intervals.at(-1)} days`,
    `const fine = ["Hoe ${shared.confidence[0]} ben je?", \`\${base}-confidence\`, 1, 2];`,
  ].join("\n"));
  const hits = sample.strings.filter(({ value }) => rules(shared).some(([, breaks]) => breaks(value)));
  assert.deepEqual(hits.map(({ line }) => line), [2, 3, 4, 5, 6, 7]);
  assert.deepEqual(intervalsIn(sample, intervals), [8, 9]);
});
