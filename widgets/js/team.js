// The team page: a trainer or team pastes the result codes of several self-scans and sees the
// profiles side by side and the spread per dimension, anonymously, all in this browser.
//
// A source file: tools/bundle.mjs makes widgets/static/team.js from it.

import { chartRows, readCodes, spread } from "./logic.js";
import { announce, button, fill, h, number, statusRegion } from "./ui.js";

/** chart.js, with this module's version stamp (a variable: the bundler leaves it alone). */
const chartModule = `./chart.js${new URL(import.meta.url).search}`;

/**
 * Entry point called by loader.js for `<div data-isw-page="team">`.
 * @param {HTMLElement} el
 */
export function mount(el) {
  // The chart, its named data set and the scans the book has, as widgets/_pages.py made them.
  /** @type {{spec: object, data: import("./types.js").ChartData, scans: Record<string, import("./logic.js").ScanIdentity>}} */
  const { spec, data, scans } = JSON.parse(el.dataset.team ?? "");
  const status = statusRegion();
  const area = h("textarea", { id: "team-codes", rows: 6, class: "isw-textarea", spellcheck: "false" });
  const errors = h("div", { class: "isw-problems", id: "team-problems" });
  const output = h("div", { class: "isw-team-output" });
  const compare = button("Vergelijk", async () => {
    const { profiles, problems, note } = readCodes(area.value, scans);
    fill(errors, note ? h("p", { class: "isw-problem-title" }, note) : null, ...(problems.length
      ? [h("p", { class: "isw-problem-title" }, "Deze codes kunnen niet worden gebruikt:"),
        h("ul", {}, problems.map((problem) => h("li", {}, problem)))]
      : []));
    output.replaceChildren();
    const total = Object.values(profiles).reduce((n, list) => n + list.length, 0);
    for (const [scanId, list] of Object.entries(profiles)) await showScan(scanId, list);
    announce(status, `${note ? `${note} ` : ""}${total} ${total === 1 ? "profiel" : "profielen"} vergeleken.` +
      (problems.length ? ` ${problems.length} ${problems.length === 1 ? "code is" : "codes zijn"} afgewezen.` : ""));
  });
  fill(el,
    h("label", { for: "team-codes", class: "isw-label" }, "Plak hier de resultaatcodes, één per regel"),
    area, h("div", { class: "isw-actions" }, compare), errors, status, output);
  el.classList.add("isw-hydrated");
  area.setAttribute("aria-describedby", "team-problems");

  /** @param {string} scanId @param {number[][]} list  scores per person, per dimension */
  async function showScan(scanId, list) {
    const { title, dimensions, scale_min: low, scale_max: high } = scans[scanId];
    const chart = h("div", { class: "isw-chart", role: "img",
      "aria-label": `Grafiek van ${list.length} profielen voor ${title}. De tabel hieronder geeft dezelfde scores.` });
    const people = list.map((_, i) => `Deelnemer ${i + 1}`);
    output.append(
      h("h3", {}, `${title} (${list.length} ${list.length === 1 ? "profiel" : "profielen"})`),
      chart,
      h("table", { class: "isw-data-table" },
        h("caption", {}, `${title}: scores per deelnemer en de spreiding in het team (${low} tot ${high})`),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Dimensie"),
          people.map((name) => h("th", { scope: "col" }, name)),
          h("th", { scope: "col" }, "Laagste"), h("th", { scope: "col" }, "Hoogste"),
          h("th", { scope: "col" }, "Gemiddeld"))),
        h("tbody", {}, dimensions.map((dimension, d) => {
          const values = list.map((scores) => scores[d]);
          const s = spread(values);
          return h("tr", {}, h("th", { scope: "row" }, dimension), values.map((v) => h("td", {}, number(v))),
            h("td", {}, number(s.min)), h("td", {}, number(s.max)), h("td", {}, number(s.mean)));
        }))));
    const rows = list.flatMap((scores, i) =>
      dimensions.map((dimension, d) => ({ person: people[i], dimension, score: scores[d] })));
    try {
      const { showChart } = await import(chartModule);
      await showChart(chart, spec, { [data.name]: chartRows(data, rows) });
    } catch (error) {
      chart.remove();
      console.error("Teamgrafiek kon niet worden getekend", error);
    }
  }
}
