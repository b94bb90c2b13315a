// "Mijn resultaten": everything this browser keeps for the course, as one overview chart with
// tables beside it, calibration ("Hoe zeker was je?"), and the reader's controls over it:
// download as JSON, the chart as SVG or PNG, import a download again, erase everything. It
// reads and writes only through the reader store (store.js); nothing is sent.

// Imported with this module's own version stamp, so all share one copy of each module.
const VERSION = new URL(import.meta.url).search;
const [{ announce, h, number }, { answerOf, merged, problemWith }] = await Promise.all([
  import(`./exercise.js${VERSION}`),
  import(`./store.js${VERSION}`),
]);

const chapterOf = (page) => {
  const match = /\/h(\d)-[^/]*$/.exec(page ?? "");
  return match ? `H${match[1]}` : "";
};

/** Score of a quiz or casus from its current answers (`entry` from catalog.json), so an
 * answer to a question that has changed since does not count. */
function questionScore(record, entry) {
  if (!entry?.questions) return record.result;
  const answers = Object.entries(entry.questions).map(([id, print]) => answerOf(record, id, print)).filter(Boolean);
  if (answers.length === 0) return null;
  return { score: answers.filter((a) => a.correct).length, total: Object.keys(entry.questions).length };
}

/** Rows for the overview chart's two data sets, and the same facts for the tables. */
export function summarise(records, book) {
  const quizzes = [];
  const scans = [];
  for (const [id, record] of Object.entries(records)) {
    const label = `${chapterOf(record.page)} ${record.title}`.trim();
    const entry = book?.exercises?.[id];
    if (entry && entry.fingerprint !== record.fingerprint && !entry.questions) continue; // changed since
    const result = ["quiz", "casus"].includes(record.kind) ? questionScore(record, entry) : record.result;
    if (["quiz", "casus", "sort"].includes(record.kind) && result?.total) {
      const { score, total } = result;
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

/** Per level of certainty: how many current quiz answers the reader gave with it, and how many
 * were right. Answers without a level are left out: saying how sure you are is optional. */
export function calibration(records, book, levels) {
  const tally = Object.fromEntries(levels.map((level) => [level, { total: 0, good: 0 }]));
  for (const [id, record] of Object.entries(records)) {
    const entry = book?.exercises?.[id];
    for (const [questionId, print] of Object.entries(entry?.questions ?? {})) {
      const answer = answerOf(record, questionId, print);
      if (!answer || !tally[answer.confidence]) continue;
      tally[answer.confidence].total += 1;
      if (answer.correct) tally[answer.confidence].good += 1;
    }
  }
  return levels.map((level) => ({ zekerheid: level, ...tally[level],
    procent: tally[level].total ? Math.round((100 * tally[level].good) / tally[level].total) : null,
    uitslag: `${tally[level].good} van ${tally[level].total} goed` }));
}

/** What importing `theirs` would do, merged or replacing, in words for the preview. */
function preview(mine, theirs) {
  const ids = Object.keys(theirs.exercises);
  const added = ids.filter((id) => !mine.exercises[id]).length;
  const newer = ids.filter((id) => mine.exercises[id] &&
    Date.parse(theirs.exercises[id].saved) > Date.parse(mine.exercises[id].saved)).length;
  const kept = Object.keys(mine.exercises).length;
  const n = (count, one, more) => `${count} ${count === 1 ? one : more}`;
  return {
    contents: `Het bestand bevat ${n(ids.length, "oefening", "oefeningen")} en ${n(Object.keys(theirs.review).length, "vraag", "vragen")} om te herhalen.`,
    merge: `Samenvoegen: ${n(added, "oefening komt", "oefeningen komen")} erbij, ${n(newer, "oefening wordt", "oefeningen worden")} vervangen door een nieuwere versie uit het bestand; de rest blijft zoals het is.`,
    replace: `Vervangen: alles wat deze browser nu bewaart (${n(kept, "oefening", "oefeningen")}) wordt vervangen door wat in het bestand staat.`,
  };
}

function download(name, blob) {
  const link = h("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

/** Entry point called by loader.js for `<div data-isw-page="results">`. */
export async function mount(el, { store, catalog, base }) {
  const spec = JSON.parse(el.dataset.spec);
  const sure = JSON.parse(el.dataset.calibration);
  const book = await catalog();
  const status = h("div", { class: "isw-status", role: "status", "aria-live": "polite" });
  const content = h("div", { class: "isw-results-content" });
  el.replaceChildren(content, status);
  el.classList.add("isw-hydrated");

  async function draw() {
    const records = store.all();
    const { quizzes, scans } = summarise(records, book);
    const levels = calibration(records, book, sure.levels);
    const rated = levels.some((row) => row.total > 0);
    const count = Object.keys(records).length;
    const now = Date.now();
    const due = Object.values(store.review()).filter((box) => Date.parse(box.due) <= now).length;
    const sureChart = h("div", { class: "isw-chart", role: "img",
      "aria-label": "Staafdiagram: per mate van zekerheid het deel van je antwoorden dat goed was. De tabel ernaast geeft dezelfde gegevens." });
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
      h("h2", { id: "hoe-zeker-was-je" }, "Hoe zeker was je?"),
      rated
        ? h("div", { class: "isw-calibration" }, sureChart, h("table", { class: "isw-data-table" },
          h("caption", {}, "Zekerheid en uitslag van je quizantwoorden"),
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Hoe zeker"), h("th", { scope: "col" }, "Beantwoord"),
            h("th", { scope: "col" }, "Goed"), h("th", { scope: "col" }, "Goed (%)"))),
          h("tbody", {}, levels.map((row) => h("tr", {}, h("th", { scope: "row" }, row.zekerheid),
            h("td", {}, String(row.total)), h("td", {}, String(row.good)),
            h("td", {}, row.procent === null ? "–" : `${row.procent}%`))))))
        : h("p", {}, "Je hebt nog bij geen vraag gezegd hoe zeker je was. Dat kan bij elke quizvraag, vóór je op Controleer drukt."),
      rated ? h("p", {}, "Wie goed inschat wat hij weet, heeft bij zeker de meeste antwoorden goed en bij gok de minste. Vragen die je zeker wist en toch fout had, staan bovenaan bij Herhalen.") : null,
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
        h("button", { type: "button", class: "isw-button", disabled: !count, onclick: () => {
          download("integraal-samenwerken-antwoorden.json",
            new Blob([JSON.stringify(store.snapshot(), null, 2)], { type: "application/json" }));
          announce(status, "Je antwoorden zijn gedownload als JSON-bestand.");
        } }, "Download mijn antwoorden (JSON)"),
        count ? exportButtons : null,
        h("button", { type: "button", class: "isw-button isw-secondary", disabled: !count, onclick: confirmErase },
          "Wis al mijn antwoorden")),
      importForm(),
      h("h2", { id: "blijft-het-bewaard" }, "Blijft het bewaard?"),
      keeping,
    );
    showKeeping();
    if (count || rated) {
      const { showChart } = await import(`./chart.js${VERSION}`);
      if (count) await showChart(chart, spec, { quizscores: quizzes, scanprofielen: scans });
      if (rated) await showChart(sureChart, sure.spec, { [sure.data]: levels.filter((row) => row.total > 0) });
    }
  }

  const keeping = h("p", { class: "isw-keeping" });
  async function showKeeping() {
    const kept = await store.persisted();
    const blocked = document.documentElement.dataset.iswStorage === "memory";
    keeping.textContent = blocked
      ? "Je browser blokkeert lokale opslag. De oefeningen werken, maar na deze pagina is alles weg. Download je antwoorden als je ze wilt houden."
      : kept
        ? "Je browser heeft beloofd de gegevens van deze site te bewaren, ook als de schijf vol raakt. Wis je zelf je browsergegevens, dan zijn ze toch weg: je download is je reservekopie."
        : "Je browser kan de gegevens van deze site zelf wissen, bijvoorbeeld als de schijf vol raakt, of in Safari na zeven dagen zonder bezoek. Download daarom af en toe je antwoorden: dat bestand is je reservekopie, en hieronder zet je het terug.";
  }

  /** Import a downloaded file again: checked, previewed, then merged or replacing; a file that
   * does not fit is refused with the reason, and nothing changes. */
  function importForm() {
    const input = h("input", { type: "file", id: "isw-import-file", accept: ".json,application/json", "aria-describedby": "isw-import-hint" });
    const message = h("div", { class: "isw-import-message" });
    input.addEventListener("change", async () => {
      const file = input.files?.[0];
      if (!file) return;
      let theirs;
      try {
        theirs = JSON.parse(await file.text());
      } catch {
        theirs = undefined;
      }
      const problem = theirs === undefined ? "het is geen leesbaar JSON-bestand (beschadigd of een ander soort bestand)"
        : problemWith(theirs, store.site);
      if (problem) {
        const text = `Dit bestand kan niet worden teruggezet: ${problem}. Er is niets veranderd.`;
        message.replaceChildren(h("p", { class: "isw-refused" }, text));
        announce(status, text);
        input.value = "";
        return;
      }
      const words = preview(store.snapshot(), theirs);
      const finish = (how, data) => async () => {
        store.replace(data);
        input.value = "";
        message.replaceChildren();
        await draw();
        announce(status, `Je antwoorden uit het bestand zijn ${how}.`);
        content.querySelector("#isw-import-file")?.focus();
      };
      const merge = h("button", { type: "button", class: "isw-button", onclick: finish("samengevoegd met wat deze browser al had", merged(store.snapshot(), theirs)) }, "Samenvoegen");
      const replace = h("button", { type: "button", class: "isw-button isw-secondary", onclick: finish("teruggezet; ze vervangen wat deze browser had", theirs) }, "Vervangen");
      const cancel = h("button", { type: "button", class: "isw-button isw-secondary", onclick: () => {
        input.value = "";
        message.replaceChildren();
        announce(status, "Niets teruggezet.");
        input.focus();
      } }, "Annuleren");
      message.replaceChildren(h("div", { class: "isw-import-preview", role: "group", "aria-labelledby": "isw-import-preview-title" },
        h("p", { id: "isw-import-preview-title" }, h("strong", {}, "Wat verandert er? "), words.contents),
        h("ul", {}, h("li", {}, words.merge), h("li", {}, words.replace)),
        h("div", { class: "isw-actions" }, merge, replace, cancel)));
      announce(status, `${words.contents} Kies samenvoegen of vervangen.`);
      merge.focus();
    });
    return h("div", { class: "isw-import" },
      h("h2", { id: "antwoorden-terugzetten" }, "Antwoorden terugzetten"),
      h("p", { class: "isw-hint", id: "isw-import-hint" }, "Kies een bestand dat je eerder hier hebt gedownload. Je ziet eerst wat er verandert."),
      h("label", { for: "isw-import-file", class: "isw-label" }, "Bestand met je antwoorden (JSON)"),
      h("div", {}, input), message);
  }

  function confirmErase(event) {
    const actions = event.target.closest(".isw-actions");
    const yes = h("button", { type: "button", class: "isw-button", onclick: async () => {
      store.clear();
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

