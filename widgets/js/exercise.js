// The behaviour of every exercise kind, with anywidget's contract: the default export's
// `render({model, el})`. Live in Jupyter, anywidget calls it with the kernel's model; on the
// static site, loader.js calls it with a small in-browser model. All texts in `props` are
// HTML made safe at build time (widgets/_markdown.py); nothing typed by a reader is ever
// inserted as HTML.
//
// This is a source file: tools/bundle.mjs bundles it with logic.js and ui.js into the one
// self-contained module widgets/static/exercise.js (anywidget imports `_esm` from a blob URL,
// where no relative import resolves).

import {
  encodeProfile, isCorrect, newSeed, profile, questionScore, same, shuffledOrder, chartRows,
} from "./logic.js";
import {
  announce, button, checkOrRetry, copyText, download, fill, h, number, scoreLine, showScore, statusRegion,
} from "./ui.js";

/** @typedef {import("./types.js").Model} Model */
/** @typedef {import("./types.js").CommonProps} CommonProps */
/** @typedef {import("./types.js").QuestionsProps} QuestionsProps */
/** @typedef {import("./types.js").ScanProps} ScanProps */
/** @typedef {import("./types.js").SortProps} SortProps */
/** @typedef {import("./types.js").QuestionAnswer} QuestionAnswer */

/**
 * The parts every exercise shares: heading, live region, score line and toolbar.
 * On the site, `el` already holds the heading and the static form (for readers without
 * JavaScript, and for print); they stay, and the interactive form goes beside them.
 * `keep` sets and saves this exercise's answers and result; answers changed elsewhere (another
 * tab of the site, the kernel in Jupyter) come to `redraw`, never saved back from here.
 * @param {HTMLElement} el
 * @param {CommonProps} props
 * @param {Model} model
 * @param {() => void} onReset
 * @param {(answers: any) => void} redraw
 */
function frame(el, props, model, onReset, redraw) {
  const title = el.querySelector(":scope > .isw-title") ??
    h("h3", { class: "isw-title", id: `${props.id}-title` }, props.title);
  const staticForm = el.querySelector(":scope > .isw-static");
  const live = h("div", { class: "isw-live" });
  fill(el, title, ...(staticForm ? [staticForm] : []), live);
  el.classList.add("isw-widget", `isw-${props.kind}`, "isw-hydrated");
  const status = statusRegion();
  const score = scoreLine();
  /** What this exercise last kept or drew: a change to the same answers is no news. */
  let shown = model.get("answers");
  let own = false;
  /** @param {unknown} answers @param {unknown} result @returns {unknown} the store's outcome on the site */
  const keep = (answers, result) => {
    own = true;
    try {
      model.set("answers", answers);
      model.set("result", result);
    } finally {
      own = false;
    }
    shown = answers;
    return model.save_changes();
  };
  model.on("change:answers", (/** @type {unknown} */ answers) => {
    if (own || same(answers, shown)) return;
    shown = answers;
    redraw(answers);
  });
  const toolbar = h("div", { class: "isw-toolbar" }, button("Opnieuw beginnen", () => {
    keep(null, null);
    onReset();
    announce(status, "Je antwoorden zijn gewist. Je kunt opnieuw beginnen.");
  }, true));
  if (el.id === props.id) {
    // A stable link for trainers: page address plus the exercise's id.
    toolbar.append(button("Kopieer link naar deze oefening", () => {
      const link = `${location.origin}${location.pathname}#${props.id}`;
      copyText(link, status, `Link gekopieerd: ${link}`, `Kopiëren lukte niet. De link is: ${link}`);
    }, true));
  }
  const body = h("div", { class: "isw-body" });
  if (props.intro) live.append(h("div", { class: "isw-intro", html: props.intro }));
  if (model.get("changed") === true) {
    live.append(changedNotice("Deze oefening is aangepast sinds je haar maakte. Je eerdere antwoorden gelden niet meer; maak haar opnieuw."));
  }
  // On Herhalen a question stands alone: its chapter keeps the reset and the link.
  live.append(body, score, status, ...(props.review ? [] : [toolbar]));
  return { body, status, score, keep };
}

/** Said where the author changed what a reader had answered (its fingerprint differs). */
/** @param {string} text */
function changedNotice(text) {
  return h("p", { class: "isw-changed" }, h("strong", {}, "Aangepast: "), text);
}

/**
 * A link back to the section of the text, named by that section's heading. `elsewhere`
 * ({href, title}) where the question is shown away from its chapter, on Herhalen. Live in a
 * notebook the section is not on the page: then the link leads to the published page
 * (`pageUrl`, from the book's base URL), or, with none set, the reader gets the advice without
 * a dead link.
 * @param {string | null} label
 * @param {{href: string, title: string} | undefined} elsewhere
 * @param {string | null | undefined} pageUrl
 */
function readMoreLink(label, elsewhere, pageUrl) {
  if (elsewhere) return h("p", { class: "isw-read-more" }, "Lees meer: ", h("a", { href: elsewhere.href }, `‘${elsewhere.title}’`));
  if (!label) return null;
  // Sphinx puts a label on an empty <span> at the top of its section.
  const target = document.getElementById(label);
  if (!target) {
    return pageUrl
      ? h("p", { class: "isw-read-more" }, "Lees meer: ", h("a", { href: `${pageUrl}#${label}` }, "de uitleg in de cursus"))
      : h("p", { class: "isw-read-more" }, "Lees de uitleg bij deze vraag nog eens na in de tekst.");
  }
  const section = target.closest("section");
  const heading = section?.querySelector(":scope > h1, :scope > h2, :scope > h3, :scope > h4");
  let title = "de tekst hierboven";
  if (heading) {
    const copy = /** @type {Element} */ (heading.cloneNode(true));
    for (const link of copy.querySelectorAll(".headerlink")) link.remove();
    title = `‘${(copy.textContent ?? "").trim()}’`;
  }
  return h("p", { class: "isw-read-more" }, "Lees meer: ", h("a", { href: `#${label}` }, title));
}

/**
 * An option's feedback without its opening "Juist." or "Niet juist.": the line before it says
 * that already, with a symbol ("✓ Juist antwoord"), so the verdict is given once.
 * @param {string} html
 */
const withoutVerdict = (html) => html.replace(/^(\s*(?:<p>)?\s*)(?:Niet juist|Onjuist|Juist)\.\s*/, "$1");

/** Mark text that tells right from wrong by a word and a symbol, never by colour alone. */
/** @param {boolean} good */
const verdict = (good) =>
  h("span", { class: good ? "isw-good" : "isw-wrong" }, good ? "✓ Goed" : "✗ Niet goed");

// ---------------------------------------------------------------- quiz and casus

/** How a question is scored, said above its options. */
const HOW_SCORED = {
  single: "Kies één antwoord.",
  multiple: "Kies alle juiste antwoorden. De vraag telt als goed als je precies de juiste antwoorden kiest, niet meer en niet minder.",
};

/** @param {HTMLElement} el @param {QuestionsProps} props @param {Model} model */
function renderQuestions(el, props, model) {
  /** @type {Record<string, QuestionAnswer>} */
  let answers = model.get("answers")?.questions ?? {};
  // The reader's own order of options comes from a seed kept with the answers; answers keep
  // the options' authored indices, so feedback and scores never depend on the order shown.
  if (typeof model.get("seed") !== "number") model.set("seed", newSeed());
  const parts = frame(el, props, model, () => {
    answers = {};
    model.set("seed", newSeed()); // a fresh start may bring a fresh order
    draw();
  }, (/** @type {{questions?: Record<string, QuestionAnswer>} | null} */ now) => {
    answers = now?.questions ?? {};
    draw(unchecked());
  });

  function save() {
    const { correct, answered, total } = questionScore(props.questions, answers);
    parts.keep({ questions: answers }, { score: correct, total, answered });
    score();
  }

  /** Options and certainty chosen but not yet checked: they stay when the questions are drawn
   * anew from another tab's save. @returns {Map<string, QuestionAnswer>} */
  function unchecked() {
    const chosen = new Map();
    for (const q of props.questions) {
      const base = `${props.id}-${q.id}`;
      /** @param {string} name */
      const picked = (name) => [...parts.body.querySelectorAll(`input[name="${name}"]:checked:not(:disabled)`)]
        .map((input) => /** @type {HTMLInputElement} */ (input).value);
      const options = picked(base).map(Number);
      const [confidence] = picked(`${base}-confidence`);
      if (options.length || confidence) chosen.set(q.id, { chosen: options, checked: false, confidence });
    }
    return chosen;
  }

  function score() {
    const { correct, answered, total } = questionScore(props.questions, answers);
    showScore(parts.score, answered === 0 ? null : `Score: ${correct} van ${total} vragen goed` +
      (answered < total ? ` (${answered} beantwoord).` : "."));
  }

  function draw(pending = new Map()) {
    fill(parts.body, ...props.questions.map((q, index) => question(q, index, pending.get(q.id))));
    score();
  }

  /**
   * @param {import("./types.js").Question} q @param {number} index
   * @param {QuestionAnswer} [pending]  chosen here, not yet checked
   * @returns {HTMLFieldSetElement}
   */
  function question(q, index, pending) {
    const base = `${props.id}-${q.id}`;
    // On Herhalen each card holds one question: its number is the card's place in the list.
    const [place, of] = props.position ?? [index + 1, props.questions.length];
    const state = (answers[q.id]?.checked ? null : pending) ?? answers[q.id] ?? { chosen: [], checked: false };
    // The host names the questions whose saved answer was for an older version of them.
    const changed = !answers[q.id] && (model.get("changed") ?? []).includes?.(q.id);
    const hint = h("p", { class: "isw-hint", id: `${base}-hint` }, q.multiple ? HOW_SCORED.multiple : HOW_SCORED.single);
    const order = shuffledOrder(q.options.length, model.get("seed"), q.id);
    const options = order.map((i) => {
      const option = q.options[i];
      const chosen = state.chosen.includes(i);
      const row = h("div", { class: "isw-option" },
        h("input", { type: q.multiple ? "checkbox" : "radio", name: base, id: `${base}-${i}`,
          value: String(i), checked: chosen, disabled: state.checked }),
        h("label", { for: `${base}-${i}`, html: option.html }));
      if (state.checked) {
        row.append(h("p", { class: "isw-option-feedback" },
          h("span", { class: option.correct ? "isw-good" : "isw-wrong" },
            option.correct ? "✓ Juist antwoord" : "✗ Onjuist antwoord"),
          chosen ? h("span", { class: "isw-chosen" }, " (jouw keuze)") : null,
          ": ", h("span", { class: "isw-feedback-text", html: withoutVerdict(option.feedback) })));
        if (chosen) row.classList.add("isw-was-chosen");
        row.classList.add(option.correct ? "isw-is-correct" : "isw-is-wrong");
      }
      return row;
    });
    const fieldset = h("fieldset", { class: "isw-question", id: base, "aria-describedby": `${base}-hint` },
      h("legend", {}, h("span", { class: "isw-count" }, `Vraag ${place} van ${of}: `),
        h("span", { html: q.html })),
      changed ? changedNotice("Deze vraag is aangepast sinds je hem beantwoordde. Je oude antwoord telt niet meer; beantwoord hem opnieuw.") : null,
      hint, ...options, state.checked ? null : confidenceChoice(base, state.confidence));
    // tabindex -1: after a check, focus goes here, out of the way of a second Enter.
    const result = h("div", { class: "isw-result", id: `${base}-result`, tabindex: -1 });
    if (state.checked) {
      const good = isCorrect(q, state.chosen);
      fill(result, h("p", { class: "isw-verdict" }, verdict(good), good ? "" : " Lees de toelichting bij de antwoorden."),
        state.confidence ? h("p", { class: "isw-confidence-said" }, confidenceSaid(state.confidence, good, props.confidence)) : null,
        readMoreLink(q.read_more, q.read_more_elsewhere, props.page_url));
    }
    fieldset.append(result, checkOrRetry(state.checked, check, retry));

    function check() {
      const chosen = [...fieldset.querySelectorAll(`input[name="${base}"]:checked`)]
        .map((input) => Number(/** @type {HTMLInputElement} */ (input).value));
      if (chosen.length === 0) {
        // Said beside the question, where the reader looks, and read out.
        fill(result, h("p", { class: "isw-missing" }, "Kies eerst een antwoord."));
        announce(parts.status, `Vraag ${place}: kies eerst een antwoord.`, true);
        return;
      }
      // Kept with the answer: whether it was right, how sure the reader was, which version of
      // the question it answers, and when (for Herhalen's boxes and the calibration).
      const confidence = /** @type {HTMLInputElement | null} */ (fieldset.querySelector(`input[name="${base}-confidence"]:checked`))
        ?.value ?? null;
      answers = { ...answers, [q.id]: { chosen, checked: true, correct: isCorrect(q, chosen), confidence,
        fingerprint: q.fingerprint, at: new Date().toISOString() } };
      save();
      const fresh = question(q, index);
      fieldset.replaceWith(fresh);
      // Say what the page now shows: the verdict and the feedback on the chosen options.
      const said = [...fresh.querySelectorAll(".isw-was-chosen .isw-feedback-text")]
        .map((feedback) => feedback.textContent.trim()).join(" ");
      const sure = confidence ? ` ${confidenceSaid(confidence, isCorrect(q, chosen), props.confidence)}` : "";
      announce(parts.status, `Vraag ${place}: ${isCorrect(q, chosen) ? "goed" : "niet goed"}.${sure} ${said}`, true);
      // Focus on the verdict, not on "Probeer opnieuw": a second Enter must not erase the answer.
      /** @type {HTMLElement | null} */ (fresh.querySelector(".isw-result"))?.focus();
    }

    function retry() {
      answers = { ...answers, [q.id]: { chosen: [], checked: false, fingerprint: q.fingerprint } };
      save();
      const fresh = question(q, index);
      fieldset.replaceWith(fresh);
      fresh.querySelector("input")?.focus();
      announce(parts.status, `Vraag ${place}: probeer het opnieuw.`, true);
    }

    return fieldset;
  }

  /** "Hoe zeker ben je?": optional, chosen before checking; its values are props.confidence. */
  /** @param {string} base @param {string | null | undefined} chosen */
  function confidenceChoice(base, chosen) {
    if (!props.confidence) return null;
    const name = `${base}-confidence`;
    return h("fieldset", { class: "isw-confidence" },
      h("legend", {}, "Hoe zeker ben je? ", h("span", { class: "isw-optional" }, "(niet verplicht)")),
      props.confidence.map((level) => h("span", { class: "isw-confidence-choice" },
        h("input", { type: "radio", name, id: `${name}-${level}`, value: level, checked: chosen === level }),
        h("label", { for: `${name}-${level}` }, level))));
  }

  draw();
}

/**
 * What the reader said about their certainty, and what it means now the answer is known.
 * @param {string} level
 * @param {boolean} good
 * @param {string[]} levels  props.confidence, the most sure first
 */
function confidenceSaid(level, good, levels) {
  if (level === levels[0] && !good) {
    return "Je was zeker, maar dit klopt niet. Lees de uitleg goed: zo'n verrassing onthoud je vaak het best.";
  }
  return `Je zei vooraf: ${level}.`;
}

// ---------------------------------------------------------------- self-scan

/** @param {HTMLElement} el @param {ScanProps} props @param {Model} model */
function renderScan(el, props, model) {
  /** @type {Record<string, number>} */
  let scores = model.get("answers")?.scores ?? {};
  const parts = frame(el, props, model, () => { scores = {}; draw(); },
    (/** @type {{scores?: Record<string, number>} | null} */ now) => { scores = now?.scores ?? {}; draw(); });
  const low = props.scale_min;
  const high = props.scale_max;
  const table = h("table", { class: "isw-profile-table" });
  const texts = h("div", { class: "isw-profile-texts" });
  const chart = h("div", { class: "isw-chart", hidden: true, role: "img",
    "aria-label": "Staafdiagram van je profiel. De tabel hieronder geeft dezelfde scores." });
  const chartFailed = h("p", { class: "isw-chart-failed", hidden: true },
    "De grafiek kan hier niet worden getekend. De tabel hieronder geeft dezelfde scores.");
  const codeField = h("input", { type: "text", readonly: true, id: `${props.id}-code`, class: "isw-code" });
  const share = h("div", { class: "isw-share", hidden: true },
    h("label", { for: `${props.id}-code` }, "Jouw resultaatcode voor de teampagina (zonder naam):"),
    codeField,
    button("Kopieer code", () => copyText(codeField.value, parts.status, "De code is gekopieerd.",
      "Kopiëren lukte niet; de code is geselecteerd, kopieer hem zelf.", () => codeField.select()), true));
  // A region named by its heading: aria-labelledby names nothing on an element without a role.
  const result = h("div", { class: "isw-profile", role: "region", "aria-labelledby": `${props.id}-profile` },
    h("h4", { id: `${props.id}-profile` }, "Jouw profiel"),
    h("p", { class: "isw-hint" }, "Dit profiel is een spiegel, geen cijfer. Het verandert mee met je antwoorden."),
    chart, chartFailed, h("div", { class: "isw-table-scroll", tabindex: "0" }, table), texts, share);

  /** @param {ScanProps["statements"][number]} s @param {number} index */
  function statement(s, index) {
    const name = `${props.id}-${s.id}`;
    const choices = props.scale.map((label, i) => {
      const value = low + i;
      const input = h("input", { type: "radio", name, id: `${name}-${value}`, value: String(value),
        checked: scores[s.id] === value });
      input.addEventListener("change", () => {
        scores = { ...scores, [s.id]: value };
        save();
        const now = profile(props, scores).find((d) => d.id === s.dimension);
        if (!now) return;
        announce(parts.status, now.mean === null
          ? `${now.name}: nog ${now.missing} ${now.missing === 1 ? "uitspraak" : "uitspraken"} te gaan.`
          : `${now.name}: ${number(now.mean)}, ${String(now.band_name).toLowerCase()}.`);
      });
      return h("div", { class: "isw-scale-choice" }, input,
        h("label", { for: `${name}-${value}` }, h("span", { class: "isw-scale-value" }, String(value)), ` ${label}`));
    });
    return h("fieldset", { class: "isw-statement" },
      h("legend", {}, h("span", { class: "isw-count" }, `${index + 1}. `), h("span", { html: s.html })),
      h("div", { class: "isw-scale" }, choices));
  }

  function save() {
    const rows = profile(props, scores);
    parts.keep({ scores }, { profile: rows.map(({ id, name, mean, band }) => ({ id, name, mean, band })) });
    showProfile(profile(props, scores)); // as kept: the store may have drawn other scores (another tab's)
  }

  /** @param {import("./logic.js").ProfileRow[]} rows */
  function showProfile(rows) {
    fill(table,
      h("caption", {}, `Gemiddelde score per dimensie (${low} tot ${high})`),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Dimensie"), h("th", { scope: "col" }, "Score"),
        h("th", { scope: "col" }, "Uitkomst"))),
      h("tbody", {}, rows.map((row) => h("tr", {},
        h("th", { scope: "row" }, row.name),
        h("td", {}, row.mean === null ? "–" : number(row.mean)),
        h("td", {}, row.mean === null ? `nog ${row.missing} te beantwoorden` : row.band_name)))));
    fill(texts, ...rows.filter((row) => row.mean !== null).map((row) => {
      const dimension = props.dimensions.find((d) => d.id === row.id);
      return h("p", {}, h("strong", {}, `${row.name} (${String(row.band_name).toLowerCase()}): `),
        h("span", { html: dimension?.[String(row.band)] }));
    }));
    const code = encodeProfile(props, rows);
    share.hidden = code === null;
    codeField.value = code ?? "";
    drawChart(rows);
  }

  /** The chart appears, and Vega loads, once a dimension is complete. */
  /** @param {import("./logic.js").ProfileRow[]} rows */
  async function drawChart(rows) {
    if (!props.chart || rows.every((row) => row.mean === null)) {
      chart.hidden = true;
      return;
    }
    // Live in Jupyter anywidget runs this module from a blob URL, beside which there is no
    // chart module and no Vega bundle: there the table below says it all.
    if (new URL(import.meta.url).protocol === "blob:") {
      chart.hidden = true;
      return;
    }
    try {
      // A variable, not a literal: the bundler leaves this import to the browser.
      const chartModule = `./chart.js${new URL(import.meta.url).search}`;
      const { showChart } = await import(chartModule);
      chart.hidden = false;
      const { spec, data } = props.chart;
      await showChart(chart, spec, {
        [data.name]: chartRows(data, rows.map((row) => ({ dimension: row.name, score: row.mean }))),
      });
      chartFailed.hidden = true;
    } catch (error) {
      // Said in the chart's place (the table still gives the same scores); the reason goes to
      // the console for whoever maintains the site.
      console.error("De grafiek van het profiel kon niet worden getekend", error);
      chart.hidden = true;
      chartFailed.hidden = false;
    }
  }

  function draw() {
    fill(parts.body,
      h("p", { class: "isw-hint" },
        `Kies bij elke uitspraak hoe goed die bij jou past: ${low} is ${props.scale[0]}, ${high} is ${props.scale.at(-1)}.`),
      ...props.statements.map(statement), result);
    showProfile(profile(props, scores));
  }

  draw();
}

// ---------------------------------------------------------------- sort

/** @param {HTMLElement} el @param {SortProps} props @param {Model} model */
function renderSort(el, props, model) {
  /** @type {{placed: Record<string, string>, checked: boolean}} */
  let state = model.get("answers") ?? { placed: {}, checked: false };
  const parts = frame(el, props, model, () => { state = { placed: {}, checked: false }; draw(); },
    (/** @type {typeof state | null} */ now) => { state = now ?? { placed: {}, checked: false }; draw(); });
  const correctCount = () => props.items.filter((item) => state.placed[item.id] === item.category).length;

  function save() {
    parts.keep(state, state.checked ? { score: correctCount(), total: props.items.length } : null);
  }

  function check() {
    const open = props.items.filter((item) => !state.placed[item.id]).length;
    if (open) {
      announce(parts.status, `Kies eerst bij elke situatie een categorie. Nog ${open} open.`);
      return;
    }
    state = { ...state, checked: true };
    save();
    draw();
    announce(parts.status, `${correctCount()} van ${props.items.length} goed. De toelichting staat bij elke situatie.`, true);
    // As with a question: focus on the result, so a second Enter does not undo the check.
    /** @type {HTMLElement | null} */ (parts.body.querySelector(".isw-sort-list"))?.focus();
  }

  function retry() {
    state = { ...state, checked: false };
    save();
    draw();
    parts.body.querySelector("select")?.focus();
    announce(parts.status, "Pas je keuzes aan en controleer opnieuw.");
  }

  function draw() {
    const rows = props.items.map((item) => {
      const id = `${props.id}-${item.id}`;
      const select = h("select", { id, disabled: state.checked },
        h("option", { value: "" }, "Kies een categorie…"),
        props.categories.map((c) => h("option", { value: c.id, selected: state.placed[item.id] === c.id }, c.name)));
      select.addEventListener("change", () => {
        state = { ...state, placed: { ...state.placed, [item.id]: select.value } };
        save();
      });
      const row = h("li", { class: "isw-sort-item" }, h("label", { for: id, html: item.html }), select);
      if (state.checked) {
        const good = state.placed[item.id] === item.category;
        const right = props.categories.find((c) => c.id === item.category)?.name;
        row.append(h("p", { class: "isw-option-feedback" }, verdict(good),
          good ? " " : ` Het juiste antwoord is ${right}. `, h("span", { html: item.feedback })));
        row.classList.add(good ? "isw-is-correct" : "isw-is-wrong");
      }
      return row;
    });
    fill(parts.body, h("ol", { class: "isw-sort-list", tabindex: -1 }, rows), checkOrRetry(state.checked, check, retry));
    showScore(parts.score, state.checked ? `Score: ${correctCount()} van ${props.items.length} goed.` : null);
  }

  draw();
}

// ---------------------------------------------------------------- reflection

/** @param {HTMLElement} el @param {CommonProps} props @param {Model} model */
function renderReflection(el, props, model) {
  const parts = frame(el, props, model, () => { area.value = ""; printed.textContent = ""; saved.textContent = ""; },
    (/** @type {{text?: string} | null} */ now) => elsewhere(now?.text ?? ""));
  const id = `${props.id}-text`;
  const area = h("textarea", { id, rows: 7, class: "isw-textarea" });
  area.value = model.get("answers")?.text ?? "";
  const saved = h("p", { class: "isw-hint", id: `${id}-saved` });
  const printed = h("div", { class: "isw-print-answer" }, area.value);
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const keepText = () => {
    clearTimeout(timer);
    timer = undefined;
    const text = area.value;
    // The site's store says whether it was kept (loader.js); Jupyter's model says nothing.
    const outcome = /** @type {{ok?: boolean, text?: string} | undefined} */ (parts.keep(text ? { text } : null,
      text ? { words: text.trim().split(/\s+/).filter(Boolean).length } : null));
    saved.textContent = outcome?.ok === false ? String(outcome.text) : "Bewaard in deze browser.";
  };
  /**
   * The text changed elsewhere (another tab saved or erased it). What the reader is typing
   * here and has not yet been kept stays, and is kept in a moment as always: the newest typing
   * wins, and the reader is told. Otherwise the field shows the other tab's text.
   * @param {string} text
   */
  function elsewhere(text) {
    if (text === area.value) return;
    const said = timer !== undefined
      ? "Let op: in een ander tabblad is dit antwoord intussen veranderd. Hier blijft staan wat je nu typt; dat wordt bewaard en vervangt de tekst uit het andere tabblad."
      : "Bijgewerkt: in een ander tabblad is dit antwoord veranderd. Hier staat nu die tekst.";
    if (timer === undefined) {
      area.value = text;
      printed.textContent = text;
    }
    saved.textContent = said;
    announce(parts.status, said);
  }
  area.addEventListener("input", () => {
    printed.textContent = area.value;
    clearTimeout(timer);
    timer = setTimeout(keepText, 400);
  });
  // A reload or a closed tab within the 400 ms still keeps what was typed.
  globalThis.addEventListener?.("pagehide", () => { if (timer !== undefined) keepText(); });
  const downloadButton = button("Download als tekstbestand", () => {
    const intro = el.querySelector(".isw-intro")?.textContent.trim() ?? "";
    download(`${props.id}.txt`, new Blob([`${props.title}\n\n${intro}\n\n${area.value}\n`],
      { type: "text/plain;charset=utf-8" }));
    announce(parts.status, "Je antwoord is gedownload als tekstbestand.");
  }, true);
  const print = button("Druk af", () => {
    // The print stylesheet shows only this exercise while the class is on <html>.
    document.documentElement.classList.add("isw-print-one");
    el.classList.add("isw-print-this");
    window.addEventListener("afterprint", () => {
      document.documentElement.classList.remove("isw-print-one");
      el.classList.remove("isw-print-this");
    }, { once: true });
    window.print();
  }, true);
  fill(parts.body,
    h("label", { for: id, class: "isw-label" }, "Jouw antwoord (blijft alleen in deze browser)"),
    area, saved, printed, h("div", { class: "isw-actions" }, downloadButton, print));
}

// ---------------------------------------------------------------- entry point

/**
 * The code for each kind of exercise that widgets/_schema.py defines.
 * @type {Record<string, (el: HTMLElement, props: any, model: Model) => void>}
 */
const RENDERERS = {
  quiz: renderQuestions,
  casus: renderQuestions,
  scan: renderScan,
  sort: renderSort,
  reflectie: renderReflection,
};

/**
 * anywidget's entry point; the static site's loader calls it the same way.
 * @param {{model: Model, el: HTMLElement}} host
 */
function render({ model, el }) {
  const props = model.get("props");
  const kind = RENDERERS[props.kind];
  if (!kind) throw new Error(`Onbekende soort oefening: ${props.kind}`);
  kind(el, props, model);
  el.addEventListener("keydown", keepKeys);
  return () => el.removeEventListener("keydown", keepKeys);
}

/**
 * Live in JupyterLab a key pressed in an exercise bubbles up to the notebook, whose shortcuts
 * act on it: the arrow keys move the active cell instead of the choice, `b` adds a cell.
 * Keys stay in the exercise; Escape (back to the notebook) and Ctrl/⌘ shortcuts go on.
 * @param {KeyboardEvent} event
 */
function keepKeys(event) {
  if (event.key !== "Escape" && !event.ctrlKey && !event.metaKey) event.stopPropagation();
}

export default { render };
