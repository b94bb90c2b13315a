// Draws the Altair specs the build made, with the site's own Vega bundle (vega.js, made by
// vl-convert at build time). Imported only where a chart is about to be shown, so pages
// without a chart never load Vega. Vega's expressions run through its interpreter
// (vega-interpreter.js), not `new Function`: the site's Content-Security-Policy has no
// 'unsafe-eval'.

/** @type {Promise<any> | undefined} */
let bundle;
const views = new WeakMap();

function vega() {
  const version = new URL(import.meta.url).search;
  bundle ??= Promise.all([import(`./vega.js${version}`), import(`./vega-interpreter.js${version}`)]).then(
    ([{ vegaEmbed }, { expressionInterpreter }]) => ({ vegaEmbed, expressionInterpreter }),
  );
  return bundle;
}

/**
 * Draw `spec` into `el` once, then replace the rows of its named data sets.
 * @param {HTMLElement} el
 * @param {object} spec  a Vega-Lite spec from widgets/_charts.py
 * @param {Record<string, object[]>} data  rows per named data set
 */
export async function showChart(el, spec, data = {}) {
  // One embed per element, however many answers arrive while Vega is still loading; the
  // callers then apply their rows in the order they came, so the last answer wins.
  if (!views.has(el)) views.set(el, embed(el, spec));
  const view = await views.get(el);
  for (const [name, rows] of Object.entries(data)) view.data(name, rows);
  await view.runAsync();
  return view;
}

/** @param {HTMLElement} el @param {object} spec */
async function embed(el, spec) {
  const { vegaEmbed, expressionInterpreter } = await vega();
  // Vega gives its own element a role; `el` keeps ours (an image with a text alternative).
  const canvas = document.createElement("div");
  canvas.className = "isw-chart-canvas";
  // Hidden from screen readers: `el` is the image and says it all, with a table beside it. Vega
  // gave an empty data set's marks a role without a name (axe svg-img-alt).
  canvas.setAttribute("aria-hidden", "true");
  el.replaceChildren(canvas);
  const result = await vegaEmbed(canvas, structuredClone(spec), {
    actions: false, // no link to the online editor
    ast: true, // expressions parsed, then evaluated by the interpreter: no `new Function`
    expr: expressionInterpreter,
    renderer: "svg",
    // Text and lines in the page's own colour (currentColor), on the page's background: the
    // chart follows light and dark mode, and changes with them without being drawn again.
    config: {
      font: "system-ui, -apple-system, 'Segoe UI', sans-serif",
      background: "transparent",
      axis: { labelColor: "currentColor", titleColor: "currentColor", domainColor: "currentColor", tickColor: "currentColor" },
      legend: { labelColor: "currentColor", titleColor: "currentColor" },
      title: { color: "currentColor", subtitleColor: "currentColor" },
    },
    formatLocale: { decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""] },
  });
  // Vega adds a form for input bindings even to a chart without any: an empty form, with no
  // way to send it, only confuses assistive technology.
  for (const form of canvas.querySelectorAll("form")) {
    if (form.classList.contains("vega-bindings") && !form.elements.length) form.remove();
  }
  return result.view;
}

/**
 * Draw a figure in the text when it comes near the screen.
 * @param {HTMLElement} el
 * @param {object} spec
 */
export function drawWhenVisible(el, spec) {
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      showChart(el, spec).catch((error) => console.error("Figuur kon niet worden getekend", error));
    }
  }, { rootMargin: "300px" });
  observer.observe(el);
}

/**
 * The chart as an SVG or PNG file, for downloading.
 * @param {HTMLElement} el
 * @param {"svg" | "png"} format
 * @returns {Promise<string | null>}  SVG text, or a PNG as a data URL
 */
export async function exportChart(el, format) {
  const view = await views.get(el);
  if (!view) return null;
  return format === "svg" ? view.toSVG() : view.toImageURL("png", 2);
}
