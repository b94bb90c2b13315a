// Offline reading: registers the service worker the build wrote (sw.js at the root of the
// site, also when the site lives under a sub-path), and tells the reader when a new version of
// the course is ready, with a button to load it. The worker keeps the pages the reader opens;
// the whole course only on a fast connection that is not metered, or when the reader presses
// "Bewaar de hele cursus voor offline" (where a page has `[data-isw-keep-all]`: the privacy page). Browsers offer service workers only on https
// and on localhost; from file:// nothing happens and the site works as before.

/** sw.js sits two folders up from this module (_static/widgets/offline.js); its folder is the
 * worker's scope, so the site's root whatever its address. */
const WORKER = new URL("../../sw.js", import.meta.url);

async function register() {
  if (!("serviceWorker" in navigator) || !location.protocol.startsWith("http")) return;
  const notice = createNotice();
  let registration;
  try {
    registration = await navigator.serviceWorker.register(WORKER);
  } catch {
    return; // storage switched off, a private window: the site works online as before
  }
  if (!registration) return; // service workers blocked by the browser or a policy
  // A worker waits only when an older one controls the page: that is a new version.
  /** @param {ServiceWorker} worker */
  const offer = (worker) => navigator.serviceWorker.controller && showNotice(notice, worker);
  if (registration.waiting) offer(registration.waiting);
  const ready = await navigator.serviceWorker.ready;
  // This page and its files loaded before the worker was there: it keeps them now (from the
  // browser's HTTP cache), so the page read first is there offline too.
  ready.active?.postMessage({ keep: [location.href, ...performance.getEntriesByType("resource").map((entry) => entry.name)] });
  if (fastAndUnmetered()) ready.active?.postMessage("isw-keep-all");
  for (const place of document.querySelectorAll("[data-isw-keep-all]")) {
    if (place instanceof HTMLElement) offerWholeCourse(place, ready);
  }
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => worker.state === "installed" && offer(worker));
  });
}

/**
 * A connection fast enough and not metered, as far as the browser tells (Chromium's
 * navigator.connection; other browsers tell nothing, and then only the reader decides).
 * @returns {boolean}
 */
function fastAndUnmetered() {
  /** @type {{effectiveType?: string, saveData?: boolean, type?: string} | undefined} */
  const connection = /** @type {any} */ (navigator).connection;
  return connection?.effectiveType === "4g" && !connection.saveData && connection.type !== "cellular";
}

/**
 * "Bewaar de hele cursus voor offline": a button, and what came of it, said in a live region.
 * @param {HTMLElement} place
 * @param {ServiceWorkerRegistration} registration
 */
function offerWholeCourse(place, registration) {
  const said = document.createElement("p");
  said.setAttribute("role", "status");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "isw-button";
  button.textContent = "Bewaar de hele cursus voor offline";
  button.addEventListener("click", () => {
    button.disabled = true;
    said.textContent = "Bezig met bewaren…";
    navigator.serviceWorker.addEventListener("message", function done(event) {
      if (event.data !== "isw-kept-all" && event.data !== "isw-keep-failed") return;
      navigator.serviceWorker.removeEventListener("message", done);
      button.disabled = false;
      said.textContent = event.data === "isw-kept-all"
        ? "De hele cursus is bewaard in deze browser. Je kunt hem nu ook zonder internet lezen."
        : "Bewaren lukte niet helemaal. Probeer het later opnieuw, met een goede verbinding.";
    });
    registration.active?.postMessage("isw-keep-all");
  });
  place.replaceChildren(button, said);
}

/** An empty live region from the start, so a screen reader announces what appears in it. */
function createNotice() {
  const notice = document.createElement("div");
  notice.className = "isw-update";
  notice.setAttribute("role", "status");
  document.body.append(notice);
  return notice;
}

/** @param {HTMLElement} notice @param {ServiceWorker} worker */
function showNotice(notice, worker) {
  const text = document.createElement("p");
  text.textContent = "Er is een nieuwe versie van deze cursus. Je antwoorden blijven bewaard.";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Nieuwe versie laden";
  button.addEventListener("click", () => {
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
    worker.postMessage("isw-activate");
  });
  // On a small screen the notice covers text: it can wait until the next page.
  const later = document.createElement("button");
  later.type = "button";
  later.textContent = "Later";
  later.addEventListener("click", () => notice.replaceChildren());
  notice.replaceChildren(text, button, later);
}

// After the page has loaded: keeping the course must not slow down its first view.
if (document.readyState === "complete") register();
else window.addEventListener("load", register, { once: true });
