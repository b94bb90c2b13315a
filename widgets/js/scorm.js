// The SCORM 1.2 adapter: only the SCORM package (`make scorm`, widgets/exports/scorm.py) loads
// it, on the page of each chapter with exercises; the public site never names this file. It
// reports the chapter to the learning platform that shows the page: status, score, session
// time, and the chapter's answers in cmi.suspend_data, so a learner finds them back on another
// computer. Without a platform's API it does nothing: no call, no request, no error.
//
// The package puts it as a module script just before the loader's: modules run in document
// order once the page is parsed, so this one runs before the loader hydrates the exercises and
// the answers from suspend_data are in the reader store in time. Then it imports that same
// loader module (same URL, so the same store) to hear of every saved answer.

import { chapterOf, chapterState, decode, encode, lessonStatus, sessionTime } from "./scorm-data.js";
import { FORMAT, merged, openStore, storeKey } from "./store.js";

/**
 * The platform's SCORM 1.2 API (the runtime's functions this adapter calls).
 * @typedef {{
 *   LMSInitialize(empty: string): unknown, LMSFinish(empty: string): unknown, LMSCommit(empty: string): unknown,
 *   LMSGetValue(element: string): string, LMSSetValue(element: string, value: string): unknown,
 * }} ScormAPI
 */
/** @typedef {Window & {API?: ScormAPI}} WindowWithAPI */

/**
 * The SCORM 1.2 way to find the API (the specification's findAPI): up the parent frames, at
 * most 7 levels, then the same from the window that opened this one. A frame of another origin
 * cannot be read: that ends the search there, quietly.
 * @param {WindowWithAPI | null} start
 * @returns {ScormAPI | null}
 */
function findAPI(start) {
  let win = start;
  for (let tries = 0; win && tries <= 7; tries += 1) {
    try {
      if (win.API) return win.API;
    } catch {
      return null;
    }
    if (!win.parent || win.parent === win) return null;
    win = win.parent;
  }
  return null;
}

function platformAPI() {
  const api = findAPI(window);
  if (api) return api;
  try {
    return window.opener ? findAPI(window.opener) : null;
  } catch {
    return null;
  }
}

/**
 * What the build wrote into the page: the contract (the loader's data-isw-contract), the
 * page's exercises, the reader store's key (as the loader makes it) and the loader module.
 */
function pageContext() {
  const loader = document.querySelector("script[data-isw-contract]");
  if (!(loader instanceof HTMLScriptElement) || !loader.dataset.iswContract) return null;
  /** @type {import("./types.js").Contract} */
  const contract = JSON.parse(loader.dataset.iswContract);
  const base = new URL("../../", loader.src);
  const exercises = [...document.querySelectorAll(`section.${contract.widget_class}[data-props]`)]
    .filter((section) => section instanceof HTMLElement)
    .map((section) => JSON.parse(section.dataset.props ?? ""));
  return { loader: loader.src, contract, exercises, base: base.pathname, key: storeKey(contract, base, document) };
}

function start() {
  const api = platformAPI();
  if (!api) return;
  const context = pageContext();
  if (!context || context.exercises.length === 0) return;
  if (String(api.LMSInitialize("")) !== "true") return;
  const started = Date.now();
  const chapter = location.pathname.split("/").pop() ?? "";
  const suspended = api.LMSGetValue("cmi.suspend_data");
  if ((chapterOf(suspended) ?? chapter) !== chapter) {
    api.LMSFinish(""); // another chapter's SCO, reached by a link: leave its record alone
    return;
  }
  const store = openStore(context.key, context.contract, context.base);

  // A learner back on this chapter, maybe on another computer: what the platform kept comes
  // back into the reader store, per exercise the most recently saved.
  const kept = decode(suspended, context.exercises, location.pathname);
  const mine = store.all();
  const newer = merged({ format: FORMAT, exercises: mine, review: {} }, { format: FORMAT, exercises: kept, review: {} });
  for (const [id, saved] of Object.entries(newer.exercises)) if (saved !== mine[id]) store.write(id, saved);

  const mastery = Number.parseFloat(api.LMSGetValue("cmi.student_data.mastery_score"));
  const masteryScore = Number.isFinite(mastery) ? mastery : null;
  /** @type {string | null} */
  let sent = null;
  let finished = false;

  /** Tell the platform where the chapter stands; commit when the answers changed. */
  const report = () => {
    if (finished) return;
    const records = store.all();
    const state = chapterState(context.exercises, records);
    const suspend = encode(context.exercises, records, chapter);
    if (suspend === sent) return;
    api.LMSSetValue("cmi.core.lesson_status", lessonStatus(state, masteryScore));
    if (state.score !== null) {
      api.LMSSetValue("cmi.core.score.min", "0");
      api.LMSSetValue("cmi.core.score.max", "100");
      api.LMSSetValue("cmi.core.score.raw", String(state.score));
    }
    api.LMSSetValue("cmi.suspend_data", suspend);
    api.LMSCommit("");
    sent = suspend;
  };

  const finish = () => {
    if (finished) return;
    report();
    finished = true;
    api.LMSSetValue("cmi.core.exit", "suspend");
    api.LMSSetValue("cmi.core.session_time", sessionTime(Date.now() - started));
    api.LMSFinish("");
  };
  // pagehide comes whenever the page is left (before unload, which Chromium is phasing out).
  window.addEventListener("pagehide", finish);

  report();
  import(context.loader).then((loader) => loader.store.subscribe(report), () => {});
}

start();
