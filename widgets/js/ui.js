// The pieces of the page every exercise and page module shares, made in one place: elements,
// the status region that screen readers read out, buttons, the score line, copying to the
// clipboard and downloading a file.

/**
 * A child of an element as `h` and `fill` take it: text, an element, a list of them, or
 * nothing (null, undefined: left out).
 * @typedef {string | Node | null | undefined | Child[]} Child
 */

/**
 * Create an element with attributes and children (strings become text, never HTML).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [attributes]  `on…` a listener, `html` trusted HTML, `true` an empty attribute
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "html") element.innerHTML = value; // trusted: sanitised at build time
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...present(children));
  return element;
}

/**
 * The parts there are: a part left out (null, undefined) would be written as text by the DOM.
 * @param {Child[]} children
 * @returns {(string | Node)[]}
 */
const present = (children) =>
  children.flat().filter(/** @returns {child is string | Node} */ (child) => child !== null && child !== undefined);

/**
 * Put `children` in `element` in place of what it held, leaving out the parts that are not there.
 * @param {Element} element
 * @param {...Child} children
 */
export function fill(element, ...children) {
  element.replaceChildren(...present(children));
}

/** A number as Dutch readers write it: 3,5. @param {number} value */
export const number = (value) => value.toLocaleString("nl-NL", { maximumFractionDigits: 1 });

/** The live region of a widget or page: what is said there, a screen reader reads out. */
export const statusRegion = () => h("div", { class: "isw-status", role: "status", "aria-live": "polite" });

/**
 * Say something in the live region.
 * @param {HTMLElement} status
 * @param {string} text
 * @param {boolean} [unseen]  for what the page already shows beside a question: read out, not
 *   shown a second time under the score, far from the question it is about
 */
export function announce(status, text, unseen = false) {
  status.classList.toggle("isw-unseen", unseen);
  status.textContent = "";
  // A fresh text node after clearing makes repeated identical messages announce again.
  requestAnimationFrame(() => { status.textContent = text; });
}

/**
 * A button; `secondary` for every action but the main one.
 * @param {string} label
 * @param {(event: MouseEvent) => unknown} onclick
 * @param {Record<string, any>} [attributes]
 */
export const button = (label, onclick, secondary = false, attributes = {}) =>
  h("button", { type: "button", class: secondary ? "isw-button isw-secondary" : "isw-button", onclick, ...attributes },
    label);

/**
 * The one action under a question or list: check it, or, once checked, try again.
 * @param {boolean} checked
 * @param {() => void} onCheck
 * @param {() => void} onRetry
 */
export const checkOrRetry = (checked, onCheck, onRetry) =>
  h("div", { class: "isw-actions" },
    checked ? button("Probeer opnieuw", onRetry, true) : button("Controleer", onCheck));

/** The score line: hidden until something is scored. */
export const scoreLine = () => h("p", { class: "isw-score", hidden: true });

/**
 * @param {HTMLElement} line  a scoreLine()
 * @param {string | null} text  null hides it
 */
export function showScore(line, text) {
  line.hidden = text === null;
  line.textContent = text ?? "";
}

/**
 * Copy text to the clipboard and say so; where the browser refuses, say what to copy by hand.
 * @param {string} text
 * @param {HTMLElement} status  the live region
 * @param {string} done  said when copied
 * @param {string} failed  said when not
 * @param {() => void} [fallback]  e.g. select the text, so the reader can copy it
 */
export async function copyText(text, status, done, failed, fallback) {
  try {
    await navigator.clipboard.writeText(text);
    announce(status, done);
  } catch {
    fallback?.();
    announce(status, failed);
  }
}

/**
 * Let the browser save `blob` as a file called `name`; nothing leaves the browser.
 * @param {string} name
 * @param {Blob} blob
 */
export function download(name, blob) {
  const link = h("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}
