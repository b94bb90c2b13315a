"""What the build and the pages cost, against a plain Jupyter Book (issue 8).

`make bench` runs this. It works on copies in a scratch folder, never in the repository:
  book/   the files of this repository (as git lists them, new ones too), built as a maintainer
          would: `jupyter-book build .`, with the copy's own `widgets` package;
  plain/  the same Markdown with the code cells removed, under Jupyter Book's default config
          (only a title and the bibliography), so the difference is what our widgets,
          extension and notebook execution cost.
It prints `name: value` lines, each target next to its figure (MISSED where it is not met), and
exits 0 whatever the figures: this machine is shared and noisy, so these are measurements to
read, not assertions. Lines starting with `  ` explain a figure (where the time or bytes go).

Lighthouse (npm, pinned in tools/bench/package.json, which `make bench` installs) runs with the
mobile preset on every page, twice: with the site served compressed (gzip, as GitHub Pages and most hosts serve it) and
served by Python's http.server (uncompressed, as `make serve` does). It uses the same Chromium
and flags as the tests (tools/chromium.py).

Environment: BENCH_DIR (scratch folder; default a new temporary one, removed afterwards),
BENCH_PORT (first of two ports on 127.0.0.1; default any free port), BENCH_ROUNDS (clean
builds of each book, the fastest counts; default 2, one when the first round takes over
150 s), BENCH_LOADS (page loads for hydrate_ms; default 7), CHROMIUM (the browser; default
Debian's `chromium`, else Playwright's own).
"""

from __future__ import annotations

import datetime
import functools
import gzip
import http.server
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlparse

import yaml
from playwright.sync_api import Browser, Request, sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from chromium import CHROMIUM_ARGS, chromium_path, launch, serve  # tools/chromium.py

ROOT = Path(__file__).resolve().parents[1]
JUPYTER_BOOK = str(Path(sys.executable).parent / "jupyter-book")
CODE_CELL = re.compile(r"^(?P<fence>`{3,}|~{3,})\s*\{code-cell\}")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
CHART = ".isw-chart, .isw-figure"
VEGA = re.compile(r"/_static/widgets/vega[^/]*\.js$")
WIDGETS = "/_static/widgets/"
EDIT_MARKER = "Benchmarkwijziging"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE = ROOT / "tools" / "bench" / "node_modules" / ".bin" / "lighthouse"
COMPRESSIBLE = {".html", ".js", ".css", ".svg", ".json", ".txt"}
BUILD_BUDGET_S = 150


# --- output ---------------------------------------------------------------------------------


def emit(name: str, value: object, target: str | None = None, met: bool | None = None) -> None:
    """One `name: value` line; a target in brackets, and MISSED when it is not met."""
    line = f"{name}: {value}"
    if target:
        line += f" (target {target})"
    if met is False:
        line += " MISSED"
    print(line, flush=True)


def note(text: str) -> None:
    print(f"  {text}", flush=True)


def machine() -> str:
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor() or "unknown",
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    ram = ""
    if Path("/proc/meminfo").exists():
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f", RAM {kib / 2**20:.0f} GiB"
    return f"nproc {os.cpu_count()}, {cpu}{ram}"


# --- the two books --------------------------------------------------------------------------


def tracked_files() -> list[str]:
    """The repository's files: tracked, and new ones not ignored (work in progress builds too)."""
    try:
        args = ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
        out = subprocess.run(args, capture_output=True, check=True)
        return [name for name in out.stdout.decode().split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        skip = {"_build", ".venv", ".git", "node_modules", "__pycache__", ".pytest_cache"}
        return [
            str(p.relative_to(ROOT))
            for p in ROOT.rglob("*")
            if p.is_file() and not skip & set(p.relative_to(ROOT).parts)
        ]


def copy_book(target: Path) -> Path:
    for name in tracked_files():
        source = ROOT / name
        if source.is_file():  # tracked but deleted in the working tree: skip
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def strip_code_cells(text: str) -> str:
    """The Markdown without its {code-cell} blocks and without the jupytext/kernel header."""
    if text.startswith("---\n") and "\n---\n" in text[4:]:
        header, body = text[4:].split("\n---\n", 1)
        meta = yaml.safe_load(header) or {}
        for key in ("jupytext", "kernelspec"):
            meta.pop(key, None)
        text = (f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n" if meta else "") + body
    out, closing = [], None
    for line in text.splitlines(keepends=True):
        if closing:
            if line.strip() == closing:
                closing = None
            continue
        match = CODE_CELL.match(line)
        if match:
            closing = match["fence"]
            continue
        out.append(line)
    return "".join(out)


def make_plain(book: Path, target: Path) -> Path:
    """A plain Jupyter Book of the same pages: default config, no code cells, no extension."""
    target.mkdir(parents=True)
    toc = (book / "_toc.yml").read_text(encoding="utf-8")
    shutil.copy2(book / "_toc.yml", target / "_toc.yml")
    config = yaml.safe_load((book / "_config.yml").read_text(encoding="utf-8"))
    plain_config = {"title": config.get("title", "Book")}
    if config.get("bibtex_bibfiles"):
        plain_config["bibtex_bibfiles"] = config["bibtex_bibfiles"]
        for name in config["bibtex_bibfiles"]:
            shutil.copy2(book / name, target / name)
    (target / "_config.yml").write_text(yaml.safe_dump(plain_config, allow_unicode=True), encoding="utf-8")
    # The folders holding the pages of the table of contents, with their images and all.
    folders = {Path(m).parts[0] for m in re.findall(r"(?:root|file):\s*(\S+)", toc) if "/" in m}
    for folder in folders:
        shutil.copytree(book / folder, target / folder)
        for page in (target / folder).rglob("*.md"):
            page.write_text(strip_code_cells(page.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def set_execution(book: Path, mode: str) -> None:
    config = book / "_config.yml"
    text, count = re.subn(r"(?m)^(\s*execute_notebooks:\s*)\S+", rf"\g<1>{mode}", config.read_text(encoding="utf-8"))
    if count == 0:
        text += f"\nexecute:\n  execute_notebooks: {mode}\n"
    config.write_text(text, encoding="utf-8")


def edit_one_sentence(page: Path) -> None:
    """Change one sentence of prose: the first plain paragraph line after the title."""
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    closing = None
    for i, line in enumerate(lines):
        if closing:
            closing = None if line.strip() == closing else closing
            continue
        fence = re.match(r"^(`{3,}|~{3,}|:{3,})", line)
        if fence:
            closing = fence.group(1)
            continue
        if re.match(r"^[A-Z][a-z]+ [a-z]", line) and ". " in line:
            lines[i] = line.replace(". ", f" ({EDIT_MARKER}). ", 1)
            page.write_text("".join(lines), encoding="utf-8")
            return
    raise SystemExit(f"bench: no prose sentence found to edit in {page}")


# --- building -------------------------------------------------------------------------------


def children_cpu() -> float:
    """CPU seconds of finished child processes (kernels included): steadier than wall time here."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Build:
    """One `jupyter-book build .`, timed, with what its log says about where the time went."""

    def __init__(self, book: Path, clean: bool):
        if clean:
            shutil.rmtree(book / "_build", ignore_errors=True)
        # The copy's own `widgets` package, not the repository's (installed in editable mode).
        env = {**os.environ, "PYTHONPATH": str(book)}
        start, cpu = time.perf_counter(), children_cpu()
        run = subprocess.run(
            [JUPYTER_BOOK, "build", "."], check=False, cwd=book, env=env, capture_output=True, text=True
        )
        self.seconds = time.perf_counter() - start
        self.cpu = children_cpu() - cpu
        self.log = ANSI.sub("", run.stdout + run.stderr)
        if run.returncode != 0:
            print(self.log[-4000:], file=sys.stderr)
            raise SystemExit(f"bench: the build of {book} failed")

    @property
    def executed(self) -> list[float]:
        return [float(s) for s in re.findall(r"Executed notebook in ([0-9.]+) seconds", self.log)]

    @property
    def cached(self) -> int:
        return len(re.findall(r"Using cached notebook:", self.log))

    @property
    def read(self) -> int:
        return len(re.findall(r"^reading sources\.\.\. \[", self.log, re.MULTILINE))

    @property
    def written(self) -> int:
        return len(re.findall(r"^writing output\.\.\. \[", self.log, re.MULTILINE))

    @property
    def warnings(self) -> str:
        kinds: dict[str, int] = {}
        for line in re.findall(r"WARNING: .*", self.log):
            name = (re.findall(r"\[([\w.-]+)\]\s*$", line) or ["other"])[0]
            kinds[name] = kinds.get(name, 0) + 1
        return ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))

    def explain(self) -> str:
        text = f"{self.cpu:.1f} CPU s; {self.read} pages read, {self.written} written"
        if self.executed:
            text += (
                f", {len(self.executed)} notebooks executed in {sum(self.executed):.1f} s "
                f"({min(self.executed):.1f}-{max(self.executed):.1f} s each)"
            )
        if self.cached:
            text += f", {self.cached} notebooks from the cache"
        return text


# --- the browser ----------------------------------------------------------------------------

HYDRATION = """(chart) => {
  const nav = performance.getEntriesByType("navigation")[0];
  const mark = performance.getEntriesByName("isw-hydrated")[0];
  return {
    ms: mark ? mark.startTime - nav.domContentLoadedEventStart : null,
    widgets: document.querySelectorAll("section.isw-widget[data-props]").length,
    hydrated: document.querySelectorAll("section.isw-widget[data-hydrated]").length,
    charts: document.querySelectorAll(chart).length,
  };
}"""


SCROLL_THROUGH = """async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
    scrollTo(0, y);
    await new Promise((done) => setTimeout(done, 20));
  }
}"""


def load(browser: Browser, url: str, ours: bool, scroll: bool = False, profile: bool = False) -> dict[str, Any]:
    """One full load in a fresh context (empty cache): every response body, foreign requests.

    scroll: then scroll to the end, so whatever loads when it comes into view loads too.
    profile: also the main thread's JavaScript time per script, from Chromium's profiler.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    origin = "{0.scheme}://{0.netloc}".format(urlparse(url))
    finished: list[Request] = []
    foreign: list[str] = []
    page.on("requestfinished", lambda request: finished.append(request))  # noqa: PLW0108 (Playwright cannot tag a builtin method)
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith((origin, "data:", "blob:")) else None)
    if profile:
        cdp = context.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 200})
        cdp.send("Profiler.start")
    page.goto(url, wait_until="networkidle")
    if ours:
        page.wait_for_selector("html[data-isw-ready]", state="attached", timeout=15000)
    scripts: dict[str, float] = {}
    if profile:
        scripts = script_times(cdp.send("Profiler.stop")["profile"])
    if scroll:
        page.evaluate(SCROLL_THROUGH)
        page.wait_for_load_state("networkidle")
    files = {}
    for request in finished:
        response = request.response()
        if response is not None and request.url.startswith(origin):
            files[urlparse(request.url).path] = response.body()
    result = {"files": files, "foreign": foreign, "scripts": scripts, **page.evaluate(HYDRATION, CHART)}
    context.close()
    return result


def script_times(profile: dict[str, Any]) -> dict[str, float]:
    """Milliseconds of JavaScript per script file, from a CPU profile's samples."""
    nodes = {node["id"]: node["callFrame"] for node in profile["nodes"]}
    times: dict[str, float] = {}
    for sample, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        url = nodes[sample]["url"]
        if url:
            name = Path(urlparse(url).path).name
            times[name] = times.get(name, 0.0) + delta / 1000
    return times


def kind(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return {
        ".html": "html",
        ".js": "js",
        ".mjs": "js",
        ".css": "css",
        ".woff": "fonts",
        ".woff2": "fonts",
        ".ttf": "fonts",
        ".svg": "images",
        ".png": "images",
        ".ico": "images",
    }.get(suffix, "other")


def sizes(files: dict[str, bytes]) -> str:
    return ", ".join(f"{Path(p).name} {len(b):,}" for p, b in sorted(files.items(), key=lambda kv: -len(kv[1]))) or "-"


def by_kind(files: dict[str, bytes]) -> str:
    totals: dict[str, int] = {}
    for path, body in files.items():
        totals[kind(path)] = totals.get(kind(path), 0) + len(body)
    return ", ".join(f"{k} {v:,}" for k, v in sorted(totals.items(), key=lambda kv: -kv[1]))


def site_pages(site: Path) -> list[str]:
    """Every page a reader can open (index.html only redirects to the root page)."""
    return sorted(
        str(p.relative_to(site))
        for p in site.rglob("*.html")
        if not p.relative_to(site).parts[0].startswith("_") and p.relative_to(site) != Path("index.html")
    )


def chapter_pages(site: Path) -> list[str]:
    """The book's own pages: without the search page and the index Sphinx adds."""
    return [p for p in site_pages(site) if p not in {"search.html", "genindex.html"}]


def largest_widget_page(site: Path) -> str:
    pages = [p for p in site_pages(site) if 'class="isw-widget' in (site / p).read_text(encoding="utf-8")]
    if not pages:
        raise SystemExit("bench: no page with an exercise in the built book")
    return max(pages, key=lambda p: (site / p).stat().st_size)


class _Compressing(http.server.SimpleHTTPRequestHandler):
    """Serves text files gzipped to a browser that accepts it, as most web hosts do."""

    cache: ClassVar[dict[Path, bytes]] = {}  # one per server, not per request

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or path.suffix not in COMPRESSIBLE
            or not path.is_file()
        ):
            super().do_GET()
            return
        if path not in self.cache:
            self.cache[path] = gzip.compress(path.read_bytes(), 6)
        body = self.cache[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


def serve_compressed(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Compressing, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def lighthouse(url: str, categories: str = ",".join(CATEGORIES)) -> dict[str, Any] | None:
    """Lighthouse's mobile scores (0-100) and first contentful paint of one page, or None."""
    browser = chromium_path()
    if not LIGHTHOUSE.exists() or browser is None:
        return None
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    args = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={categories}",
        "--disable-full-page-screenshot",
        f"--chrome-flags={flags}",
    ]
    try:
        run = subprocess.run(
            args, check=False, capture_output=True, text=True, timeout=300, env={**os.environ, "CHROME_PATH": browser}
        )
        report = json.loads(run.stdout)
    except (subprocess.TimeoutExpired, json.JSONDecodeError):
        return None
    scores = {name: round(100 * (category["score"] or 0)) for name, category in report["categories"].items()}
    audits = report["audits"]
    failed = [
        ref["id"]
        for name in ("accessibility", "best-practices", "seo")
        if name in report["categories"]
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"] > 0 and (audits[ref["id"]]["score"] is not None) and audits[ref["id"]]["score"] < 1
    ]
    return {
        **scores,
        "fcp_s": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "failed": failed,
    }


def lighthouse_figures(
    name: str, base: str, pages: list[str], target: int | None, only_performance: bool = False
) -> None:
    """Lighthouse on every page at `base`: the lowest of each score, and the page it is on.

    only_performance: the other scores do not depend on how the site is served; this halves
    the time of a second pass.
    """
    if not LIGHTHOUSE.exists() or chromium_path() is None:
        emit(name, "n/a: run `make bench` (installs Lighthouse) and install Debian's chromium")
        return
    results = {}
    for path in pages:
        result = lighthouse(f"{base}/{path}", CATEGORIES[0] if only_performance else ",".join(CATEGORIES))
        if result is None:
            note(f"Lighthouse failed on {path}")
            continue
        results[path] = result
    if not results:
        emit(name, "n/a: Lighthouse failed on every page")
        return
    for path, result in results.items():  # per page: a low figure can be rerun alone
        note(f"{path}: " + ", ".join(f"{c} {result[c]}" for c in CATEGORIES if c in result))
    worst = min(results, key=lambda p: results[p]["performance"])
    low = results[worst]
    if target is None:  # the plain book: for comparison only
        emit(f"{name}_perf_min", low["performance"])
    else:
        emit(f"{name}_perf_min", low["performance"], f">= {target}", low["performance"] >= target)
    note(
        f"lowest on {worst}: first contentful paint {low['fcp_s']:.1f} s, largest {low['lcp_s']:.1f} s; "
        f"median over {len(results)} pages {statistics.median(r['performance'] for r in results.values())}"
    )
    for category in () if only_performance else CATEGORIES[1:]:
        page = min(results, key=lambda p: results[p][category])
        score = results[page][category]
        emit(f"{name}_{category.replace('-', '_')}_min", score, *(() if target is None else ("100", score >= 100)))
        if results[page][category] < 100:
            note(f"on {page}: {', '.join(results[page]['failed'])}")


def site_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


# --- the benchmark --------------------------------------------------------------------------


def measure_builds(book: Path, plain: Path, rounds: int) -> None:
    ours, theirs, started = [], [], time.perf_counter()
    for _ in range(rounds):  # alternate, so a noisy minute hits both books alike
        ours.append(Build(book, clean=True))
        theirs.append(Build(plain, clean=True))
        if time.perf_counter() - started > BUILD_BUDGET_S:  # keep `make bench` to minutes
            break
    best, best_plain = min(ours, key=lambda b: b.seconds), min(theirs, key=lambda b: b.seconds)
    emit("build_s", f"{best.seconds:.1f}")
    note(f"clean builds: {', '.join(f'{b.seconds:.1f}' for b in ours)} s; fastest: {best.explain()}")
    emit("plain_build_s", f"{best_plain.seconds:.1f}")
    note(
        f"clean builds: {', '.join(f'{b.seconds:.1f}' for b in theirs)} s; fastest: {best_plain.explain()}"
        + (f"; warnings: {best_plain.warnings}" if best_plain.warnings else "")
    )
    ratio = best.seconds / best_plain.seconds
    emit("build_ratio", f"{ratio:.2f}", "<= 1.5", ratio <= 1.5)
    note(f"in CPU seconds: {best.cpu / best_plain.cpu:.2f}")
    if best.executed:
        rest = best.seconds - sum(best.executed)
        note(
            f"without notebook execution the build would take about {rest:.1f} s "
            f"(ratio {rest / best_plain.seconds:.2f})"
        )


def measure_browser(book: Path, plain: Path, port: int, loads: int) -> None:
    """The heaviest chartless page and the largest exercise page against the plain book's,
    every page for Vega, then Lighthouse on every page, served compressed and not."""
    site, plain_site = book / "_build" / "html", plain / "_build" / "html"
    widget_page = largest_widget_page(site)
    server, url = serve(site, port)
    plain_server, plain_url = serve(plain_site, port + 1 if port else 0)
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page, run = heaviest_chartless_page(browser, url, chapter_pages(site))
            emit("page", page)
            page_figures(run, load(browser, f"{plain_url}/{page}", ours=False), page)
            emit("widget_page", widget_page)
            runs = [load(browser, f"{url}/{widget_page}", ours=True) for _ in range(max(loads, 5))]
            widget_code_figures(runs[0])
            hydration_figures(runs, load(browser, f"{url}/{widget_page}", ours=True, profile=True))
            vega_figure(browser, url, site_pages(site))
            browser.close()
        emit("site_bytes", site_bytes(site))
        emit("plain_site_bytes", site_bytes(plain_site))
        gzip_server, gzip_url = serve_compressed(site)
        plain_gzip_server, plain_gzip_url = serve_compressed(plain_site)
        try:
            pages = chapter_pages(site)
            lighthouse_figures("lighthouse_gzip", gzip_url, pages, 95)
            lighthouse_figures("lighthouse_http_server", url, pages, 90, only_performance=True)
            lighthouse_figures("plain_lighthouse_gzip", plain_gzip_url, [page], None)
            lighthouse_figures("plain_lighthouse_http_server", plain_url, [page], None, only_performance=True)
        finally:
            gzip_server.shutdown()
            plain_gzip_server.shutdown()
    finally:
        server.shutdown()
        plain_server.shutdown()


def heaviest_chartless_page(browser: Browser, url: str, pages: list[str]) -> tuple[str, dict[str, Any]]:
    """The page without a chart whose load fetches the most bytes, and that load."""
    runs = {path: load(browser, f"{url}/{path}", ours=True) for path in pages}
    chartless = [path for path, run in runs.items() if not run["charts"]]
    page = max(chartless, key=lambda path: sum(len(b) for b in runs[path]["files"].values()))
    return page, runs[page]


def widget_code_figures(ours: dict[str, Any]) -> None:
    widget_files = {p: b for p, b in ours["files"].items() if WIDGETS in p and p.endswith((".js", ".css"))}
    code = sum(len(b) for b in widget_files.values())
    emit("widget_code_bytes", code, "<= 50,000", code <= 50_000)
    emit("widget_code_gzip_bytes", sum(len(gzip.compress(b, 9)) for b in widget_files.values()))
    note(", ".join(f"{Path(p).name} {len(b):,}" for p, b in sorted(widget_files.items())))


def gzipped(files: dict[str, bytes]) -> int:
    """The bytes a compressing server sends (gzip level 6, text files only)."""
    return sum(len(gzip.compress(b, 6)) if Path(p).suffix in COMPRESSIBLE else len(b) for p, b in files.items())


def page_figures(ours: dict[str, Any], plain: dict[str, Any], page: str) -> None:
    total = sum(len(b) for b in ours["files"].values())
    plain_total = sum(len(b) for b in plain["files"].values())
    emit("page_bytes", total, "<= 400,000", total <= 400_000)
    note(f"{len(ours['files'])} requests: {by_kind(ours['files'])}")
    if ours["foreign"]:
        note(f"requests to other origins: {', '.join(ours['foreign'])}")
    emit("page_gzip_bytes", gzipped(ours["files"]), "<= 120,000", gzipped(ours["files"]) <= 120_000)
    emit("plain_page_bytes", plain_total)
    emit("plain_page_gzip_bytes", gzipped(plain["files"]))
    note(f"{len(plain['files'])} requests: {by_kind(plain['files'])}")
    note("only ours: " + sizes({p: b for p, b in ours["files"].items() if p not in plain["files"]}))
    note("only plain: " + sizes({p: b for p, b in plain["files"].items() if p not in ours["files"]}))
    note(
        f"the page's HTML: {len(ours['files'].get(f'/{page}', b'')):,} bytes, "
        f"plain {len(plain['files'].get(f'/{page}', b'')):,}"
    )
    emit("plain_page_foreign_requests", len(plain["foreign"]))
    for foreign in plain["foreign"]:
        note(f"failed here (no network): {foreign}")


def hydration_figures(runs: list[dict[str, Any]], profiled: dict[str, Any]) -> None:
    times = [r["ms"] for r in runs]
    if None in times:
        emit("hydrate_ms", "n/a: no isw-hydrated mark", "<= 50", False)
    else:
        median = statistics.median(times)
        emit("hydrate_ms", f"{median:.1f}", "<= 50", median <= 50)
        note(
            f"{len(times)} loads, min {min(times):.1f}, max {max(times):.1f} ms; "
            f"{runs[0]['hydrated']} of {runs[0]['widgets']} exercises hydrated"
        )
    note(
        "JavaScript on the main thread during one load (ms): "
        + ", ".join(f"{name} {ms:.0f}" for name, ms in sorted(profiled["scripts"].items(), key=lambda kv: -kv[1])[:6])
    )


def vega_figure(browser: Browser, url: str, pages: list[str]) -> None:
    chartless_with_vega, chart_pages = [], []
    for path in pages:
        run = load(browser, f"{url}/{path}", ours=True, scroll=True)
        vega = any(VEGA.search(p) for p in run["files"])
        if run["charts"]:
            chart_pages.append(f"{Path(path).stem} ({'Vega' if vega else 'no Vega yet'})")
        elif vega:
            chartless_with_vega.append(path)
    emit("vega_on_chartless_pages", len(chartless_with_vega), "0", not chartless_with_vega)
    note(
        f"{len(pages)} pages loaded and scrolled to the end; with a chart: {', '.join(chart_pages) or '-'}"
        + (f"; Vega without a chart on: {', '.join(chartless_with_vega)}" if chartless_with_vega else "")
    )


def precache_figure(site: Path) -> None:
    """What a reader's browser keeps for offline reading: the files sw.js lists (issue 15)."""
    from widgets._offline import written_precache  # the writer's own reading of sw.js

    precache = written_precache(site / "sw.js") if (site / "sw.js").is_file() else None
    if precache is None:
        emit("precache_bytes", "n/a: offline reading is switched off")
        return
    files = {name: (site / name).read_bytes() for name in precache["files"]}
    emit("precache_bytes", sum(len(b) for b in files.values()))
    note(f"{len(files)} files: {by_kind(files)}; largest: {sizes(files).split(', ', 3)[:3]}")


def measure_rebuilds(book: Path, page: str) -> None:
    set_execution(book, "cache")
    primed = Build(book, clean=True)
    note(f"with execute_notebooks: cache, a clean build took {primed.seconds:.1f} s ({primed.explain()})")
    noop = Build(book, clean=False)
    emit("noop_rebuild_s", f"{noop.seconds:.1f}", "<= 10", noop.seconds <= 10)
    note(noop.explain())
    source = book / Path(page).with_suffix(".md")
    edit_one_sentence(source)
    edit = Build(book, clean=False)
    emit("one_edit_rebuild_s", f"{edit.seconds:.1f}", "<= 20", edit.seconds <= 20)
    shown = EDIT_MARKER in (book / "_build" / "html" / page).read_text(encoding="utf-8")
    note(
        f"one sentence changed in {source.relative_to(book)}: {edit.explain()}"
        + ("" if shown else "; THE CHANGE IS NOT ON THE BUILT PAGE")
    )


def main() -> None:
    rounds = int(os.environ.get("BENCH_ROUNDS", "2"))
    loads = int(os.environ.get("BENCH_LOADS", "7"))
    port = int(os.environ.get("BENCH_PORT", "0"))
    scratch = Path(os.environ["BENCH_DIR"]) if os.environ.get("BENCH_DIR") else Path(tempfile.mkdtemp(prefix="bench-"))
    started = time.perf_counter()
    emit("date", datetime.datetime.now().astimezone().isoformat(timespec="minutes"))
    emit("machine", machine())
    note(f"load average {os.getloadavg()[0]:.1f} at the start (other work on the machine slows every figure)")
    shutil.rmtree(scratch / "book", ignore_errors=True)
    shutil.rmtree(scratch / "plain", ignore_errors=True)
    try:
        book = copy_book(scratch / "book")
        plain = make_plain(book, scratch / "plain")
        measure_builds(book, plain, rounds)
        precache_figure(book / "_build" / "html")
        measure_browser(book, plain, port, loads)
        measure_rebuilds(book, largest_widget_page(book / "_build" / "html"))
    finally:
        if not os.environ.get("BENCH_DIR"):
            shutil.rmtree(scratch, ignore_errors=True)
    emit("bench_s", f"{time.perf_counter() - started:.0f}")
    note(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
