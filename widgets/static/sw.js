// The book's service worker. The build (widgets/_offline.py) writes it to the root of the site
// as sw.js, with the list of every file of the site and a hash of each file's content put in
// for the placeholder below; a new build therefore gives a new sw.js, which the browser notices.
// After one visit the whole course stays readable offline. It answers requests for this site
// only: pages (and files without a version) network-first with the cache as fallback,
// versioned files (`?v=…`) from the cache. Readers' answers never pass through it.

/** @type {{build: string, files: Record<string, string>}} build id; path -> content hash */
const PRECACHE = self.__ISW_PRECACHE;
const SCOPE = self.registration.scope;
/** One cache per build and per site (several books may share an origin); the build puts in
 * the start of the name (CACHE_PREFIX in widgets/_contract.py). */
const PREFIX = `${self.__ISW_CACHE_PREFIX}${SCOPE} `;
const CACHE = PREFIX + PRECACHE.build;
/** On a weak connection a page waits this long for the network, then shows the kept copy. */
const NETWORK_TIMEOUT_MS = 4000;

/** A kept file's cache key carries its content hash: an unchanged file is found in the cache
 * of an earlier build and not downloaded again. */
const keyOf = (path) => new URL(`${path}?isw=${PRECACHE.files[path]}`, SCOPE).href;

self.addEventListener("install", (event) => event.waitUntil(precache()));

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    Object.keys(PRECACHE.files).map(async (path) => {
      let response = await caches.match(keyOf(path));
      if (!response) {
        response = await fetch(new URL(path, SCOPE), { cache: "no-cache" });
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`); // retried next visit
        // A host that redirects (`page.html` -> `page`): a redirected response may not answer a page.
        if (response.redirected) response = new Response(await response.blob(), response);
      }
      await cache.put(keyOf(path), response);
    }),
  );
}

self.addEventListener("activate", (event) =>
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim(); // the first visit's page works offline without a reload
    })(),
  ),
);

// A waiting new version takes over only when the reader asks for it (the notice's button).
self.addEventListener("message", (event) => {
  if (event.data === "isw-activate") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  const path = pathOf(url);
  if (request.mode !== "navigate" && url.search) event.respondWith(cacheFirst(request, path));
  else event.respondWith(networkFirst(request, path));
});

/** The site's file for a URL: `…/` is `…/index.html`. */
function pathOf(url) {
  const path = decodeURIComponent(url.pathname.slice(new URL(SCOPE).pathname.length));
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

/** This build's copy of a file of the site, or undefined. */
async function kept(path) {
  return path in PRECACHE.files ? caches.match(keyOf(path), { cacheName: CACHE }) : undefined;
}

async function networkFirst(request, path) {
  const network = fetch(request);
  network.catch(() => {}); // when the kept copy was shown first, a later failure is no error
  const slow = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS)).then(() => kept(path));
  try {
    return (await Promise.race([network, slow])) ?? (await network);
  } catch {
    return (await kept(path)) ?? Response.error();
  }
}

/** A versioned URL names one content: kept once fetched; offline, this build's copy answers. */
async function cacheFirst(request, path) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  try {
    const response = await fetch(request);
    if (response.status === 200) await cache.put(request, response.clone());
    return response;
  } catch {
    return (await kept(path)) ?? Response.error();
  }
}
