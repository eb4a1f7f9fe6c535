"""End to end in a real browser: Debian's chromium driven by Playwright, against `retold serve`.

Needs /usr/bin/chromium and the Python ``playwright`` package (no browser download: Playwright
is pointed at the system chromium). ``scripts/setup-browser.sh`` installs both. Set
``RETOLD_CHROMIUM`` to use another chromium binary, and ``RETOLD_DOCS_SCREENSHOT=1`` to also
refresh ``docs/screenshot.png``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

sys.path.insert(0, str(Path(__file__).resolve().parent))  # story_corpus, a test helper

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "isis-iraq-2020"
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = os.environ.get("RETOLD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# What the machine needs: no GPU, no background traffic to Google's hosts, a fresh profile
# (Playwright makes a new temporary --user-data-dir for every launch).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

if not Path(CHROMIUM).exists():
    pytest.skip(f"chromium not found at {CHROMIUM}: run scripts/setup-browser.sh",
                allow_module_level=True)
try:  # with chromium there, a missing driver is a broken setup, not a reason to skip
    import uvicorn  # noqa: F401
    from playwright import sync_api
except ImportError as exc:
    pytest.fail(f"chromium is installed but {exc.name} is not: run scripts/setup-browser.sh "
                "and pip install -e '.[web,dev]'", pytrace=False)


@contextlib.contextmanager
def serve(*args: str):
    """`retold serve` for real: the CLI in a subprocess, uvicorn on 127.0.0.1, a free port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "retold", "serve", "--host", "127.0.0.1", "--port", str(port),
         *args],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(base + "/api/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                out = proc.stdout.read() if proc.stdout else ""
                raise RuntimeError(f"retold serve did not start: {out[-2000:]}")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()


@pytest.fixture(scope="module")
def server():
    with serve() as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
          if m.type in ("error", "warning") else None)
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("request", lambda r: None if r.url.startswith((server, "data:", "blob:"))
          else problems.append(f"request off the server: {r.url}"))
    pg.problems = problems  # type: ignore[attr-defined]
    yield pg
    context.close()


def submit(page, server: str, original: str, retelling: str) -> None:
    page.goto(server + "/")
    page.fill("#original_text", original)
    page.fill("#retelling_text", retelling)
    with page.expect_navigation():
        page.click("#submit")


def test_paste_the_worked_example_and_follow_a_change(page, server):
    original = (EXAMPLE / "original.txt").read_text(encoding="utf-8")
    retelling = (EXAMPLE / "retelling.txt").read_text(encoding="utf-8")
    submit(page, server, original, retelling)
    assert page.locator("#changes").is_visible()
    assert page.locator(".chg-item").count() > 0

    # a change inside an aligned pair: click its highlight in the retelling
    item = page.locator(".chg-item:not([data-o='']):not([data-r=''])").first
    number = item.get_attribute("data-c")
    partner_ids = item.get_attribute("data-o").split()
    mark = page.locator(f".side-r mark.chg[data-c~='{number}']").first
    mark.scroll_into_view_if_needed()
    mark.click()
    for sid in partner_ids:
        assert "is-partner" in page.locator(f"#{sid}").get_attribute("class")
    holder = page.locator(f".side-r .sent:has(mark.chg[data-c~='{number}'])").first
    assert "is-current" in holder.get_attribute("class")
    assert f"Change {number} of" in page.locator("#chg-status").inner_text()
    assert "is-active" in page.locator(f"#change-{number}").get_attribute("class")

    # hovering an aligned sentence lights up its partner
    sent = page.locator(".side-r .sent.st-aligned[data-partners]").first
    partner = sent.get_attribute("data-partners").split()[0]
    sent.hover()
    assert "is-partner-hover" in page.locator(f"#{partner}").get_attribute("class")

    # keyboard: Tab reaches the changes' highlights, and focusing one selects it
    page.mouse.move(0, 0)
    page.keyboard.press("Escape")
    page.evaluate("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('mark.chg')"):
            break
    else:
        raise AssertionError("Tab never reached a highlighted change")
    assert page.locator("#chg-status").inner_text().startswith("Change ")
    page.keyboard.press("Escape")

    # keyboard: j goes to the first change (most severe), k wraps to the last
    page.keyboard.press("j")
    assert page.locator("#chg-status").inner_text().startswith("Change 1 of")
    page.keyboard.press("k")
    total = page.locator(".chg-item").count()
    assert page.locator("#chg-status").inner_text().startswith(f"Change {total} of")

    ARTIFACTS.mkdir(exist_ok=True)
    mark.scroll_into_view_if_needed()
    mark.click()
    page.wait_for_timeout(300)  # let the highlight transition finish
    page.screenshot(path=str(ARTIFACTS / "screenshot.png"))
    if os.environ.get("RETOLD_DOCS_SCREENSHOT"):  # the README's picture: the top of the report
        page.set_viewport_size({"width": 1280, "height": 1500})
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_timeout(300)
        page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))
    assert page.problems == []  # type: ignore[attr-defined]


def test_first_visit_fill_in_the_example(page, server):
    page.goto(server + "/")
    page.click("#fill-example")
    assert page.input_value("#original_text").startswith("Flood Forces")
    with page.expect_navigation():
        page.click("#submit")
    assert page.locator(".chg-item").count() > 0
    assert page.locator("#texts mark.chg", has_text="1989").count() == 1
    assert page.problems == []  # type: ignore[attr-defined]


def test_xss_payloads_do_not_execute(page, server):
    payloads = (
        "<img src=x onerror=\"window.__xss='img'\">\n\n"
        "Officials said <script>window.__xss='script'</script> 24 people died on Monday. "
        "\"><svg onload=\"window.__xss='svg'\"> The mayor quit. javascript:window.__xss='js'"
    )
    retelling = payloads.replace("24", "25").replace("mayor", "<b onmouseover=\"window.__xss=1\">mayor")
    submit(page, server, payloads, retelling)
    page.locator(".sent").first.hover()
    page.keyboard.press("j")
    for m in page.locator("#texts mark.chg[data-c]").all():
        m.click()
    assert page.evaluate("window.__xss") is None
    assert page.locator("#texts img, #texts svg, #texts script, #texts b").count() == 0
    assert "<script>window.__xss='script'</script>" in page.locator("#texts").inner_text()
    assert page.problems == []  # type: ignore[attr-defined]


def test_the_report_file_works_from_disk(page, tmp_path, server):
    """`retold compare --format html > report.html` opened from disk: no server, no network."""
    from retold.compare import compare
    from retold.reports.html import render

    c = compare("Ten people died on Monday. The mayor resigned.",
                       "Twelve people died on Monday. The mayor resigned.")
    path = tmp_path / "report.html"
    path.write_text(render(c), encoding="utf-8")
    page.goto(path.as_uri())
    page.keyboard.press("j")
    assert page.locator("#chg-status").inner_text().startswith("Change 1 of")
    assert page.locator("mark.chg.is-active").count() >= 1
    problems = [p for p in page.problems if not p.startswith("request off the server: file:")]  # type: ignore[attr-defined]
    assert problems == []


def test_phone_layout_stacks_the_texts(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    pg = context.new_page()
    try:
        pg.goto(server + "/")
        pg.fill("#original_text", "Ten people died on Monday. The mayor resigned.")
        pg.fill("#retelling_text", "Twelve people died on Monday. The mayor resigned.")
        with pg.expect_navigation():
            pg.click("#submit")
        o = pg.locator(".row.pair .side-o").first.bounding_box()
        r = pg.locator(".row.pair .side-r").first.bounding_box()
        assert r["y"] >= o["y"] + o["height"] - 1  # stacked, not side by side
        assert pg.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    finally:
        context.close()


def test_story_graph_with_a_store(browser, tmp_path):
    import datetime as dt

    from retold.model import Article, Link
    from retold.store import open_store

    text = "Ten people died in Kabul on Monday, officials said. The mayor resigned."
    store = open_store(tmp_path / "news.db")
    store.add_articles([
        Article("wire", text, "Ten die", None, "Wire", dt.date(2020, 6, 18)),
        Article("paper", text.replace("Ten", "Twelve"), "Twelve die", None, "Daily",
                dt.date(2020, 6, 19)),
        Article("blog", text, "<img src=x onerror=alert(1)>", None, None, None),
    ])
    store.put_links([], [Link("wire", "paper", True, "published", 0.9, 0.9, "wholly", 1),
                         Link("wire", "blog", False, "undecided", 0.6, 0.9, "partially", 0)])
    store.close()
    with serve("--store", str(tmp_path / "news.db")) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        pg = context.new_page()
        problems: list[str] = []
        pg.on("pageerror", lambda e: problems.append(str(e)))
        pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        pg.on("dialog", lambda d: (problems.append(d.message), d.dismiss()))
        try:
            pg.goto(base + "/stories")
            with pg.expect_navigation():
                pg.click("table a >> nth=0")
            pg.wait_for_selector("svg.graph[data-ready]")
            assert pg.locator("svg.graph a.node").count() == 3
            assert pg.locator("svg.graph path.edge").count() == 2
            assert pg.locator("svg.graph path.edge.undecided").count() == 1
            pg.hover("svg.graph a.node[data-id='paper'] circle")
            assert pg.locator("svg.graph path.edge.hi").count() == 1  # graph.js ran under CSP
            x, y = pg.locator("svg.graph a.edge-link[data-target='paper'] path").evaluate(
                """p => { const q = p.getPointAtLength(p.getTotalLength() * 0.6)
                          .matrixTransform(p.getScreenCTM()); return [q.x, q.y]; }""")
            with pg.expect_navigation():
                pg.mouse.click(x, y)  # on the arrow's line itself
            assert pg.locator("#changes").is_visible()  # the link's comparison report
            pg.goto(base + "/article?id=blog")
            assert pg.locator("h1").inner_text() == "<img src=x onerror=alert(1)>"
            ARTIFACTS.mkdir(exist_ok=True)
            pg.goto(base + "/story?id=story:wire")
            pg.screenshot(path=str(ARTIFACTS / "story-graph.png"))
            assert problems == []
        finally:
            context.close()


def test_api_docs_render_and_list_the_operations(page, server):
    """/docs: the vendored Swagger UI reads the app's OpenAPI 3.1 under the page's CSP."""
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text)
            if "Content Security Policy" in m.text else None)
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock", timeout=20_000)
    assert page.locator("text=Unable to render this definition").count() == 0
    ops = {(page.locator(".opblock-summary-method").nth(i).inner_text().strip(),
            page.locator(".opblock-summary-path").nth(i).inner_text().strip())
           for i in range(page.locator(".opblock").count())}
    assert ("POST", "/api/compare") in ops and ("GET", "/api/health") in ops
    # open the compare operation: its documented error answers are listed
    page.locator(".opblock-summary-path", has_text="/api/compare").first.click()
    page.wait_for_selector(".responses-table")
    codes = page.locator(".responses-table .response-col_status").all_inner_texts()
    assert {"200", "413", "422", "429", "503"} <= {c.strip() for c in codes}
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "docs.png"), full_page=False)
    assert violations == []
    assert page.problems == []  # type: ignore[attr-defined]


def _label_overlaps(pg) -> list[str]:
    """Pairs of visible graph labels (articles' and dates') whose boxes overlap on screen."""
    return pg.evaluate("""() => {
        const els = [...document.querySelectorAll('svg.graph .label, svg.graph-axis .day-label')]
            .filter(e => e.style.display !== 'none');
        // what shows on screen: each box cut to its clipping area (the view, the date strip)
        const clip = (e) => {
            const r = e.getBoundingClientRect();
            const c = (e.closest('.graph-view') || e.closest('svg')).getBoundingClientRect();
            const left = Math.max(r.left, c.left), right = Math.min(r.right, c.right);
            const top = Math.max(r.top, c.top), bottom = Math.min(r.bottom, c.bottom);
            return {left, right, top, bottom};
        };
        const boxes = els.map(e => [e.textContent, clip(e)])
            .filter(([, b]) => b.right > b.left && b.bottom > b.top);
        const out = [];
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const [ta, a] = boxes[i], [tb, b] = boxes[j];
            if (a.left < b.right - 0.5 && b.left < a.right - 0.5 &&
                a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(ta + ' / ' + tb);
        }
        return out.slice(0, 20);
    }""")


def test_story_graph_of_400_articles(browser, tmp_path):
    """A 400-article story through a real store: layered by time, no overlapping labels,
    zoom and pan, a page of bounded height."""
    from story_corpus import write_story

    root = write_story(tmp_path / "big.db", 400)
    with serve("--store", str(tmp_path / "big.db")) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        pg = context.new_page()
        problems: list[str] = []
        pg.on("pageerror", lambda e: problems.append(str(e)))
        pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        try:
            # the story as resolved links make it (siblings and chain shortcuts out)
            stories = pg.request.get(base + "/api/stories").json()
            n = len(next(s for s in stories if s["root"] == root)["articles"])
            assert n >= 300
            pg.goto(base + "/story?id=story:" + root)
            pg.wait_for_selector("svg.graph[data-ready]", timeout=60_000)
            assert pg.locator("svg.graph a.node").count() == n
            assert pg.locator("svg.graph path.edge").count() == n - 1  # the chain: one source each
            ARTIFACTS.mkdir(exist_ok=True)
            pg.screenshot(path=str(ARTIFACTS / "story-400.png"))
            assert _label_overlaps(pg) == []
            # layered by time: an article's circle is right of every earlier day's
            xs = pg.evaluate("""() => [...document.querySelectorAll('svg.graph a.node')].map(a => [
                +a.dataset.layer, a.querySelector('circle').getBoundingClientRect().left])""")
            by_layer: dict[int, list[float]] = {}
            for layer, x in xs:
                by_layer.setdefault(layer, []).append(x)
            lefts = [min(v) for _, v in sorted(by_layer.items())]
            rights = [max(v) for _, v in sorted(by_layer.items())]
            assert all(r < l2 for r, l2 in zip(rights, lefts[1:]))
            # zoom: the buttons scale the drawing, and labels still do not overlap
            scale = float(pg.get_attribute("#graph", "data-scale"))
            pg.click("button[data-zoom=in]")
            assert float(pg.get_attribute("#graph", "data-scale")) > scale
            pg.click("button[data-zoom=fit]")
            fit = float(pg.get_attribute("#graph", "data-scale"))
            assert fit < scale
            assert _label_overlaps(pg) == []
            pg.locator("#graph-box").screenshot(path=str(ARTIFACTS / "story-400-fit.png"))
            # pan: dragging moves the drawing
            pg.click("button[data-zoom=one]")
            node = pg.locator("svg.graph a.node").nth(5).locator("circle")
            before = node.bounding_box()
            view = pg.locator("#graph-view").bounding_box()
            pg.mouse.move(view["x"] + 300, view["y"] + 200)
            pg.mouse.down()
            pg.mouse.move(view["x"] + 180, view["y"] + 120, steps=6)
            pg.mouse.up()
            after = node.bounding_box()
            assert abs(after["x"] - before["x"] + 120) < 2 and abs(after["y"] - before["y"] + 80) < 2
            assert pg.url.startswith(base + "/story")  # the drag did not follow a link
            # an outlet from the key picks out its articles
            pg.click("#graph-key button >> nth=1")
            picked = pg.locator("svg.graph a.node.picked").count()
            assert 0 < picked < n
            # the page stays short: the chain is paginated, the facts are the shared ones
            assert pg.evaluate("document.documentElement.scrollHeight") < 15_000
            assert pg.locator("nav[aria-label='Pages of the chain']").count() == 1
            assert problems == []
        finally:
            context.close()


def test_bidi_overrides_stay_inside_their_sentence(page, server):
    """U+202E in an article reverses at most its own text, never the report's words."""
    rlo = "\u202e"
    original = f"Ten people died{rlo} on Monday, officials said. The mayor resigned."
    retelling = f"Twelve people died{rlo} on Monday, officials said. The mayor resigned."
    submit(page, server, original, retelling)
    styles = page.evaluate("""() => [...document.querySelectorAll('.sent, .doc-title')]
        .map(e => getComputedStyle(e).unicodeBidi)""")
    assert styles and set(styles) <= {"isolate", "plaintext", "isolate-override"}
    # the report's own labels read left to right as written
    assert page.locator(".side-meta h2").first.inner_text().lower() == "original"
    assert page.problems == []  # type: ignore[attr-defined]
