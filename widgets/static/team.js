// The team page: a trainer or team pastes the result codes of several self-scans and sees the
// profiles side by side and the spread per dimension, anonymously, all in this browser.

// Imported with this module's own version stamp, so both share one copy of exercise.js.
const VERSION = new URL(import.meta.url).search;
const { announce, decodeProfile, h, number } = await import(`./exercise.js${VERSION}`);

/** Valid profiles per scan, and a Dutch message per line that could not be read. */
export function readCodes(text, scans) {
  const profiles = {};
  const problems = [];
  text.split("\n").forEach((line, index) => {
    if (!line.trim()) return;
    try {
      const { scanId, scores } = decodeProfile(line, scans);
      (profiles[scanId] ??= []).push(scores);
    } catch (error) {
      problems.push(`Regel ${index + 1}: ${error.message}.`);
    }
  });
  return { profiles, problems };
}

function spread(values) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { min: Math.min(...values), max: Math.max(...values), mean };
}

/** Entry point called by loader.js for `<div data-isw-page="team">`. */
export function mount(el) {
  const spec = JSON.parse(el.dataset.spec);
  const scans = JSON.parse(el.dataset.scans);
  const status = h("div", { class: "isw-status", role: "status", "aria-live": "polite" });
  const area = h("textarea", { id: "team-codes", rows: 6, class: "isw-textarea", spellcheck: "false" });
  const errors = h("div", { class: "isw-problems", id: "team-problems" });
  const output = h("div", { class: "isw-team-output" });
  const compare = h("button", { type: "button", class: "isw-button" }, "Vergelijk");
  el.replaceChildren(
    h("label", { for: "team-codes", class: "isw-label" }, "Plak hier de resultaatcodes, één per regel"),
    area, h("div", { class: "isw-actions" }, compare), errors, status, output);
  el.classList.add("isw-hydrated");
  area.setAttribute("aria-describedby", "team-problems");

  compare.addEventListener("click", async () => {
    const { profiles, problems } = readCodes(area.value, scans);
    errors.replaceChildren(...(problems.length
      ? [h("p", { class: "isw-problem-title" }, "Deze codes kunnen niet worden gebruikt:"),
        h("ul", {}, problems.map((problem) => h("li", {}, problem)))]
      : []));
    output.replaceChildren();
    const total = Object.values(profiles).reduce((n, list) => n + list.length, 0);
    for (const [scanId, list] of Object.entries(profiles)) await showScan(scanId, list);
    announce(status, `${total} ${total === 1 ? "profiel" : "profielen"} vergeleken.` +
      (problems.length ? ` ${problems.length} ${problems.length === 1 ? "code is" : "codes zijn"} afgewezen.` : ""));
  });

  async function showScan(scanId, list) {
    const { title, dimensions } = scans[scanId];
    const chart = h("div", { class: "isw-chart", role: "img",
      "aria-label": `Grafiek van ${list.length} profielen voor ${title}. De tabel hieronder geeft dezelfde scores.` });
    const people = list.map((_, i) => `Deelnemer ${i + 1}`);
    output.append(
      h("h3", {}, `${title} (${list.length} ${list.length === 1 ? "profiel" : "profielen"})`),
      chart,
      h("table", { class: "isw-data-table" },
        h("caption", {}, `${title}: scores per deelnemer en de spreiding in het team (1 tot 5)`),
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
      dimensions.map((dimension, d) => ({ deelnemer: people[i], dimensie: dimension, score: scores[d] })));
    try {
      const { showChart } = await import(`./chart.js${VERSION}`);
      await showChart(chart, spec, { team: rows });
    } catch (error) {
      chart.remove();
      console.error("Teamgrafiek kon niet worden getekend", error);
    }
  }
}
