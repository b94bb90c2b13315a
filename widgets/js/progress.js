// Progress: "n van m oefeningen gedaan" beside each chapter in the navigation and under the
// chapter's own heading. Plain text, so it does not rely on colour and a screen reader reads it
// with the link or heading. It follows the reader's answers as they are saved.

// A source file: tools/bundle.mjs makes widgets/static/progress.js from it. Every page runs
// it, so it bundles only the store's pure functions, not the exercises.

import { progress } from "./learning.js";

/** @param {string} tag @param {string} className */
const element = (tag, className) => Object.assign(document.createElement(tag), { className });

/** @param {{done: number, total: number}} count */
export const phrase = ({ done, total }) => `${done} van ${total} ${total === 1 ? "oefening" : "oefeningen"} gedaan`;

/**
 * Entry point called by loader.js on every page.
 * @param {ParentNode} root
 * @param {{store: import("./types.js").Store, book: import("./types.js").Book, base: URL,
 *   contract: import("./types.js").Contract}} context
 */
export function mount(root, { store, book, base, contract }) {
  /** @param {string} href @returns {string} the page's path from the site's root ("" elsewhere) */
  const pageOf = (href) => {
    const url = new URL(href, location.href);
    return url.pathname.startsWith(base.pathname) ? decodeURI(url.pathname.slice(base.pathname.length)) : "";
  };
  const links = [...root.querySelectorAll("nav.sidebar-tree a.reference.internal[href]")]
    .filter((link) => link instanceof HTMLAnchorElement);
  const line = root.querySelector(`.${contract.progress_line}`); // under the title, written by the build

  function draw() {
    const counts = progress(book, store.all());
    for (const link of links) {
      const count = counts[pageOf(link.href)];
      if (!count) continue;
      let label = link.querySelector(".isw-progress");
      if (!label) {
        label = element("span", "isw-progress");
        link.append(label);
      }
      label.textContent = ` (${phrase(count)})`;
      label.setAttribute("data-short", `${count.done}/${count.total}`); // shown in the sidebar (exercise.css)
    }
    const mine = counts[pageOf(location.href)];
    if (line && mine) line.textContent = `Op deze pagina: ${phrase(mine)}.`;
  }

  draw();
  store.subscribe(draw);
}
