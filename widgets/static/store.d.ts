// For `npm run typecheck` only: loader.js imports the bundled store (./store.js, minified);
// tsc reads the types of its source instead.
export * from "../js/store.js";
