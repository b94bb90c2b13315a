// "Mijn resultaten": everything this browser keeps for the course, as one overview chart with
// tables beside it, calibration ("Hoe zeker was je?") as a chart with a table beside it, and
// the reader's controls: download as JSON, the chart as SVG or PNG, import a download again
// (checked, previewed, merged or replacing), erase everything. It reads and writes only
// through the reader store (store.js); nothing is sent.
//
// A source file: tools/bundle.mjs makes widgets/static/results.js from it.

import { calibration, currentRecords, dueQuestions, importChanges } from "./learning.js";
import { chapterOf, chartRows, summarise } from "./logic.js";
import { announce, button, download, fill, h, number, statusRegion } from "./ui.js";
import { checkRecord, origin } from "./validate.js";

/** A download of this site is far smaller: a bigger file is refused before it is read. */
const MAX_IMPORT = 5 * 1024 * 1024;

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
  /** The course's name as its pages carry it, for the export and the import's question. */
  const title = document.querySelector(`meta[name="${contract.site_meta}"]`)?.getAttribute("content") ?? "";
  /** What the export says of where it comes from: the book's own identifier, title and path. */
  const about = { book_id: book?.book_id, title };
  /**
   * A link to an exercise, made from the catalog, never from stored text; without a catalog
   * entry, its name alone.
   * @param {string} id @param {string} label
   */
  const linkTo = (id, label) => {
    const page = book?.exercises[id]?.page;
    return page ? h("a", { href: `${new URL(page, base).href}#${id}` }, label) : label;
  };
  const importing = importForm();
  // Another tab saved or erased: this overview shows it at once.
  store.subscribe((outcome) => { if (outcome === null && content.isConnected) draw(); });

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
          h("th", { scope: "row" }, linkTo(q.id, q.label)), h("td", {}, q.outcome))))) : null,
      scans.length ? h("table", { class: "isw-data-table" },
        h("caption", {}, `Zelfscans (${low} tot ${high}; een spiegel, geen cijfer)`),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Zelfscan"), h("th", { scope: "col" }, "Dimensie"),
          h("th", { scope: "col" }, "Score"))),
        h("tbody", {}, scans.map((s) => h("tr", {},
          h("th", { scope: "row" }, linkTo(s.id, s.label)), h("td", {}, s.name),
          h("td", {}, number(s.score)))))) : null,
      h("h2", { id: "hoe-zeker-was-je" }, "Hoe zeker was je?"),
      rated
        ? h("div", { class: "isw-calibration" }, sureChart, h("div", { class: "isw-table-scroll", tabindex: "0" }, h("table", { class: "isw-data-table" },
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
        linkTo(id, record.title), ` (${chapterOf(record.page) || "pagina"}), `,
        `bewaard op ${new Date(record.saved).toLocaleString("nl-NL")}`)))
        : h("p", {}, "Niets."),
      h("div", { class: "isw-actions" },
        button("Download mijn antwoorden (JSON)", () => {
          download("integraal-samenwerken-antwoorden.json",
            new Blob([JSON.stringify(store.snapshot(about), null, 2)], { type: "application/json" }));
          announce(status, "Je antwoorden zijn gedownload als JSON-bestand.");
        }, false, { disabled: !count }),
        count ? exportButtons : null,
        button("Wis al mijn antwoorden", confirmErase, true, { disabled: !count })),
      keptAside(),
      importing, // the same element on every draw: a preview stays open while another tab saves
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
    /** @param {string} problem */
    const refuse = (problem) => {
      const text = `Dit bestand kan niet worden teruggezet: ${problem}. Er is niets veranderd.`;
      fill(message, h("p", { class: "isw-refused" }, text));
      announce(status, text);
      input.value = "";
    };
    const cancel = () => {
      input.value = "";
      message.replaceChildren();
      announce(status, "Er is niets teruggezet.");
      input.focus();
    };
    input.addEventListener("change", async () => {
      const file = input.files?.[0];
      if (!file) return;
      if (file.size > MAX_IMPORT) {
        return refuse(`het is ${Math.round(file.size / 1024 / 1024)} MB groot, en een download van deze site is veel kleiner (hooguit ${MAX_IMPORT / 1024 / 1024} MB). Kies het bestand dat je hier hebt gedownload`);
      }
      let data;
      try {
        data = JSON.parse(await file.text());
      } catch {
        return refuse("het is geen leesbaar JSON-bestand (beschadigd of een ander soort bestand)");
      }
      const { record: theirs, dropped, problem } = checkRecord(data, contract, { book, base: base.pathname });
      if (!theirs) return refuse(problem ?? "het is onleesbaar");
      const from = origin(data, book ?? {}, store.site);
      if (from === "other") {
        return refuse(`het hoort bij een andere cursus${typeof data.title === "string" ? ` (${data.title.slice(0, 100)})` : ""}`);
      }
      if (dropped.length && !Object.keys(theirs.exercises).length && !Object.keys(theirs.review).length) {
        return refuse(`het is beschadigd: ${dropped.slice(0, 5).join(", ")} ${dropped.length === 1 ? "is" : "zijn"} onleesbaar`);
      }
      if (from === "moved") {
        const where = [typeof data.title === "string" ? `'${data.title.slice(0, 100)}'` : "deze cursus",
          typeof data.path === "string" ? `op ${data.path.slice(0, 100)}` : "op een ander adres"].join(" ");
        const question = `Dit bestand komt van ${where}, niet van dit adres. De oefeningen zijn dezelfde. Toch inlezen?`;
        fill(message, h("div", { class: "isw-import-preview", role: "group", "aria-label": "Bestand van een ander adres" },
          h("p", {}, question),
          h("div", { class: "isw-actions" },
            button("Ja, lees het in", () => preview(theirs, dropped)),
            button("Nee", cancel, true))));
        announce(status, question);
        /** @type {HTMLButtonElement | null} */ (message.querySelector("button"))?.focus();
        return;
      }
      preview(theirs, dropped);
    });

    /**
     * What merging or replacing would change; the merge itself is made when the reader
     * chooses it, from what is stored then (another tab may have saved since).
     * @param {import("./types.js").StoreRecord} theirs @param {string[]} dropped
     */
    function preview(theirs, dropped) {
      const change = importChanges(store.snapshot(), theirs);
      const contents = `Het bestand bevat ${n(change.exercises, "oefening", "oefeningen")} en ${n(change.review, "vraag", "vragen")} om te herhalen.` +
        (dropped.length ? ` ${n(dropped.length, "onderdeel past", "onderdelen passen")} niet bij deze cursus en ${dropped.length === 1 ? "wordt" : "worden"} overgeslagen.` : "");
      /** @param {string} how @param {() => import("./store.js").Outcome} act */
      const finish = (how, act) => async () => {
        const outcome = act();
        if (!outcome.ok) {
          const text = `Je antwoorden zijn niet teruggezet. ${outcome.text}`;
          fill(message, h("p", { class: "isw-refused" }, text));
          announce(status, text);
          return;
        }
        input.value = "";
        message.replaceChildren();
        await draw();
        announce(status, `Je antwoorden uit het bestand zijn ${how}.`);
        /** @type {HTMLInputElement | null} */ (content.querySelector("#isw-import-file"))?.focus();
      };
      const merge = button("Samenvoegen", finish("samengevoegd met wat deze browser al had", () => store.mergeIn(theirs)));
      fill(message, h("div", { class: "isw-import-preview", role: "group", "aria-labelledby": "isw-import-preview-title" },
        h("p", { id: "isw-import-preview-title" }, h("strong", {}, "Wat verandert er? "), contents),
        dropped.length ? h("details", {}, h("summary", {}, "Wat wordt overgeslagen"),
          h("ul", {}, dropped.slice(0, 50).map((part) => h("li", {}, part)))) : null,
        h("ul", {},
          h("li", {}, `Samenvoegen: ${n(change.added, "oefening komt", "oefeningen komen")} erbij, ${n(change.newer, "oefening wordt", "oefeningen worden")} vervangen door een nieuwere versie uit het bestand; de rest blijft zoals het is.`),
          h("li", {}, `Vervangen: alles wat deze browser nu bewaart (${n(change.kept, "oefening", "oefeningen")}) wordt vervangen door wat in het bestand staat.`)),
        h("div", { class: "isw-actions" }, merge,
          button("Vervangen", finish("teruggezet; ze vervangen wat deze browser had", () => store.replace(theirs)), true),
          button("Annuleren", cancel, true))));
      announce(status, `${contents} Kies samenvoegen of vervangen.`);
      merge.focus();
    }
    return h("div", { class: "isw-import" },
      h("h2", { id: "antwoorden-terugzetten" }, "Antwoorden terugzetten"),
      h("p", { class: "isw-hint", id: "isw-import-hint" }, "Kies een bestand dat je eerder hier hebt gedownload. Je ziet eerst wat er verandert; pas daarna kies je."),
      h("label", { for: "isw-import-file", class: "isw-label" }, "Bestand met je antwoorden (JSON)"),
      h("div", {}, input), message);
  }

  /** Stored data that could not be used as it was (damaged, or of another version of the
   * site): kept aside by the store, offered here for download, let go only by the reader. */
  function keptAside() {
    const copies = store.keptAside();
    if (copies.length === 0) return null;
    return h("div", { class: "isw-kept-aside", role: "alert" },
      h("h2", { id: "apart-gezet" }, "Apart gezet"),
      h("p", {}, `Deze browser had gegevens van deze cursus die (deels) onleesbaar waren of uit een andere versie van de site kwamen. ` +
        `Wat wel leesbaar was, staat hierboven; het oude geheel is apart gezet, zodat er niets verloren gaat. ` +
        `Download het en bewaar het, bijvoorbeeld om het later terug te zetten of aan de makers te laten zien.`),
      h("ul", {}, copies.map((copy, i) => h("li", {},
        button(`Download apart gezette gegevens ${copies.length > 1 ? i + 1 : ""}`.trim(), () => {
          download(`integraal-samenwerken-apart-${i + 1}.json`, new Blob([copy.text], { type: "application/json" }));
          announce(status, "De apart gezette gegevens zijn gedownload.");
        }, true),
        " ",
        button("Gooi deze kopie weg", async () => {
          store.dropAside(copy.name);
          await draw();
          announce(status, "De apart gezette kopie is weggegooid.");
        }, true)))));
  }

  /** @param {MouseEvent} event */
  function confirmErase(event) {
    const clicked = /** @type {HTMLButtonElement} */ (event.target);
    const actions = /** @type {HTMLElement} */ (clicked.closest(".isw-actions"));
    const yes = button("Ja, wis alles", async () => {
      const outcome = store.clear();
      await draw();
      announce(status, outcome.ok || outcome.reason === "memory"
        ? "Al je antwoorden zijn gewist uit deze browser." : `Er is niets gewist. ${outcome.text}`);
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

