// pa11y (HTML_CodeSniffer runner, WCAG2AA) as the second accessibility checker, run on pages
// that the Python tests have open, in the state they left them (answered or not), in their own
// Chromium. One process for the whole test run: each line of JSON on stdin,
// {"browser": "http://127.0.0.1:<debugging port>", "url": "<an open page>"}, gives one line
// of JSON on stdout: {"issues": [...]} or {"error": "..."}.
import readline from "node:readline";
import pa11y from "pa11y";
import puppeteer from "puppeteer";

async function check({ browser: browserURL, url, viewport }) {
  // Connected only while checking: a connected puppeteer holds every new tab until it lets it go.
  const browser = await puppeteer.connect({ browserURL, defaultViewport: null });
  try {
    const target = browser.targets().find((t) => t.type() === "page" && t.url() === url);
    if (!target) throw new Error(`geen geopende pagina ${url}`);
    const page = await target.page();
    const result = await pa11y(url, {
      browser,
      page,
      ignoreUrl: true, // check the page as it is now: do not load it again
      runners: ["htmlcs"],
      standard: "WCAG2AA",
      includeNotices: false,
      includeWarnings: false,
      viewport,
      timeout: 60000,
      log: { debug() {}, info() {}, error: (message) => process.stderr.write(`${message}\n`) },
    });
    return { issues: result.issues };
  } finally {
    await browser.disconnect();
  }
}

for await (const line of readline.createInterface({ input: process.stdin })) {
  let reply;
  try {
    reply = await check(JSON.parse(line));
  } catch (error) {
    reply = { error: String(error?.stack ?? error) };
  }
  process.stdout.write(`${JSON.stringify(reply)}\n`);
}
