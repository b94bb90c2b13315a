// "Mijn resultaten": everything this browser keeps for the course, as one overview chart with
// tables beside it, and the reader's controls over it: download as JSON, the chart as SVG or
// PNG, and erase everything. It reads only what loader.js's store wrote; nothing is sent.

// Imported with this module's own version stamp, so both share one copy of exercise.js.
const VERSION = new URL(import.meta.url).search;
const { announce, h, number } = await import(`./exercise.js${VERSION}`);

const chapterOf = (page) => {
  const match = /\/h(\d)-[^/]*$/.exec(page ?? "");
  return match ? `H${match[1]}` : "";
};

/** Rows for the overview chart's two data sets, and the same facts for the tables. */
export function summarise(records) {
  const quizzes = [];
  const scans = [];
  for (const [id, record] of Object.entries(records)) {
    const label = `${chapterOf(record.page)} ${record.title}`.trim();
    if (["quiz", "casus", "sort"].includes(record.kind) && record.result?.total) {
      const { score, total } = record.result;
      quizzes.push({ id, oefening: label, procent: Math.round((100 * score) / total),
        uitslag: `${score} van ${total} goed`, page: record.page });
    }
    if (record.kind === "scan" && record.result?.profile) {
      for (const row of record.result.profile) {
        if (row.mean !== null) {
          scans.push({ id, scan: label, dimensie: `${record.title}: ${row.name}`, naam: row.name,
            score: Math.round(row.mean * 10) / 10, page: record.page });
        }
      }
    }
  }
  return { quizzes, scans };
}

function download(name, blob) {
  const link = h("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

/** Entry point called by loader.js for `<div data-isw-page="results">`. */
export function mount(el, { store }) {
  const spec = JSON.parse(el.dataset.spec);
  const status = h("div", { class: "isw-status", role: "status", "aria-live": "polite" });
  const content = h("div", { class: "isw-results-content" });
  el.replaceChildren(content, status);
  el.classList.add("isw-hydrated");

  async function draw() {
    const records = store.all();
    const { quizzes, scans } = summarise(records);
    const count = Object.keys(records).length;
    const chart = h("div", { class: "isw-chart", role: "img",
      "aria-label": "Overzichtsgrafiek van je quizscores en zelfscanprofielen. De tabellen hieronder geven dezelfde gegevens." });
    const exportButtons = ["svg", "png"].map((format) => h("button", {
      type: "button", class: "isw-button isw-secondary",
      onclick: async () => {
        const { exportChart } = await import(`./chart.js${VERSION}`);
        const data = await exportChart(chart, format);
        if (!data) return announce(status, "Er is nog geen grafiek om te downloaden.");
        download(`mijn-resultaten.${format}`, format === "svg"
          ? new Blob([data], { type: "image/svg+xml" })
          : await (await fetch(data)).blob());
        announce(status, `De grafiek is gedownload als ${format.toUpperCase()}.`);
      },
    }, `Download grafiek (${format.toUpperCase()})`));

    content.replaceChildren(
      h("p", {}, count === 0
        ? "Deze browser bewaart nog niets van deze cursus. Maak een quiz of zelfscan in een hoofdstuk; je uitslag verschijnt dan hier."
        : `Deze browser bewaart ${count} ${count === 1 ? "oefening" : "oefeningen"} van deze cursus. Alleen jij ziet dit; er gaat niets naar een server.`),
      count ? chart : null,
      quizzes.length ? h("table", { class: "isw-data-table" },
        h("caption", {}, "Quizzen en oefeningen"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Oefening"), h("th", { scope: "col" }, "Uitslag"))),
        h("tbody", {}, quizzes.map((q) => h("tr", {},
          h("th", { scope: "row" }, h("a", { href: `${q.page}#${q.id}` }, q.oefening)), h("td", {}, q.uitslag))))) : null,
      scans.length ? h("table", { class: "isw-data-table" },
        h("caption", {}, "Zelfscans (1 tot 5; een spiegel, geen cijfer)"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Zelfscan"), h("th", { scope: "col" }, "Dimensie"),
          h("th", { scope: "col" }, "Score"))),
        h("tbody", {}, scans.map((s) => h("tr", {},
          h("th", { scope: "row" }, h("a", { href: `${s.page}#${s.id}` }, s.scan)), h("td", {}, s.naam),
          h("td", {}, number(s.score)))))) : null,
      h("h2", { id: "wat-deze-site-bewaart" }, "Wat deze site bewaart"),
      count ? h("ul", { class: "isw-kept" }, Object.entries(records).map(([id, record]) => h("li", {},
        h("a", { href: `${record.page}#${id}` }, record.title), ` (${chapterOf(record.page) || "pagina"}), `,
        `bewaard op ${new Date(record.saved).toLocaleString("nl-NL")}`)))
        : h("p", {}, "Niets."),
      h("div", { class: "isw-actions" },
        h("button", { type: "button", class: "isw-button", disabled: !count, onclick: () => {
          download("integraal-samenwerken-antwoorden.json",
            new Blob([JSON.stringify(store.all(), null, 2)], { type: "application/json" }));
          announce(status, "Je antwoorden zijn gedownload als JSON-bestand.");
        } }, "Download mijn antwoorden (JSON)"),
        count ? exportButtons : null,
        h("button", { type: "button", class: "isw-button isw-secondary", disabled: !count, onclick: confirmErase },
          "Wis al mijn antwoorden")),
    );
    if (count) {
      const { showChart } = await import(`./chart.js${VERSION}`);
      await showChart(chart, spec, { quizscores: quizzes, scanprofielen: scans });
    }
  }

  function confirmErase(event) {
    const actions = event.target.closest(".isw-actions");
    const yes = h("button", { type: "button", class: "isw-button", onclick: async () => {
      for (const id of Object.keys(store.all())) store.remove(id);
      await draw();
      announce(status, "Al je antwoorden zijn gewist uit deze browser.");
      content.querySelector("button")?.focus();
    } }, "Ja, wis alles");
    const no = h("button", { type: "button", class: "isw-button isw-secondary", onclick: () => {
      question.remove();
      event.target.focus();
    } }, "Nee, bewaar ze");
    const question = h("p", { class: "isw-confirm", role: "group", "aria-label": "Bevestig wissen" },
      "Weet je het zeker? Dit haalt al je antwoorden uit deze browser. ", yes, " ", no);
    actions.after(question);
    yes.focus();
  }

  return draw();
}

