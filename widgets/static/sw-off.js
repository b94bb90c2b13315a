// Written as sw.js when offline reading is switched off (`isw_offline: false` in _config.yml).
// A reader's browser that still runs the earlier worker checks sw.js on the next visit, finds
// this one, and with it removes the course's offline copy and the worker itself.

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) =>
  event.waitUntil(
    (async () => {
      // The build puts in the start of the caches' names (CACHE_PREFIX in widgets/_contract.py).
      const prefix = `${self.__ISW_CACHE_PREFIX}${self.registration.scope} `;
      for (const name of await caches.keys()) {
        if (name.startsWith(prefix)) await caches.delete(name);
      }
      await self.registration.unregister();
    })(),
  ),
);
