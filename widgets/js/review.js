// "Herhalen": the quiz and casus questions this reader should see again, from every chapter.
// Which ones, and when, comes from the Leitner boxes in the reader store (store.js): a wrong
// answer comes back at once, a right one after the days REVIEW_INTERVALS gives per box
// (widgets/_contract.py). Each question is shown by
// the same exercise.js as in its chapter, with the same feedback and a link back to the
// section that explains it; an answer here counts as the answer in the chapter.

// A source file: tools/bundle.mjs makes widgets/static/review.js from it. The questions
// themselves are drawn by the served exercise.js, imported at run time (one shared copy).

import { dueQuestions } from "./learning.js";
import { announce, fill, h, statusRegion } from "./ui.js";

const VERSION = new URL(import.meta.url).search;
/** exercise.js, with this module's version stamp (a variable: the bundler leaves it alone). */
const exerciseModule = `./exercise.js${VERSION}`;

/** @typedef {import("./types.js").QuestionsProps} QuestionsProps */
/** @typedef {import("./types.js").ReviewBox} ReviewBox */

const DAY = 24 * 60 * 60 * 1000;
/** "dinsdag 8 december", with the year when it is not this year. @param {string} iso @param {Date} [today] */
export function date(iso, today = new Date()) {
  const when = new Date(iso);
  const year = when.getFullYear() === today.getFullYear() ? undefined : "numeric";
  return when.toLocaleDateString("nl-NL", { weekday: "long", day: "numeric", month: "long", year });
}

/**
 * "Bak 2 van 4. Je had hem goed. Hij komt terug over 3 dagen."
 * @param {ReviewBox} box
 * @param {number[]} intervals
 * @param {string} sure  the most sure level of "Hoe zeker ben je?"
 */
function boxLine(box, intervals, sure) {
  const last = box.correct
    ? "Je had hem goed."
    : box.confidence === sure ? "Je wist het zeker, maar had hem fout." : "Je had hem fout.";
  const wait = Math.round((Date.parse(box.due) - Date.now()) / DAY);
  const when = wait >= 1 ? ` Hij komt terug over ${wait === 1 ? "1 dag" : `${wait} dagen`}.` : "";
  return `Bak ${box.box} van ${intervals.length}. ${last}${when}`;
}

/**
 * Entry point called by loader.js for `<div data-isw-page="review">`.
 * @param {HTMLElement} el
 * @param {import("./types.js").PageContext} context
 */
export async function mount(el, { store, catalog, createModel, base, contract }) {
  /** @type {Record<string, QuestionsProps>} every quiz and casus, by id (widgets/_learning.py) */
  const exercises = JSON.parse(el.dataset.exercises ?? "");
  const [book, { default: widget }] = await Promise.all([catalog(), import(exerciseModule)]);
  const intervals = store.intervals;
  const sure = contract.confidence[0]; // the most sure level of "Hoe zeker ben je?"
  const summary = h("p", { class: "isw-review-summary" });
  const list = h("div", { class: "isw-review-list" });
  const status = statusRegion();
  // The heading is in the page from the start (widgets/templates/review.html.j2): the text
  // below it then moves less when the questions arrive.
  fill(el, el.querySelector("#klaar-om-te-herhalen"), summary, list, status);
  el.classList.add("isw-hydrated");
  /** @type {Map<string, HTMLElement>} review key -> the line that says its box */
  const shown = new Map();

  /**
   * A model for one question whose answers go into its chapter's exercise in the store.
   * @param {QuestionsProps} props
   * @param {string} questionId
   */
  function intoChapter(props, questionId) {
    return {
      /** @param {string} _ @param {import("./types.js").SavedExercise} saved */
      write(_, saved) {
        const page = book?.exercises?.[props.id]?.page;
        const record = store.read(props.id) ?? {
          kind: props.kind, title: props.title, fingerprint: props.answers_fingerprint, answers: { questions: {} }, result: null,
          page: page ? new URL(page, base).pathname : location.pathname,
        };
        const answers = { ...record.answers?.questions, [questionId]: saved.answers.questions[questionId] };
        /** @type {import("./types.js").QuestionAnswer[]} */
        const current = props.questions.filter((q) => answers[q.id]?.checked && answers[q.id].fingerprint === q.fingerprint)
          .map((q) => answers[q.id]);
        return store.write(props.id, {
          ...record,
          seed: record.seed ?? saved.seed,
          answers: { ...record.answers, questions: answers },
          result: { score: current.filter((a) => a.correct).length, total: props.questions.length, answered: current.length },
          saved: saved.saved,
        });
      },
      remove() {},
    };
  }

  /**
   * @param {{key: string, exerciseId: string, questionId: string, box: ReviewBox}} due
   * @param {number} index  its place among the cards
   * @param {unknown[]} cards
   */
  function item({ key, exerciseId, questionId, box }, index, cards) {
    const props = exercises[exerciseId];
    const q = /** @type {import("./types.js").Question} */ (props.questions.find((question) => question.id === questionId));
    const entry = book?.exercises?.[exerciseId];
    const id = `herhaal-${exerciseId}-${questionId}`;
    const one = {
      id, kind: props.kind, answers_fingerprint: props.answers_fingerprint, confidence: props.confidence, review: true,
      title: props.title,
      intro: props.intro, // a casus's story; a quiz's intro is left out by the build (widgets/_learning.py)
      questions: [{ ...q, read_more_elsewhere: q.read_more ? book?.sections?.[q.read_more] : undefined }],
      position: [index + 1, cards.length], // "Vraag 2 van 5": the card's place, not the chapter's
    };
    const section = h("section", { class: `${contract.widget_class} isw-${props.kind}`, id, "aria-labelledby": `${id}-title` },
      h("h3", { class: "isw-title", id: `${id}-title` }, one.title));
    const line = h("p", { class: "isw-box" }, boxLine(box, intervals, sure));
    const from = entry ? h("p", { class: "isw-from" }, "Uit het hoofdstuk ",
      h("a", { href: new URL(entry.page, base).href }, entry.chapter), ".") : null;
    shown.set(key, line);
    widget.render({ model: createModel(one, null, intoChapter(props, questionId)), el: section });
    section.querySelector(".isw-live")?.prepend(...(from ? [from, line] : [line]));
    section.dataset.hydrated = "true";
    return section;
  }

  function count() {
    const boxes = store.review(); // read and checked once: each call parses the whole record
    const { due, next } = dueQuestions(boxes, book, Date.now(), sure);
    const later = next ? ` De volgende komt terug op ${date(next)}.` : "";
    if (Object.keys(boxes).length === 0) {
      summary.textContent = "Er staan nog geen vragen klaar. Beantwoord eerst de quizvragen in de hoofdstukken: een vraag die je fout had, staat hier meteen; een vraag die je goed had, na een dag.";
    } else if (due.length === 0) {
      summary.textContent = `Er staan nu geen vragen klaar om te herhalen.${later}`;
    } else {
      summary.textContent = `Er ${due.length === 1 ? "staat 1 vraag" : `staan ${due.length} vragen`} klaar om te herhalen.${later}`;
    }
    for (const [key, line] of shown) if (boxes[key]) line.textContent = boxLine(boxes[key], intervals, sure);
  }

  // The same count as Mijn resultaten's; a question this page has no props for could only be
  // due when the catalog could not be fetched (then every saved answer counts).
  const { due } = dueQuestions(store.review(), book, Date.now(), sure);
  fill(list, ...due.filter(({ exerciseId, questionId }) => exercises[exerciseId]?.questions.some((q) => q.id === questionId))
    .map(item));
  count();
  store.subscribe(count);
  if (due.length) announce(status, summary.textContent);
}
