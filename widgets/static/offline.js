// Offline reading: registers the service worker the build wrote (sw.js at the root of the
// site, also when the site lives under a sub-path), and tells the reader when a new version of
// the course is ready, with a button to load it. Browsers offer service workers only on https
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
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => worker.state === "installed" && offer(worker));
  });
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
