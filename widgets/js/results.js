// "Mijn resultaten": everything this browser keeps for the course, as one overview chart with
// tables beside it, and the reader's controls over it: download as JSON, the chart as SVG or
// PNG, and erase everything. It reads only what loader.js's store wrote; nothing is sent.
//
// A source file: tools/bundle.mjs makes widgets/static/results.js from it.

import { chapterOf, chartRows, summarise } from "./logic.js";
import { announce, button, download, h, number, statusRegion } from "./ui.js";

const VERSION = new URL(import.meta.url).search;
/** chart.js, with this module's version stamp (a variable: the bundler leaves it alone). */
const chartModule = `./chart.js${VERSION}`;

/** Entry point called by loader.js for `<div data-isw-page="results">`. */
export function mount(el, { store }) {
  // The overview chart's spec and its two named data sets, as widgets/_charts.py made them.
  const { spec, data, scale_min: low, scale_max: high } = JSON.parse(el.dataset.chart);
  const status = statusRegion();
  const content = h("div", { class: "isw-results-content" });
  el.replaceChildren(content, status);
  el.classList.add("isw-hydrated");

  async function draw() {
    const records = store.all();
    const { quizzes, scans } = summarise(records);
    const count = Object.keys(records).length;
    const chart = h("div", { class: "isw-chart", role: "img",
      "aria-label": "Overzichtsgrafiek van je quizscores en zelfscanprofielen. De tabellen hieronder geven dezelfde gegevens." });
    const exportButtons = ["svg", "png"].map((format) => button(`Download grafiek (${format.toUpperCase()})`,
      async () => {
        const { exportChart } = await import(chartModule);
        const image = await exportChart(chart, format);
        if (!image) return announce(status, "Er is nog geen grafiek om te downloaden.");
        download(`mijn-resultaten.${format}`, format === "svg"
          ? new Blob([image], { type: "image/svg+xml" })
          : await (await fetch(image)).blob());
        announce(status, `De grafiek is gedownload als ${format.toUpperCase()}.`);
      }, true));

    content.replaceChildren(
      h("p", {}, count === 0
        ? "Deze browser bewaart nog niets van deze cursus. Maak een quiz of zelfscan in een hoofdstuk; je uitslag verschijnt dan hier."
        : `Deze browser bewaart ${count} ${count === 1 ? "oefening" : "oefeningen"} van deze cursus. Alleen jij ziet dit; er gaat niets naar een server.`),
      count ? chart : null,
      quizzes.length ? h("table", { class: "isw-data-table" },
        h("caption", {}, "Quizzen en oefeningen"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Oefening"), h("th", { scope: "col" }, "Uitslag"))),
        h("tbody", {}, quizzes.map((q) => h("tr", {},
          h("th", { scope: "row" }, h("a", { href: `${q.page}#${q.id}` }, q.label)), h("td", {}, q.outcome))))) : null,
      scans.length ? h("table", { class: "isw-data-table" },
        h("caption", {}, `Zelfscans (${low} tot ${high}; een spiegel, geen cijfer)`),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Zelfscan"), h("th", { scope: "col" }, "Dimensie"),
          h("th", { scope: "col" }, "Score"))),
        h("tbody", {}, scans.map((s) => h("tr", {},
          h("th", { scope: "row" }, h("a", { href: `${s.page}#${s.id}` }, s.label)), h("td", {}, s.name),
          h("td", {}, number(s.score)))))) : null,
      h("h2", { id: "wat-deze-site-bewaart" }, "Wat deze site bewaart"),
      count ? h("ul", { class: "isw-kept" }, Object.entries(records).map(([id, record]) => h("li", {},
        h("a", { href: `${record.page}#${id}` }, record.title), ` (${chapterOf(record.page) || "pagina"}), `,
        `bewaard op ${new Date(record.saved).toLocaleString("nl-NL")}`)))
        : h("p", {}, "Niets."),
      h("div", { class: "isw-actions" },
        button("Download mijn antwoorden (JSON)", () => {
          download("integraal-samenwerken-antwoorden.json",
            new Blob([JSON.stringify(store.all(), null, 2)], { type: "application/json" }));
          announce(status, "Je antwoorden zijn gedownload als JSON-bestand.");
        }, false, { disabled: !count }),
        count ? exportButtons : null,
        button("Wis al mijn antwoorden", confirmErase, true, { disabled: !count })),
    );
    if (count) {
      const { showChart } = await import(chartModule);
      await showChart(chart, spec, {
        [data.quizzes.name]: chartRows(data.quizzes, quizzes),
        [data.scans.name]: chartRows(data.scans, scans),
      });
    }
  }

  function confirmErase(event) {
    const actions = event.target.closest(".isw-actions");
    const yes = button("Ja, wis alles", async () => {
      for (const id of Object.keys(store.all())) store.remove(id);
      await draw();
      announce(status, "Al je antwoorden zijn gewist uit deze browser.");
      content.querySelector("button")?.focus();
    });
    const no = button("Nee, bewaar ze", () => {
      question.remove();
      event.target.focus();
    }, true);
    const question = h("p", { class: "isw-confirm", role: "group", "aria-label": "Bevestig wissen" },
      "Weet je het zeker? Dit haalt al je antwoorden uit deze browser. ", yes, " ", no);
    actions.after(question);
    yes.focus();
  }

  return draw();
}

