"""What the browser tests share: the built pages, a watched page, and the checks several tests
run (axe-core, pa11y, control sizes, focus, reflow, layout shift, charts).

Test modules import from here (and from drive.py), never from each other or from conftest.
"""

from __future__ import annotations

import json
import select
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from helpers import BUILD_HTML, ROOT, site_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PA11Y = ROOT / "tests" / "browser" / "pa11y.mjs"


def reader_pages(site: Path) -> list[str]:
    """The pages a reader reads, as paths in the site (not the index, search or redirect)."""
    skip = {"genindex.html", "search.html", "index.html"}
    return [str(p.relative_to(site)) for p in site_pages(site) if str(p.relative_to(site)) not in skip]


# tests/browser/conftest.py stops the run before this when there is no built site.
PAGES = reader_pages(BUILD_HTML)
WIDGET_PAGES = [p for p in PAGES if 'class="isw-widget' in (BUILD_HTML / p).read_text(encoding="utf-8")]
# Every page a reader can reach; index.html only redirects to the welcome page.
ALL_PAGES = [*PAGES, "genindex.html", "search.html", "index.html"]  # index.html: the landing page


def free_port() -> int:
    """A port on 127.0.0.1 that no one uses now: several test runs on one machine never collide."""
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        return free.getsockname()[1]


def page_with(kind: str) -> str:
    """The first page with an exercise of this kind."""
    return next(p for p in WIDGET_PAGES if f'data-kind="{kind}"' in (BUILD_HTML / p).read_text(encoding="utf-8"))


def wait_until_ready(page) -> None:
    """Every exercise on the page has started (the loader marks the document when done)."""
    page.wait_for_selector("html[data-isw-ready]", state="attached", timeout=15000)


def next_frames(page) -> None:
    """Wait until the browser has drawn two more frames: what the last script changed is on screen."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


class WithoutWorkers:
    """Chromium whose pages run without the site's service worker unless a test asks for it.

    The worker precaches the whole site in the background of every fresh context; only
    test_offline needs it (`service_workers="allow"`), the other tests would just wait for it.
    """

    def __init__(self, browser, debugging_url: str):
        self._browser = browser
        self.debugging_url = debugging_url  # pa11y checks the pages this browser has open

    def new_context(self, **options):
        options.setdefault("service_workers", "block")
        return self._browser.new_context(**options)

    def new_page(self, **options):
        options.setdefault("service_workers", "block")
        return self._browser.new_page(**options)

    def __getattr__(self, name):
        return getattr(self._browser, name)


class Watched:
    """A page that records JavaScript errors and every request that leaves 127.0.0.1."""

    def __init__(self, page, origin: str):
        self.page = page
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.requests: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
        page.on("request", self._request)
        page.on("response", lambda r: self.errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
        self.origin = origin

    def _request(self, request):
        self.requests.append(request.url)
        if not request.url.startswith((self.origin, "data:", "blob:")):
            self.foreign.append(request.url)

    def open(self, url: str):
        self.page.goto(url)
        wait_until_ready(self.page)
        return self.page

    def problems(self) -> list[str]:
        return self.errors + [f"request to another origin: {url}" for url in self.foreign]

    def assert_clean(self):
        assert not self.errors, "\n".join(self.errors)
        assert not self.foreign, "requests to other origins:\n" + "\n".join(self.foreign)


@contextmanager
def copies_on_one_host(browser, site: Path, folder: Path, *names: str) -> Iterator[tuple[str, Watched]]:
    """The built book under /name/ for each name, served from one host (as a school hosts two
    courses, or a course moves): yields the host's address and a watched page in a fresh context."""
    from chromium import serve  # tools/chromium.py, on the path once conftest has loaded

    for name in names:
        (folder / name).symlink_to(site, target_is_directory=True)
    server, url = serve(folder)
    context = browser.new_context()
    try:
        yield url, Watched(context.new_page(), url)
    finally:
        context.close()
        server.shutdown()
        server.server_close()


# --- accessibility: axe-core, pa11y, control sizes -------------------------------------------

# What a change of colour mode can break; the rest of the page stays the same.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
MODES = ("light", "dark")

# axe's "needs review" results that were looked at, node by node, and found to be no problem:
# (rule, a CSS selector the node matches, why). Any other needs-review result fails a test, as a
# violation does. Contrast axe could not read where the node lies now (under the phone's sticky
# header, across the window's bottom edge, scrolled out of the sidebar's own scroll box) is read
# again first with the node in the middle of the window (RUN_AXE), so it is not on this list.
REVIEWED = (
    (
        "color-contrast",
        ".isw-chart svg text, .isw-chart svg tspan",
        "Vega's labels in SVG, where axe reads no background: CHART_CONTRAST checks them instead",
    ),
    (
        "color-contrast",
        ".isw-table-scroll caption",
        "a chart's data table wider than a phone scrolls in its box, its caption partly out of view there:"
        " the page's own text colours, which pass where the table fits (1280 px)",
    ),
)

RUN_AXE = """async ([within, runOnly, reviewed]) => {
  const options = {resultTypes: ["violations", "incomplete"], ...(runOnly && {runOnly})};
  const result = await axe.run(within ? document.querySelectorAll(within) : document, options);
  const contrast = {runOnly: {type: "rule", values: ["color-contrast"]}, resultTypes: ["violations", "incomplete"]};
  const violations = result.violations, unreviewed = [];
  // axe's reasons for "could not decide" that depend on the scroll position, not the markup
  // (a check of its own per node costs half a second: not for reasons no scrolling changes).
  const WHERE = ["elmPartiallyObscured", "elmPartiallyObscuring", "outsideViewport", "bgOverlap"];
  const settled = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  for (const rule of result.incomplete) {
    for (const node of rule.nodes) {
      const el = document.querySelector(node.target[0]);
      let found = node;
      const where = node.any.some(check => WHERE.includes(check.data?.messageKey));
      if (rule.id === "color-contrast" && el && where) {
        // Undecided because of where it is on the screen: read again in full view, scrolled
        // down to (the theme shows its "Naar boven" button over the text on the way up).
        scrollTo({top: 0, behavior: "instant"});
        await settled();
        el.scrollIntoView({block: "center", behavior: "instant"});
        await settled();
        const again = await axe.run(el, contrast);
        if (again.violations.length) violations.push(again.violations[0]);
        found = again.incomplete[0]?.nodes.find(n => n.target[0] === node.target[0]);
        if (!found) continue;  // read in full view, and passed or reported above
      }
      if (el && reviewed.some(([id, selector]) => id === rule.id && el.matches(selector))) continue;
      const why = [...found.any, ...found.all, ...found.none].map(check => check.message).join("; ");
      unreviewed.push({id: rule.id, help: rule.help, target: node.target, html: node.html, why});
    }
  }
  scrollTo(0, 0);
  return {violations, unreviewed};
}"""


def axe(page, within: str | None = None, rules: list[str] | None = None) -> dict:
    """axe-core's results for the page as it is now (or the parts `within` selects): every
    rule axe has (WCAG 2.0-2.2 A/AA and best practice), or just `rules`. `violations`, and
    `unreviewed`: what axe could not decide and REVIEWED does not explain."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    if not page.evaluate("typeof window.axe === 'object'"):
        # Evaluated, not added as a <script>: the site's Content-Security-Policy refuses inline
        # script, and Playwright's own evaluation is exempt from it.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    run_only = {"type": "rule", "values": rules} if rules else None
    return page.evaluate(RUN_AXE, [within, run_only, [entry[:2] for entry in REVIEWED]])


def axe_problems(page, within: str | None = None, rules: list[str] | None = None) -> str:
    """What axe found (see axe()) and the charts' labels too faint to read, described, or an
    empty string."""
    found = axe(page, within, rules)
    faint = page.evaluate(CHART_CONTRAST, within)
    return "\n".join(
        filter(None, [described(found["violations"]), unreviewed_described(found["unreviewed"]), "\n".join(faint)])
    )


# WCAG 1.4.3 for the charts' labels, which axe leaves for review (REVIEWED): each label's colour
# against what is drawn under its middle (a bar, the chart's box, the page), with the chart in view.
CHART_CONTRAST = """within => {
  const channels = colour => (colour.match(/[\\d.]+/g) || []).map(Number);
  const luminance = rgb => rgb.slice(0, 3).map(v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const layer = el => {
    const style = getComputedStyle(el);
    const shape = el instanceof SVGElement && ["path", "rect", "circle", "ellipse", "polygon"].includes(el.tagName);
    if (el instanceof SVGElement && !shape) return null;
    const [r, g, b, a = 1] = channels(shape ? style.fill : style.backgroundColor);
    const alpha = a * (shape ? Number(style.fillOpacity) : 1) * Number(style.opacity);
    return r === undefined || alpha === 0 ? null : [r, g, b, alpha];
  };
  const backdrop = text => {
    const box = text.getBoundingClientRect();
    const layers = document.elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2)
      .filter(el => !text.contains(el) && !["text", "tspan"].includes(el.tagName)).map(layer).filter(Boolean);
    const opaque = layers.findIndex(l => l[3] >= 1);
    return layers.slice(0, opaque + 1).reverse().reduce((under, [r, g, b, a]) => [r, g, b].map((v, i) => a * v + (1 - a) * under[i]), [255, 255, 255]);
  };
  const problems = [];
  for (const chart of document.querySelectorAll(`${within ?? ""} .isw-chart`)) {
    chart.scrollIntoView({block: "center", behavior: "instant"});
    for (const text of chart.querySelectorAll("svg text")) {
      if (!text.textContent.trim() || !text.checkVisibility({opacityProperty: true})) continue;
      const style = getComputedStyle(text);
      const [l1, l2] = [luminance(channels(style.fill)), luminance(backdrop(text))].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) problems.push(`chart label "${text.textContent}": contrast ${ratio.toFixed(2)} (${style.fill} on ${backdrop(text)})`);
    }
  }
  scrollTo(0, 0);
  return problems;
}"""  # noqa: E501 (JavaScript lines)


def unreviewed_described(nodes: list[dict]) -> str:
    return "\n".join(
        f"needs review, {n['id']} ({n['help']}): {n['target']}: {n['why']}\n    {n['html'][:150]}" for n in nodes
    )


def described(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary']}".replace("\n", " "))
    return "\n".join(lines)


def set_mode(page, mode: str) -> None:
    """Switch the theme's colour mode as its own toggle does (no transitions: axe reads the
    colours at once)."""
    page.evaluate(
        """mode => {
      if (!document.getElementById("no-transitions")) {
        const style = Object.assign(document.createElement("style"), {id: "no-transitions"});
        style.textContent = "*, *::before, *::after { transition: none !important; }";
        document.head.append(style);
      }
      document.body.dataset.theme = mode;
    }""",
        mode,
    )


def assert_no_axe_violation(page, state: str) -> None:
    """axe-core (all rules, needs review too) finds nothing in this state, in light and in dark mode."""
    for mode in MODES:
        set_mode(page, mode)
        problems = axe_problems(page)
        assert not problems, f"{state}, {mode}:\n" + problems
    set_mode(page, "light")


class Pa11y:
    """One node process running pa11y (tests/browser/pa11y.mjs) for all pages."""

    def __init__(self, debugging_url: str):
        self.debugging_url = debugging_url
        self.process = subprocess.Popen(
            ["node", str(PA11Y)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def issues(self, page) -> list[dict]:
        """HTML_CodeSniffer's errors (WCAG2AA) on the page as it is now."""
        request = {"browser": self.debugging_url, "url": page.url, "viewport": page.viewport_size}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        if not select.select([self.process.stdout], [], [], 120)[0]:
            pytest.fail("pa11y gave no answer within 2 minutes")
        reply = json.loads(self.process.stdout.readline() or '{"error": "pa11y stopped"}')
        # pa11y's browser connection, gone, leaves the page at the size it was opened with;
        # Playwright sets a size only when it differs from the one it set last.
        size = request["viewport"]
        page.set_viewport_size({"width": size["width"], "height": size["height"] + 1})
        page.set_viewport_size(size)
        if "error" in reply:
            pytest.fail(f"pa11y failed: {reply['error']}")
        return reply["issues"]

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


def pa11y_described(issues: list[dict]) -> str:
    return "\n".join(f"{i['code']}: {i['message']}\n    {i['selector']}: {i['context'][:150]}" for i in issues)


# Every control at least 24 by 24 CSS pixels (WCAG 2.5.8), except a link in a line of text.
SMALL_TARGETS = """() => {
  const controls = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex='-1'])";
  const inline = el => {
    if (el.tagName !== "A") return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    return block.textContent.trim().length > el.textContent.trim().length;
  };
  return [...document.querySelectorAll(controls)]
    .filter(el => el.checkVisibility({visibilityProperty: true, opacityProperty: true}))
    .map(el => ({el, box: el.getBoundingClientRect()}))
    .filter(({el, box}) => box.width > 0 && box.height > 0 && (box.width < 23.99 || box.height < 23.99) && !inline(el))
    .map(({el, box}) => `${Math.round(box.width * 10) / 10}x${Math.round(box.height * 10) / 10}: ${el.outerHTML.slice(0, 120)}`);
}"""  # noqa: E501 (JavaScript lines)


# --- focus -----------------------------------------------------------------------------------

FOCUS_STATE = """async () => {
  const el = document.activeElement;
  const clear = color => color === "transparent" || /rgba\\(\\d+, \\d+, \\d+, 0\\)/.test(color);
  const ring = e => {
    const style = getComputedStyle(e);
    const box = e.getBoundingClientRect();
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 && !clear(style.outlineColor);
    const shadow = style.boxShadow !== "none" && !clear(style.boxShadow);
    return box.width > 0 && box.height > 0 && (outline || shadow);
  };
  // The theme draws the ring of a fold-out arrow (an empty <summary>) on the arrow inside it.
  const drawn = [el, ...(el.tagName === "SUMMARY" ? el.children : [])].some(ring);
  // WCAG 2.4.11: no sticky or fixed bar (a header) covers the focused element. The page's
  // sticky and fixed elements are found once per page: looking at every element on every Tab
  // would make this test slow.
  window.__bars ??= [...document.body.querySelectorAll("*")]
    .filter(bar => ["sticky", "fixed"].includes(getComputedStyle(bar).position));
  const covering = () => {
    const box = el.getBoundingClientRect();
    return window.__bars.filter(bar => {
      if (bar.contains(el) || !bar.checkVisibility()) return false;
      const r = bar.getBoundingClientRect();
      if (!(r.width > 0 && r.height > 0 && box.left < r.right && r.left < box.right && box.top < r.bottom && r.top < box.bottom)) return false;
      // Overlapping boxes: the bar covers the element where it is drawn above it.
      const stack = document.elementsFromPoint(
        (Math.max(box.left, r.left) + Math.min(box.right, r.right)) / 2, (Math.max(box.top, r.top) + Math.min(box.bottom, r.bottom)) / 2);
      const above = stack.findIndex(e => bar.contains(e));
      const below = stack.findIndex(e => el.contains(e) || e.contains(el));
      return above !== -1 && (below === -1 || above < below);
    });
  };
  let covers = covering();
  if (covers.length) {
    // Look again where things come to rest: a skip link sliding away may cover the next stop
    // briefly, and the theme scrolls smoothly to the focused element.
    await Promise.all(document.getAnimations().filter(a => a.effect?.getTiming().iterations !== Infinity)
      .map(a => a.finished.catch(() => null)));
    for (let last = null, waits = 0; scrollY !== last && waits < 40; waits++) {
      last = scrollY;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    covers = covering();
  }
  // In reading order: this stop follows the one asked about before (focus_problems starts anew).
  const follows = !window.__lastStop || !!(window.__lastStop.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  window.__lastStop = el;
  return {
    html: el.outerHTML.slice(0, 120),
    inBody: el !== document.body && el !== document.documentElement,
    visible: drawn,
    tabindex: el.tabIndex,
    coveredBy: covers.map(bar => bar.outerHTML.slice(0, 80)),
    follows,
  };
}"""  # noqa: E501 (JavaScript lines)


def focus_problems(page) -> list[str]:
    """Tab through the whole page from its top: every stop shows an outline or ring, none is
    under a sticky bar, none has tabindex > 0, and each follows the one before."""
    page.evaluate("() => { document.activeElement?.blur(); scrollTo(0, 0); window.__lastStop = null; }")
    problems, seen = [], []
    for _ in range(400):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)  # one round trip per stop: the page's longest loop
        if not state["inBody"] or (seen and state["html"] == seen[0]):
            break  # round the page and back to the browser's own controls
        if not state["visible"]:
            problems.append(f"no visible focus (outline or ring) on {state['html']}")
        if state["tabindex"] > 0:
            problems.append(f"tabindex > 0 breaks the reading order: {state['html']}")
        if state["coveredBy"]:
            problems.append(f"focus under {state['coveredBy']}: {state['html']}")
        if not state["follows"]:
            problems.append(f"focus jumped back to {state['html']}")
        seen.append(state["html"])
    else:
        problems.append("Tab never left the page: a keyboard trap?")
    if len(seen) <= 5:
        problems.append(f"only {len(seen)} stops: {seen}")
    return problems


# --- reflow, layout shift, charts ------------------------------------------------------------

# Code and the theme's tables may scroll inside their own box (WCAG 1.4.10 excepts content that
# needs two dimensions); anything else wider than the screen, or cut off, fails.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const scrollsInItsBox = el => {
    for (let box = el.parentElement; box; box = box.parentElement) {
      if (getComputedStyle(box).overflowX === "visible") continue;
      return box.matches("pre, .highlight, .table-wrapper, .isw-table-scroll") && box.getBoundingClientRect().right <= width + 1;
    }
    return false;
  };
  const wide = [...document.querySelectorAll("main *")]
    .filter(el => el.checkVisibility({visibilityProperty: true}))
    .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > width + 1; })
    .filter(el => !scrollsInItsBox(el));
  return {
    page: document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth,
    widgets: [...document.querySelectorAll("section.isw-widget")]
      .filter(el => el.getBoundingClientRect().right > width + 1).map(el => el.id),
    wide: wide.slice(0, 5).map(el => el.outerHTML.slice(0, 100)),
  };
}"""  # noqa: E501 (JavaScript lines)


def reflow_problems(page, state: str) -> list[str]:
    """WCAG 1.4.10: at 320 CSS pixels wide nothing in this state scrolls sideways. The page
    gets its own size back after."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    size = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 640})
    # Charts as wide as their container draw again after a resize; what stays wide is reported below.
    with suppress(PlaywrightTimeout):
        page.wait_for_function(f"() => ({OVERFLOW})().wide.length === 0", timeout=5000)
    found = page.evaluate(OVERFLOW)
    page.set_viewport_size(size)
    problems = []
    if found["page"] > 0:
        problems.append(f"{state}: the page scrolls {found['page']} px sideways: {found['wide']}")
    if found["widgets"]:
        problems.append(f"{state}: exercises wider than the screen: {found['widgets']}")
    if found["wide"]:
        problems.append(f"{state}: wider than the screen: {found['wide']}")
    return problems


def assert_reflows(page, state: str) -> None:
    problems = reflow_problems(page, state)
    assert not problems, "\n".join(problems)


# Lighthouse's mobile preset: the size at which a new reader's layout shift is measured.
PHONE = (412, 823)
# Google calls up to 0.1 good; a quarter of that keeps Lighthouse's layout-shift part at full
# marks. Before the parts drawn after load kept their room, chapter pages shifted 0.045 and
# Mijn resultaten 0.31.
MOST_SHIFT = 0.025

# Content-Security-Policy violations as the browser reports them, recorded from the first
# script on (a violation by the page's own start-up counts too); read with csp_violations().
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective}: ${event.blockedURI || "inline"} `
    + `(${event.sourceFile || "?"}:${event.lineNumber}) ${event.sample || ""}`);
});
"""


def csp_violations(page) -> list[str]:
    """What the page's policy refused so far (the context must have RECORD_VIOLATIONS)."""
    return page.evaluate("window.__cspViolations")


RECORD_SHIFTS = """
window.iswShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    const moved = entry.sources.map((s) => s.node?.id || s.node?.className || s.node?.nodeName || "?");
    window.iswShifts.push({ value: entry.value, moved: moved.join(", ") });
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def settled_shifts(page) -> tuple[float, list[dict]]:
    """Once the network is quiet and what it brought is drawn: the sum of the page's layout
    shifts so far (the context must have RECORD_SHIFTS as an init script)."""
    page.wait_for_load_state("networkidle")
    next_frames(page)
    found = page.evaluate("window.iswShifts")
    return sum(shift["value"] for shift in found), found


def chart_labels(chart) -> list[str]:
    return chart.locator("svg text").evaluate_all("texts => texts.map(t => t.textContent)")


# Blocks the reader store, as a browser with storage switched off does.
BLOCK_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,  // as in a real browser
  get() { throw new DOMException("Opslag geblokkeerd", "SecurityError"); },
});
"""

# Runs the exercise module the way anywidget does live in Jupyter: imported from a blob URL (so
# no relative import resolves) and given a model with get/set/on/save_changes per exercise.
ANYWIDGET_HOST = """
async ([source, propsList]) => {
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const module = await import(url);
  const saved = [];
  for (const props of propsList) {
    const state = { props, answers: null, result: null, seed: 7 };
    const model = {
      get: (name) => state[name],
      set: (name, value) => { state[name] = value; },
      on() {}, off() {}, send() {},
      save_changes: () => saved.push(structuredClone({ id: props.id, ...state })),
    };
    const el = document.createElement("div");
    el.id = `jupyter-${props.id}`;
    document.body.append(el);
    module.default.render({ model, el });
  }
  window.saved = saved;
}
"""
