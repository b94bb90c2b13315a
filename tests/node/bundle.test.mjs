// The committed browser modules are what tools/bundle.mjs makes from widgets/js/ today, and
// the exercise module keeps anywidget's contract: a default export with render, nothing else.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";

import { bundles } from "../../tools/bundle.mjs";

const ROOT = new URL("../../", import.meta.url);

it("every bundle is current: run `make bundle` after editing widgets/js/", async () => {
  for (const [path, text] of Object.entries(await bundles())) {
    assert.ok(readFileSync(new URL(path, ROOT), "utf-8") === text, `${path} is out of date: run \`make bundle\``);
  }
});

it("exercise.js exports only a default object with render, as anywidget expects", async () => {
  const module = await import(new URL("widgets/static/exercise.js", ROOT));
  assert.deepEqual(Object.keys(module), ["default"]);
  assert.deepEqual(Object.keys(module.default), ["render"]);
  assert.equal(typeof module.default.render, "function");
});
