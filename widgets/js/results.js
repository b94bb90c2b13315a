// "Mijn resultaten": everything this browser keeps for the course, as one overview chart with
// tables beside it, calibration ("Hoe zeker was je?") as a chart with a table beside it, and
// the reader's controls: download as JSON, the chart as SVG or PNG, import a download again
// (checked, previewed, merged or replacing), erase everything. It reads and writes only
// through the reader store (store.js); nothing is sent.
//
// A source file: tools/bundle.mjs makes widgets/static/results.js from it.

import { calibration, currentRecords, dueQuestions, importChanges } from "./learning.js";
import { chapterOf, chartRows, summarise } from "./logic.js";
import { merged, problemWith } from "./store.js";
import { announce, button, download, fill, h, number, statusRegion } from "./ui.js";

const VERSION = new URL(import.meta.url).search;
/** chart.js, with this module's version stamp (a variable: the bundler leaves it alone). */
const chartModule = `./chart.js${VERSION}`;

/** @typedef {import("./types.js").ChartData} ChartData */

/**
 * The overview spec fitted to `width` px, with only the parts that have rows. Vega cannot fit
 * a stacked (vconcat) chart to its box ("container" width): its labels then fell outside the
 * box and its lower axis below it. Here each part gets a fixed plot width, with the rest of the
 * box for the labels beside it (longer ones end in "…"; the table below gives them whole).
 * @param {any} spec  the overview spec from widgets/_charts.py
 * @param {number} width  the chart's box, in px
 * @param {boolean[]} shown  per part (quizzes, scans): whether it has rows
 */
export function fittedOverview(spec, width, shown) {
  const labels = Math.round(Math.min(260, width * 0.4));
  const plot = Math.max(100, width - labels - 40);
  const parts = spec.vconcat.filter((/** @type {unknown} */ _, /** @type {number} */ i) => shown[i])
    .map((/** @type {any} */ part) => ({
      ...part, width: plot,
      encoding: { ...part.encoding, y: { ...part.encoding.y, axis: { ...part.encoding.y.axis, labelLimit: labels } } },
    }));
  // resize: the labels arrive with the rows, after the first layout.
  return { ...spec, vconcat: parts, autosize: { type: "pad", resize: true } };
}

/**
 * Entry point called by loader.js for `<div data-isw-page="results">`.
 * @param {HTMLElement} el
 * @param {import("./types.js").PageContext} context
 */
export async function mount(el, { store, catalog, base, contract }) {
  // The overview chart's spec and its two named data sets, as widgets/_charts.py made them,
  // and the calibration chart's.
  /** @type {{spec: object, data: {quizzes: ChartData, scans: ChartData}, scale_min: number, scale_max: number,
   *   calibration: {spec: object, data: ChartData, levels: string[]}}} */
  const { spec, data, scale_min: low, scale_max: high, calibration: sure } = JSON.parse(el.dataset.chart ?? "");
  const book = await catalog();
  const status = statusRegion();
  const content = h("div", { class: "isw-results-content" });

  async function draw() {
    // Asked first, so the whole overview appears at once: text that arrives later would push
    // the page below it down (a layout shift) while the reader is reading.
    const keeping = h("p", { class: "isw-keeping" }, keepingText(await store.persisted()));
    const records = store.all();
    const { quizzes, scans } = summarise(currentRecords(records, book));
    const levels = calibration(records, book, sure.levels);
    const rated = levels.some((row) => row.total > 0);
    const count = Object.keys(records).length;
    // The same count as Herhalen's: only the boxes of answers that still count.
    const due = dueQuestions(store.review(), book, Date.now(), contract.confidence[0]).due.length;
    const sureChart = h("div", { class: "isw-chart", role: "img",
      "aria-label": "Staafdiagram: per mate van zekerheid het deel van je antwoorden dat goed was. De tabel ernaast geeft dezelfde gegevens." });
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

    fill(content,
      h("p", {}, count === 0
        ? "Deze browser bewaart nog niets van deze cursus. Maak een quiz of zelfscan in een hoofdstuk; je uitslag verschijnt dan hier."
        : `Deze browser bewaart ${count} ${count === 1 ? "oefening" : "oefeningen"} van deze cursus. Alleen jij ziet dit; er gaat niets naar een server.`),
      quizzes.length || scans.length ? chart : null,
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
      h("h2", { id: "hoe-zeker-was-je" }, "Hoe zeker was je?"),
      rated
        ? h("div", { class: "isw-calibration" }, sureChart, h("div", { class: "isw-table-scroll" }, h("table", { class: "isw-data-table" },
          h("caption", {}, "Hoe zeker je was en hoeveel er goed was"),
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Zekerheid"), h("th", { scope: "col" }, "Aantal"),
            h("th", { scope: "col" }, "Goed"), h("th", { scope: "col" }, "Goed (%)"))),
          h("tbody", {}, levels.map((row) => h("tr", {}, h("th", { scope: "row" }, row.level),
            h("td", {}, String(row.total)), h("td", {}, String(row.good)),
            h("td", {}, row.percent === null ? "–" : `${row.percent}%`)))))))
        : h("p", {}, "Je hebt nog bij geen vraag gezegd hoe zeker je was. Dat kan bij elke quizvraag, voordat je je antwoord laat nakijken."),
      rated ? h("p", {}, `Wie goed inschat wat hij weet, heeft bij ${sure.levels[0]} de meeste antwoorden goed en bij ${sure.levels.at(-1)} de minste. Vragen die je zeker wist en toch fout had, staan bij Herhalen bovenaan.`) : null,
      book?.review ? h("p", { class: "isw-review-due" }, due === 0
        ? "Er staan nu geen vragen klaar om te herhalen. "
        : `Er ${due === 1 ? "staat 1 vraag" : `staan ${due} vragen`} klaar om te herhalen. `,
      h("a", { href: new URL(book.review, base).href }, "Naar Herhalen")) : null,
      h("h2", { id: "wat-deze-site-bewaart" }, "Wat deze site bewaart"),
      count ? h("ul", { class: "isw-kept" }, Object.entries(records).map(([id, record]) => h("li", {},
        h("a", { href: `${record.page}#${id}` }, record.title), ` (${chapterOf(record.page) || "pagina"}), `,
        `bewaard op ${new Date(record.saved).toLocaleString("nl-NL")}`)))
        : h("p", {}, "Niets."),
      h("div", { class: "isw-actions" },
        button("Download mijn antwoorden (JSON)", () => {
          download("integraal-samenwerken-antwoorden.json",
            new Blob([JSON.stringify(store.snapshot(), null, 2)], { type: "application/json" }));
          announce(status, "Je antwoorden zijn gedownload als JSON-bestand.");
        }, false, { disabled: !count }),
        count ? exportButtons : null,
        button("Wis al mijn antwoorden", confirmErase, true, { disabled: !count })),
      importForm(),
      h("h2", { id: "blijft-het-bewaard" }, "Blijft het bewaard?"),
      keeping,
    );
    if (!content.isConnected) { // the first draw: the whole overview replaces the no-script text at once
      fill(el, content, status);
      el.classList.add("isw-hydrated");
    }
    if (count || rated) {
      const { showChart } = await import(chartModule);
      if (quizzes.length || scans.length) {
        // Only the parts with rows: no empty 1–5 axis before any self-scan is done.
        /** @type {Record<string, object[]>} */
        const rows = {};
        if (quizzes.length) rows[data.quizzes.name] = chartRows(data.quizzes, quizzes);
        if (scans.length) rows[data.scans.name] = chartRows(data.scans, scans);
        await showChart(chart, fittedOverview(spec, chart.clientWidth, [quizzes.length > 0, scans.length > 0]), rows);
      }
      if (rated) await showChart(sureChart, sure.spec, { [sure.data.name]: chartRows(sure.data, levels.filter((row) => row.total > 0)) });
    }
  }

  /**
   * Say plainly whether the browser may still clear what it keeps, and what the backup is.
   * @param {boolean | null} kept
   */
  function keepingText(kept) {
    const blocked = document.documentElement.dataset.iswStorage === "memory";
    return blocked
      ? "Je browser blokkeert lokale opslag. De oefeningen werken, maar na deze pagina is alles weg. Download je antwoorden als je ze wilt houden."
      : kept
        ? "Je browser heeft beloofd de gegevens van deze site te bewaren, ook als de schijf vol raakt. Wis je zelf je browsergegevens, dan zijn ze toch weg: je download is je reservekopie."
        : "Je browser kan de gegevens van deze site zelf wissen, bijvoorbeeld als de schijf vol raakt, of in Safari na zeven dagen zonder bezoek. Download daarom af en toe je antwoorden: dat bestand is je reservekopie, en hierboven zet je het terug.";
  }

  /** Import a downloaded file again: checked, previewed, then merged or replacing; a file that
   * does not fit is refused with the reason, and nothing changes. */
  function importForm() {
    const input = h("input", { type: "file", id: "isw-import-file", accept: ".json,application/json",
      "aria-describedby": "isw-import-hint" });
    const message = h("div", { class: "isw-import-message" });
    /** @param {number} count @param {string} one @param {string} more */
    const n = (count, one, more) => `${count} ${count === 1 ? one : more}`;
    input.addEventListener("change", async () => {
      const file = input.files?.[0];
      if (!file) return;
      let theirs;
      try {
        theirs = JSON.parse(await file.text());
      } catch {
        theirs = undefined;
      }
      const problem = theirs === undefined
        ? "het is geen leesbaar JSON-bestand (beschadigd of een ander soort bestand)"
        : problemWith(theirs, store.site);
      if (problem) {
        const text = `Dit bestand kan niet worden teruggezet: ${problem}. Er is niets veranderd.`;
        fill(message, h("p", { class: "isw-refused" }, text));
        announce(status, text);
        input.value = "";
        return;
      }
      const change = importChanges(store.snapshot(), theirs);
      const contents = `Het bestand bevat ${n(change.exercises, "oefening", "oefeningen")} en ${n(change.review, "vraag", "vragen")} om te herhalen.`;
      /** @param {string} how @param {import("./types.js").StoreRecord} data */
      const finish = (how, data) => async () => {
        store.replace(data);
        input.value = "";
        message.replaceChildren();
        await draw();
        announce(status, `Je antwoorden uit het bestand zijn ${how}.`);
        /** @type {HTMLInputElement | null} */ (content.querySelector("#isw-import-file"))?.focus();
      };
      const merge = button("Samenvoegen", finish("samengevoegd met wat deze browser al had", merged(store.snapshot(), theirs)));
      fill(message, h("div", { class: "isw-import-preview", role: "group", "aria-labelledby": "isw-import-preview-title" },
        h("p", { id: "isw-import-preview-title" }, h("strong", {}, "Wat verandert er? "), contents),
        h("ul", {},
          h("li", {}, `Samenvoegen: ${n(change.added, "oefening komt", "oefeningen komen")} erbij, ${n(change.newer, "oefening wordt", "oefeningen worden")} vervangen door een nieuwere versie uit het bestand; de rest blijft zoals het is.`),
          h("li", {}, `Vervangen: alles wat deze browser nu bewaart (${n(change.kept, "oefening", "oefeningen")}) wordt vervangen door wat in het bestand staat.`)),
        h("div", { class: "isw-actions" }, merge,
          button("Vervangen", finish("teruggezet; ze vervangen wat deze browser had", theirs), true),
          button("Annuleren", () => {
            input.value = "";
            message.replaceChildren();
            announce(status, "Er is niets teruggezet.");
            input.focus();
          }, true))));
      announce(status, `${contents} Kies samenvoegen of vervangen.`);
      merge.focus();
    });
    return h("div", { class: "isw-import" },
      h("h2", { id: "antwoorden-terugzetten" }, "Antwoorden terugzetten"),
      h("p", { class: "isw-hint", id: "isw-import-hint" }, "Kies een bestand dat je eerder hier hebt gedownload. Je ziet eerst wat er verandert; pas daarna kies je."),
      h("label", { for: "isw-import-file", class: "isw-label" }, "Bestand met je antwoorden (JSON)"),
      h("div", {}, input), message);
  }

  /** @param {MouseEvent} event */
  function confirmErase(event) {
    const clicked = /** @type {HTMLButtonElement} */ (event.target);
    const actions = /** @type {HTMLElement} */ (clicked.closest(".isw-actions"));
    const yes = button("Ja, wis alles", async () => {
      store.clear();
      await draw();
      announce(status, "Al je antwoorden zijn gewist uit deze browser.");
      content.querySelector("button")?.focus();
    });
    const no = button("Nee, bewaar ze", () => {
      question.remove();
      clicked.focus();
    }, true);
    const question = h("p", { class: "isw-confirm", role: "group", "aria-label": "Bevestig wissen" },
      "Weet je het zeker? Dit haalt al je antwoorden uit deze browser. ", yes, " ", no);
    actions.after(question);
    yes.focus();
  }

  return draw();
}

