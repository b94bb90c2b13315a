// Makes the browser modules that are served and that anywidget runs from their sources in
// widgets/js/: each entry with what it imports, in one self-contained, minified ES module
// (anywidget imports `_esm` from a blob URL, where no relative import resolves).
//
//   node tools/bundle.mjs          write widgets/static/{exercise,results,team,store,review,progress,scorm,vega-interpreter}.js
//   (tests/node/bundle.test.mjs checks that the committed files are what this makes)

import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const ENTRIES = ["exercise", "results", "team", "store", "review", "progress", "scorm", "vega-interpreter"];

/** The bundle of each entry, by its path from the project root. */
export async function bundles() {
  const made = {};
  for (const entry of ENTRIES) {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: [`widgets/js/${entry}.js`],
      bundle: true,
      format: "esm",
      target: "es2022",
      minify: true,
      legalComments: "none",
      write: false,
      banner: { js: `// Made by tools/bundle.mjs from widgets/js/${entry}.js and what it imports: edit those, then run \`make bundle\`.` },
    });
    made[`widgets/static/${entry}.js`] = result.outputFiles[0].text;
  }
  return made;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [path, text] of Object.entries(await bundles())) {
    writeFileSync(new URL(`../${path}`, import.meta.url), text);
    console.log(`${path}: ${text.length} bytes`);
  }
}
