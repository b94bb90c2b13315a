// The shapes the browser code shares, as JSDoc types for `tsc --checkJs` (npm run typecheck).
// No code: a module names one as `import("./types.js").Props`. What Python hands over is made
// in widgets/_props.py (props), widgets/_learning.py (the catalog) and widgets/_contract.py
// (the contract); what the site keeps is described in widgets/static/loader.js.

/**
 * widgets/_contract.py `shared()`, the loader's data-isw-contract.
 * @typedef {{
 *   kinds: string[], scale: string[], scale_min: number, scale_max: number, bands: Band[],
 *   storage_prefix: string, record_fields: string[], confidence: string[], review_intervals: number[],
 *   site_meta: string, catalog_file: string, widget_class: string, progress_line: string, cache_prefix: string,
 * }} Contract
 */

/** @typedef {{id: string, name: string, floor: number}} Band */

/** @typedef {{html: string, correct: boolean, feedback: string}} Option */

/**
 * @typedef {{
 *   id: string, fingerprint: string, html: string, multiple: boolean, read_more: string | null,
 *   options: Option[], read_more_elsewhere?: {href: string, title: string},
 * }} Question
 */

/**
 * What every exercise's props have (widgets/_props.py `props`).
 * @typedef {{id: string, kind: string, title: string, answers_fingerprint: string, intro?: string,
 *   review?: boolean, position?: [number, number]}} CommonProps
 * `position`: on Herhalen, the card's place in the list and the list's length.
 */

/** @typedef {CommonProps & {questions: Question[], confidence: string[], page_url?: string | null}} QuestionsProps */

/** @typedef {{name: string, fields: Record<string, string>}} ChartData  a chart's named data set */

/**
 * @typedef {CommonProps & {
 *   scale: string[], scale_min: number, scale_max: number, fingerprint: string, bands: Band[],
 *   dimensions: ({id: string, name: string} & Record<string, string>)[],
 *   statements: {id: string, html: string, dimension: string}[],
 *   chart?: {spec: object, data: ChartData},
 * }} ScanProps
 */

/**
 * @typedef {CommonProps & {
 *   categories: {id: string, name: string}[],
 *   items: {id: string, html: string, category: string, feedback: string}[],
 * }} SortProps
 */

/** @typedef {QuestionsProps | ScanProps | SortProps | CommonProps} Props */

/**
 * The model both hosts give: anywidget's kernel-synced model live in Jupyter, loader.js's
 * in-browser one on the site. Traits: props (read only), answers, result, seed, changed.
 * @typedef {{
 *   get(name: string): any,
 *   set(name: string, value: any): void,
 *   on(event: string, callback: Function): void,
 *   off(event: string, callback?: Function): void,
 *   save_changes(): unknown,
 *   send(...args: any[]): void,
 * }} Model
 */

/**
 * A quiz or casus question as the reader answered it.
 * @typedef {{chosen: number[], checked: boolean, correct?: boolean, confidence?: string | null,
 *   fingerprint?: string, at?: string}} QuestionAnswer
 */

/**
 * One exercise as the reader store keeps it (RECORD_FIELDS in widgets/_contract.py).
 * @typedef {{
 *   kind: string, title: string, page: string, fingerprint: string, saved: string, seed?: number | null,
 *   answers: any, result: any,
 * }} SavedExercise
 */

/**
 * A question's Leitner box in the reader store, keyed "exercise/question".
 * @typedef {{box: number, due: string, at: string, correct: boolean, confidence: string | null,
 *   fingerprint: string | null}} ReviewBox
 */

/**
 * The reader store's record; `erased`: when the reader last erased everything (a tab that still
 * shows older answers never writes them back).
 * @typedef {{format: number, exercises: Record<string, SavedExercise>, review: Record<string, ReviewBox>,
 *   erased?: string}} StoreRecord
 */

/**
 * One exercise in the catalog (widgets/_learning.py `catalog`).
 * @typedef {{kind: string, title: string, page: string, chapter: string, fingerprint: string,
 *   questions?: Record<string, string>}} BookEntry
 */

/**
 * catalog.json: what the build knows of the whole book.
 * @typedef {{
 *   format?: number, book_id?: string, pages: Record<string, string[]>, exercises: Record<string, BookEntry>,
 *   sections?: Record<string, {href: string, title: string}>, review?: string | null,
 *   intervals?: number[], confidence?: string[],
 * }} Book
 */

/** @typedef {ReturnType<typeof import("./store.js").openStore>} Store */

/**
 * What loader.js gives every page module's mount().
 * @typedef {{
 *   store: Store, catalog: () => Promise<Book | null>, base: URL, contract: Contract,
 *   createModel: (props: any, saved: SavedExercise | null, target?: {write: Function, remove: Function}) => Model,
 * }} PageContext
 */

export {};
