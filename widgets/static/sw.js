// The book's service worker. The build (widgets/_offline.py) writes it to the root of the site
// as sw.js, with the list of every file of the site and a hash of each file's content put in
// for the placeholder below; a new build therefore gives a new sw.js, which the browser notices.
// A first visit keeps only the page read and the files it loaded (the shell: the theme's and the
// exercises' files, which every page shares), taken from the browser's HTTP cache, so nothing
// is downloaded twice; then every page the reader opens, with the files it loads. The whole
// course only when the reader asks, or when the page finds a fast connection that is not
// metered (offline.js sends "isw-keep-all"). It answers requests for this site only: pages
// (and files without a version) network-first with the cache as fallback, versioned files
// (`?v=…`) from the cache. Readers' answers never pass through it.

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
/** Kept in a cache when the reader asked for the whole course: a new version keeps it all too. */
const WHOLE = new URL("isw-whole-course", SCOPE).href;

self.addEventListener("install", (event) => event.waitUntil(install()));

/** What an earlier version kept (the pages read and their files, or the whole course); a first
 * visit's page and files come once the worker runs (`keep` from offline.js). */
async function install() {
  const earlier = new Set();
  let whole = false;
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (request.url === WHOLE) whole = true;
      else earlier.add(pathOf(new URL(request.url)));
    }
  }
  await precache(whole ? Object.keys(PRECACHE.files) : [...earlier].filter((path) => path in PRECACHE.files));
  if (whole) await (await caches.open(CACHE)).put(WHOLE, new Response("1"));
}

/** Keep these files of this build: from any earlier build's cache when unchanged, else fetched. */
async function precache(paths) {
  const cache = await caches.open(CACHE);
  await Promise.all(
    [...new Set(paths)].map(async (path) => {
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
// "isw-keep-all": keep the whole course (the reader asked, or the connection is fast and not
// metered); the page hears "isw-kept-all" when it is done, or "isw-keep-failed".
// {keep: [urls]}: the files the first page loaded before this worker controlled it.
self.addEventListener("message", (event) => {
  if (event.data === "isw-activate") self.skipWaiting();
  else if (event.data === "isw-keep-all") event.waitUntil(keepAll(event.source));
  else if (Array.isArray(event.data?.keep)) event.waitUntil(keepLoaded(event.data.keep));
});

async function keepAll(client) {
  try {
    await precache(Object.keys(PRECACHE.files));
    await (await caches.open(CACHE)).put(WHOLE, new Response("1"));
    client?.postMessage("isw-kept-all");
  } catch {
    client?.postMessage("isw-keep-failed");
  }
}

/** @param {string[]} urls  pages and files of this site (the browser's HTTP cache has them) */
async function keepLoaded(urls) {
  const cache = await caches.open(CACHE);
  await Promise.all(urls.map(async (href) => {
    const url = new URL(href);
    if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
    const key = keyFor(url);
    if (!key || (await cache.match(key))) return;
    try {
      const response = await fetch(url, { cache: "force-cache" });
      if (response.ok) await store(cache, key, response);
    } catch {
      // offline already: kept next time
    }
  }));
}

/** Where a file is kept: a file of this build under its content hash, whatever `?v=` the page
 * asked for (the same content: Sphinx's stamp is a checksum); anything else with a version by its
 * URL; null: not kept. */
function keyFor(url) {
  const path = pathOf(url);
  return path in PRECACHE.files ? keyOf(path) : url.search ? url.href : null;
}

/** A redirected response may not answer a page (`page.html` -> `page`): kept as a plain copy. */
async function store(cache, key, response) {
  await cache.put(key, response.redirected ? new Response(await response.blob(), response) : response);
}

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
  // A page (or unversioned file) of this build that the reader opens is kept for offline use.
  network.then((response) => {
    if (response.status !== 200 || !(path in PRECACHE.files)) return;
    const copy = response.clone(); // now, before the page reads the body
    return caches.open(CACHE).then((cache) => store(cache, keyOf(path), copy));
  }).catch(() => {});
  network.catch(() => {}); // when the kept copy was shown first, a later failure is no error
  // A host's error page (a 5xx: maintenance, an overloaded server) is no better than no network.
  const answer = network.then(async (response) => (response.status >= 500 ? ((await kept(path)) ?? response) : response));
  const slow = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS)).then(() => kept(path));
  try {
    return (await Promise.race([answer, slow])) ?? (await answer);
  } catch {
    return (await kept(path)) ?? Response.error();
  }
}

/** A versioned URL names one content: kept once fetched; offline, this build's copy answers. */
async function cacheFirst(request, path) {
  const cache = await caches.open(CACHE);
  const key = keyFor(new URL(request.url));
  const hit = key && (await cache.match(key));
  if (hit) return hit;
  try {
    const response = await fetch(request);
    if (response.status === 200 && key) await store(cache, key, response.clone());
    return response.status >= 500 ? ((await kept(path)) ?? response) : response;
  } catch {
    return (await kept(path)) ?? Response.error();
  }
}
