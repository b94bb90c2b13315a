// The behaviour of every exercise kind, in one ES module with anywidget's contract:
// `render({model, el})`. Live in Jupyter, anywidget calls it with the kernel's model; on the
// static site, loader.js calls it with a small in-browser model. All texts in `props` are
// HTML made safe at build time (widgets/_markdown.py); nothing typed by a reader is ever
// inserted as HTML.

/**
 * @typedef {{
 *   get(name: string): any,
 *   set(name: string, value: any): void,
 *   on(event: string, callback: Function): void,
 *   off(event: string, callback?: Function): void,
 *   save_changes(): void,
 * }} Model
 */

/** Create an element with attributes and children (strings become text, never HTML). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "html") element.innerHTML = value; // trusted: sanitised at build time
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

export const number = (value) => value.toLocaleString("nl-NL", { maximumFractionDigits: 1 });

/**
 * The parts every exercise shares: heading, live region, score line and toolbar.
 * On the site, `el` already holds the heading and the static form (for readers without
 * JavaScript, and for print); they stay, and the interactive form goes beside them.
 */
function frame(el, props, model, onReset) {
  const title = el.querySelector(":scope > .isw-title") ??
    h("h3", { class: "isw-title", id: `${props.id}-title` }, props.title);
  const staticForm = el.querySelector(":scope > .isw-static");
  const live = h("div", { class: "isw-live" });
  el.replaceChildren(title, ...(staticForm ? [staticForm] : []), live);
  el.classList.add("isw-widget", `isw-${props.kind}`, "isw-hydrated");
  const status = h("div", { class: "isw-status", role: "status", "aria-live": "polite" });
  const score = h("p", { class: "isw-score", hidden: true });
  const resetButton = h("button", { type: "button", class: "isw-button isw-secondary" }, "Opnieuw beginnen");
  const toolbar = h("div", { class: "isw-toolbar" }, resetButton);
  resetButton.addEventListener("click", () => {
    model.set("answers", null);
    model.set("result", null);
    model.save_changes();
    onReset();
    announce(status, "Je antwoorden zijn gewist. Je kunt opnieuw beginnen.");
  });
  if (el.id === props.id) toolbar.append(copyLinkButton(props.id, status));
  const body = h("div", { class: "isw-body" });
  if (props.intro) live.append(h("div", { class: "isw-intro", html: props.intro }));
  live.append(body, score, status, toolbar);
  return { body, status, score };
}

/** A button that copies a stable link to this exercise, for trainers. */
function copyLinkButton(id, status) {
  return h("button", {
    type: "button",
    class: "isw-button isw-secondary",
    onclick: async () => {
      const link = `${location.origin}${location.pathname}#${id}`;
      try {
        await navigator.clipboard.writeText(link);
        announce(status, `Link gekopieerd: ${link}`);
      } catch {
        announce(status, `Kopiëren lukte niet. De link is: ${link}`);
      }
    },
  }, "Kopieer link naar deze oefening");
}

/** Say something in the live region; a screen reader reads it out. */
export function announce(status, text) {
  status.textContent = "";
  // A fresh text node after clearing makes repeated identical messages announce again.
  requestAnimationFrame(() => { status.textContent = text; });
}

/**
 * A link back to the section of the text, named by that section's heading. Live in a notebook
 * the section is not on the page: then the link leads to the published page (`pageUrl`, from
 * the book's base URL), or, with none set, the reader gets the advice without a dead link.
 */
function readMoreLink(label, pageUrl) {
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
    const copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach((link) => link.remove());
    title = `‘${copy.textContent.trim()}’`;
  }
  return h("p", { class: "isw-read-more" }, "Lees meer: ", h("a", { href: `#${label}` }, title));
}

/** Mark text that tells right from wrong by a word and a symbol, never by colour alone. */
const verdict = (good) =>
  h("span", { class: good ? "isw-good" : "isw-wrong" }, good ? "✓ Goed" : "✗ Niet goed");

// ---------------------------------------------------------------- quiz and casus

function renderQuestions(el, props, model) {
  /** @type {Record<string, {chosen: number[], checked: boolean}>} */
  let answers = model.get("answers")?.questions ?? {};
  const parts = frame(el, props, model, () => { answers = {}; draw(); });

  function save() {
    const checked = props.questions.filter((q) => answers[q.id]?.checked);
    const correct = checked.filter((q) => isCorrect(q, answers[q.id].chosen)).length;
    model.set("answers", { questions: answers });
    model.set("result", { score: correct, total: props.questions.length, answered: checked.length });
    model.save_changes();
    showScore(correct, checked.length);
  }

  function showScore(correct, answered) {
    parts.score.hidden = answered === 0;
    parts.score.textContent = `Score: ${correct} van ${props.questions.length} vragen goed` +
      (answered < props.questions.length ? ` (${answered} beantwoord).` : ".");
  }

  function draw() {
    parts.body.replaceChildren(...props.questions.map((q, index) => question(q, index)));
    const checked = props.questions.filter((q) => answers[q.id]?.checked);
    showScore(checked.filter((q) => isCorrect(q, answers[q.id].chosen)).length, checked.length);
  }

  function question(q, index) {
    const base = `${props.id}-${q.id}`;
    const state = answers[q.id] ?? { chosen: [], checked: false };
    const hint = h("p", { class: "isw-hint", id: `${base}-hint` },
      q.multiple ? "Kies alle juiste antwoorden." : "Kies één antwoord.");
    const options = q.options.map((option, i) => {
      const input = h("input", {
        type: q.multiple ? "checkbox" : "radio",
        name: base,
        id: `${base}-${i}`,
        value: String(i),
        checked: state.chosen.includes(i),
        disabled: state.checked,
      });
      const row = h("div", { class: "isw-option" }, input,
        h("label", { for: `${base}-${i}`, html: option.html }));
      if (state.checked) {
        const chosen = state.chosen.includes(i);
        row.append(h("p", { class: "isw-option-feedback" },
          h("span", { class: option.correct ? "isw-good" : "isw-wrong" },
            option.correct ? "✓ Juist antwoord" : "✗ Onjuist antwoord"),
          chosen ? h("span", { class: "isw-chosen" }, " (jouw keuze)") : null,
          ". ", h("span", { html: option.feedback })));
        if (chosen) row.classList.add("isw-was-chosen");
        row.classList.add(option.correct ? "isw-is-correct" : "isw-is-wrong");
      }
      return row;
    });
    const check = h("button", { type: "button", class: "isw-button" }, "Controleer");
    const retry = h("button", { type: "button", class: "isw-button isw-secondary" }, "Probeer opnieuw");
    const fieldset = h("fieldset", { class: "isw-question", id: base, "aria-describedby": `${base}-hint` },
      h("legend", {}, h("span", { class: "isw-count" }, `Vraag ${index + 1} van ${props.questions.length}: `),
        h("span", { html: q.html })),
      hint, ...options);
    const actions = h("div", { class: "isw-actions" }, state.checked ? retry : check);
    const result = h("div", { class: "isw-result" });
    if (state.checked) {
      const good = isCorrect(q, state.chosen);
      result.append(h("p", { class: "isw-verdict" }, verdict(good), good ? "" : " Lees de toelichting bij de antwoorden."),
        readMoreLink(q.read_more, props.page_url));
    }
    fieldset.append(result, actions);

    check.addEventListener("click", () => {
      const chosen = [...fieldset.querySelectorAll("input:checked")].map((input) => Number(input.value));
      if (chosen.length === 0) {
        announce(parts.status, `Vraag ${index + 1}: kies eerst een antwoord.`);
        return;
      }
      answers = { ...answers, [q.id]: { chosen, checked: true } };
      save();
      const fresh = question(q, index);
      fieldset.replaceWith(fresh);
      const good = isCorrect(q, chosen);
      const said = q.options.filter((_, i) => chosen.includes(i))
        .map((option) => option.feedback.replace(/<[^>]+>/g, "")).join(" ");
      announce(parts.status, `Vraag ${index + 1}: ${good ? "goed" : "niet goed"}. ${said}`);
      fresh.querySelector(".isw-actions button").focus();
    });
    retry.addEventListener("click", () => {
      answers = { ...answers, [q.id]: { chosen: [], checked: false } };
      save();
      const fresh = question(q, index);
      fieldset.replaceWith(fresh);
      fresh.querySelector("input").focus();
      announce(parts.status, `Vraag ${index + 1}: probeer het opnieuw.`);
    });
    return fieldset;
  }

  draw();
}

/** Right when the chosen options are exactly the correct ones. */
function isCorrect(q, chosen) {
  return q.options.every((option, i) => option.correct === chosen.includes(i));
}

// ---------------------------------------------------------------- self-scan

/** Mean score per dimension (null while a statement of it is unanswered) and its band. */
export function profile(props, scores) {
  return props.dimensions.map((dimension) => {
    const mine = props.statements.filter((s) => s.dimension === dimension.id);
    const given = mine.map((s) => scores[s.id]).filter((v) => typeof v === "number");
    const mean = given.length === mine.length ? given.reduce((a, b) => a + b, 0) / given.length : null;
    const band = mean === null ? null : [...props.bands].reverse().find((b) => mean >= b.floor);
    return { id: dimension.id, name: dimension.name, mean, band: band?.id ?? null,
      band_name: band?.name ?? null, missing: mine.length - given.length };
  });
}

// A result code carries one scan's profile to the team page, with no name in it:
// IS1.<scan id>.<mean × 10 per dimension, joined by ->.<check>. The check catches typing
// and copying mistakes; the team page refuses codes whose check does not match.
const CODE_VERSION = "IS1";

function checksum(text) {
  let sum = 0;
  for (const char of text) sum = (sum * 31 + char.codePointAt(0)) % 1296;
  return sum.toString(36).padStart(2, "0");
}

/** The code for a complete profile, or null while a dimension is open. */
export function encodeProfile(scanId, rows) {
  if (rows.some((row) => row.mean === null)) return null;
  const body = `${CODE_VERSION}.${scanId}.${rows.map((row) => Math.round(row.mean * 10)).join("-")}`;
  return `${body}.${checksum(body)}`;
}

/**
 * Read a code back; throws an Error with a Dutch message when it is broken or unknown.
 * @param {string} code
 * @param {Record<string, {title: string, dimensions: string[]}>} scans  the scans the book has
 */
export function decodeProfile(code, scans) {
  const parts = code.trim().split(".");
  if (parts.length !== 4 || parts[0] !== CODE_VERSION) {
    throw new Error("dit is geen resultaatcode van deze cursus (die begint met IS1.)");
  }
  const [version, scanId, values, check] = parts;
  if (checksum(`${version}.${scanId}.${values}`) !== check) {
    throw new Error("de code is beschadigd of aangepast: het controlegetal klopt niet");
  }
  const scan = scans[scanId];
  if (!scan) throw new Error(`de zelfscan '${scanId}' bestaat niet in deze cursus`);
  const numbers = values.split("-").map(Number);
  if (numbers.length !== scan.dimensions.length || numbers.some((n) => !Number.isInteger(n) || n < 10 || n > 50)) {
    throw new Error("de scores in de code passen niet bij deze zelfscan");
  }
  return { scanId, scores: numbers.map((n) => n / 10) };
}

function renderScan(el, props, model) {
  /** @type {Record<string, number>} */
  let scores = model.get("answers")?.scores ?? {};
  const parts = frame(el, props, model, () => { scores = {}; draw(); });
  const table = h("table", { class: "isw-profile-table" });
  const texts = h("div", { class: "isw-profile-texts" });
  const chart = h("div", { class: "isw-chart", hidden: true, role: "img",
    "aria-label": "Staafdiagram van je profiel. De tabel hieronder geeft dezelfde scores." });
  const codeField = h("input", { type: "text", readonly: true, id: `${props.id}-code`, class: "isw-code" });
  const share = h("div", { class: "isw-share", hidden: true },
    h("label", { for: `${props.id}-code` }, "Jouw resultaatcode voor de teampagina (zonder naam):"),
    codeField,
    h("button", { type: "button", class: "isw-button isw-secondary", onclick: async () => {
      try {
        await navigator.clipboard.writeText(codeField.value);
        announce(parts.status, "De code is gekopieerd.");
      } catch {
        codeField.select();
        announce(parts.status, "Kopiëren lukte niet; de code is geselecteerd, kopieer hem zelf.");
      }
    } }, "Kopieer code"));
  const result = h("div", { class: "isw-profile", "aria-labelledby": `${props.id}-profile` },
    h("h4", { id: `${props.id}-profile` }, "Jouw profiel"),
    h("p", { class: "isw-hint" }, "Dit profiel is een spiegel, geen cijfer. Het verandert mee met je antwoorden."),
    chart, h("div", { class: "isw-table-scroll" }, table), texts, share);

  function statement(s, index) {
    const name = `${props.id}-${s.id}`;
    const choices = props.scale.map((label, i) => {
      const value = i + 1;
      const input = h("input", { type: "radio", name, id: `${name}-${value}`, value: String(value),
        checked: scores[s.id] === value });
      input.addEventListener("change", () => {
        scores = { ...scores, [s.id]: value };
        save();
        const now = profile(props, scores).find((d) => d.id === s.dimension);
        announce(parts.status, now.mean === null
          ? `${now.name}: nog ${now.missing} ${now.missing === 1 ? "uitspraak" : "uitspraken"} te gaan.`
          : `${now.name}: ${number(now.mean)}, ${now.band_name.toLowerCase()}.`);
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
    model.set("answers", { scores });
    model.set("result", { profile: rows.map(({ id, name, mean, band }) => ({ id, name, mean, band })) });
    model.save_changes();
    showProfile(rows);
  }

  function showProfile(rows) {
    table.replaceChildren(
      h("caption", {}, "Gemiddelde score per dimensie (1 tot 5)"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Dimensie"), h("th", { scope: "col" }, "Score"),
        h("th", { scope: "col" }, "Uitkomst"))),
      h("tbody", {}, rows.map((row) => h("tr", {},
        h("th", { scope: "row" }, row.name),
        h("td", {}, row.mean === null ? "–" : number(row.mean)),
        h("td", {}, row.mean === null ? `nog ${row.missing} te beantwoorden` : row.band_name)))));
    texts.replaceChildren(...rows.filter((row) => row.mean !== null).map((row) => {
      const dimension = props.dimensions.find((d) => d.id === row.id);
      return h("p", {}, h("strong", {}, `${row.name} (${row.band_name.toLowerCase()}): `),
        h("span", { html: dimension[row.band] }));
    }));
    const code = encodeProfile(props.id, rows);
    share.hidden = code === null;
    codeField.value = code ?? "";
    drawChart(rows);
  }

  /** The chart appears, and Vega loads, once a dimension is complete. */
  async function drawChart(rows) {
    const complete = rows.some((row) => row.mean !== null);
    if (!props.chart || !complete) {
      chart.hidden = true;
      return;
    }
    try {
      const { showChart } = await import(`./chart.js${new URL(import.meta.url).search}`);
      chart.hidden = false;
      await showChart(chart, props.chart, {
        profiel: rows.map((row) => ({ dimensie: row.name, score: row.mean })),
      });
    } catch {
      chart.hidden = true; // live in Jupyter there is no Vega bundle: the table says it all
    }
  }

  function draw() {
    parts.body.replaceChildren(
      h("p", { class: "isw-hint" }, "Kies bij elke uitspraak hoe goed die bij jou past: 1 is helemaal niet, 5 is helemaal wel."),
      ...props.statements.map(statement), result);
    showProfile(profile(props, scores));
  }

  draw();
}

// ---------------------------------------------------------------- sort

function renderSort(el, props, model) {
  let state = model.get("answers") ?? { placed: {}, checked: false };
  const parts = frame(el, props, model, () => { state = { placed: {}, checked: false }; draw(); });

  function save() {
    const correct = props.items.filter((item) => state.placed[item.id] === item.category).length;
    model.set("answers", state);
    model.set("result", state.checked ? { score: correct, total: props.items.length } : null);
    model.save_changes();
    return correct;
  }

  function draw() {
    const rows = props.items.map((item, index) => {
      const id = `${props.id}-${item.id}`;
      const select = h("select", { id, disabled: state.checked },
        h("option", { value: "" }, "Kies een categorie…"),
        props.categories.map((c) => h("option", { value: c.id, selected: state.placed[item.id] === c.id }, c.name)));
      select.addEventListener("change", () => {
        state = { ...state, placed: { ...state.placed, [item.id]: select.value } };
        save();
      });
      const row = h("li", { class: "isw-sort-item" },
        h("label", { for: id, html: item.html }), select);
      if (state.checked) {
        const good = state.placed[item.id] === item.category;
        const right = props.categories.find((c) => c.id === item.category).name;
        row.append(h("p", { class: "isw-option-feedback" }, verdict(good),
          good ? " " : ` Het juiste antwoord is ${right}. `, h("span", { html: item.feedback })));
        row.classList.add(good ? "isw-is-correct" : "isw-is-wrong");
      }
      return row;
    });
    const check = h("button", { type: "button", class: "isw-button" }, "Controleer");
    const retry = h("button", { type: "button", class: "isw-button isw-secondary" }, "Probeer opnieuw");
    check.addEventListener("click", () => {
      const open = props.items.filter((item) => !state.placed[item.id]).length;
      if (open) {
        announce(parts.status, `Kies eerst bij elke situatie een categorie. Nog ${open} open.`);
        return;
      }
      state = { ...state, checked: true };
      const correct = save();
      draw();
      announce(parts.status, `${correct} van ${props.items.length} goed. De toelichting staat bij elke situatie.`);
      parts.body.querySelector(".isw-actions button").focus();
    });
    retry.addEventListener("click", () => {
      state = { ...state, checked: false };
      save();
      draw();
      parts.body.querySelector("select").focus();
      announce(parts.status, "Pas je keuzes aan en controleer opnieuw.");
    });
    parts.body.replaceChildren(h("ol", { class: "isw-sort-list" }, rows),
      h("div", { class: "isw-actions" }, state.checked ? retry : check));
    const correct = props.items.filter((item) => state.placed[item.id] === item.category).length;
    parts.score.hidden = !state.checked;
    parts.score.textContent = `Score: ${correct} van ${props.items.length} goed.`;
  }

  draw();
}

// ---------------------------------------------------------------- reflection

function renderReflection(el, props, model) {
  const parts = frame(el, props, model, () => { area.value = ""; printed.textContent = ""; saved.textContent = ""; });
  const id = `${props.id}-text`;
  const area = h("textarea", { id, rows: 7, class: "isw-textarea" });
  area.value = model.get("answers")?.text ?? "";
  const saved = h("p", { class: "isw-hint", id: `${id}-saved` });
  const printed = h("div", { class: "isw-print-answer" }, area.value);
  let timer;
  area.addEventListener("input", () => {
    printed.textContent = area.value;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const text = area.value;
      model.set("answers", text ? { text } : null);
      model.set("result", text ? { words: text.trim().split(/\s+/).filter(Boolean).length } : null);
      model.save_changes();
      saved.textContent = "Bewaard in deze browser.";
    }, 400);
  });
  const download = h("button", { type: "button", class: "isw-button isw-secondary" }, "Download als tekstbestand");
  download.addEventListener("click", () => {
    const blob = new Blob([`${props.title}\n\n${el.querySelector(".isw-intro")?.textContent.trim() ?? ""}\n\n${area.value}\n`],
      { type: "text/plain;charset=utf-8" });
    const link = h("a", { href: URL.createObjectURL(blob), download: `${props.id}.txt` });
    document.body.append(link);
    link.click();
    link.remove();
    announce(parts.status, "Je antwoord is gedownload als tekstbestand.");
  });
  const print = h("button", { type: "button", class: "isw-button isw-secondary" }, "Druk af");
  print.addEventListener("click", () => {
    // The print stylesheet shows only this exercise while the class is on <html>.
    document.documentElement.classList.add("isw-print-one");
    el.classList.add("isw-print-this");
    window.addEventListener("afterprint", () => {
      document.documentElement.classList.remove("isw-print-one");
      el.classList.remove("isw-print-this");
    }, { once: true });
    window.print();
  });
  parts.body.replaceChildren(
    h("label", { for: id, class: "isw-label" }, "Jouw antwoord (blijft alleen in deze browser)"),
    area, saved, printed, h("div", { class: "isw-actions" }, download, print));
}

// ---------------------------------------------------------------- entry point

const KINDS = {
  quiz: renderQuestions,
  casus: renderQuestions,
  scan: renderScan,
  sort: renderSort,
  reflectie: renderReflection,
};

/** anywidget's entry point; the static site's loader calls it the same way. */
export function render({ model, el }) {
  const props = model.get("props");
  const kind = KINDS[props.kind];
  if (!kind) throw new Error(`Onbekende soort oefening: ${props.kind}`);
  kind(el, props, model);
  el.addEventListener("keydown", keepKeys);
  return () => el.removeEventListener("keydown", keepKeys);
}

/**
 * Live in JupyterLab a key pressed in an exercise bubbles up to the notebook, whose shortcuts
 * act on it: the arrow keys move the active cell instead of the choice, `b` adds a cell.
 * Keys stay in the exercise; Escape (back to the notebook) and Ctrl/⌘ shortcuts go on.
 */
function keepKeys(event) {
  if (event.key !== "Escape" && !event.ctrlKey && !event.metaKey) event.stopPropagation();
}

export default { render };
