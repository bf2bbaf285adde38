"""Browser tests: the real app (gunicorn, SQLite) driven by Debian's Chromium at phone size.

Every test in this folder is marked ``browser``. Without Chromium, axe-core or Playwright the folder
is skipped with a message; with ``OURVOICE_REQUIRE_BROWSER=1`` (CI) it fails with that message instead.

How axe runs on pages seen with JavaScript off: axe needs timers, which Chromium does not run while
scripts are disabled (``axe.run`` never settles). So for a JavaScript-off page the helper copies its
live DOM (with the state of every box, radio, drop-down and text area written back into attributes)
and opens that exact markup at the same address and viewport in a JavaScript-on "mirror" page: the
document request is answered with the copied HTML, the stylesheet comes from the app as usual and the
app's own scripts are answered empty, so nothing changes the copy. axe then checks what the
JavaScript-off person saw, laid out with the same CSS at 360 px, including pages that only exist as the
answer to a POST (an error page), which loading the address again would not show.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.helpers import running_server

HERE = Path(__file__).resolve().parent
PROJECT_ROOT = HERE.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
PHONE = {"width": 360, "height": 740}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SERVER_START_TIMEOUT = 30.0


def _missing_tools() -> str | None:
    """Say what is missing to run the browser tests, or None when all is there."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    if not AXE_JS.exists():
        missing.append(f"{AXE_JS} (run `npm install` in {PROJECT_ROOT})")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the Python package playwright (pip install -e '.[test]')")
    if not missing:
        return None
    return "browser tests need " + " and ".join(missing)


def _browser_required() -> bool:
    return os.environ.get("OURVOICE_REQUIRE_BROWSER") == "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark this folder's tests ``browser``; skip them when a tool is missing (unless it is required)."""
    missing = _missing_tools()
    for item in items:
        if not item.path.is_relative_to(HERE):
            continue
        item.add_marker(pytest.mark.browser)
        if missing and not _browser_required():
            item.add_marker(pytest.mark.skip(reason=missing))


@pytest.fixture(scope="session", autouse=True)
def _browser_tools() -> None:
    """Fail every test here with the reason when the tools are missing and OURVOICE_REQUIRE_BROWSER=1."""
    missing = _missing_tools()
    if missing and _browser_required():
        pytest.fail(f"{missing}, and OURVOICE_REQUIRE_BROWSER=1 says they must be there", pytrace=False)
    if missing:  # only reached when a test here is run in an unusual way: the collection hook skips them
        pytest.skip(missing)


# ---------------------------------------------------------------------------------------------- the server


@dataclass(frozen=True)
class LiveServer:
    """The app served by gunicorn for this test session."""

    url: str
    database: Path

    @property
    def origin(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """Start ``ourvoice serve`` on a fresh SQLite database with the surveys loaded; yield its base URL."""
    folder = tmp_path_factory.mktemp("server")
    database = folder / "test.sqlite3"
    settings = {
        "OURVOICE_DATABASE_URL": f"sqlite:///{database}",
        "OURVOICE_SECRET_KEY": "test",
        "OURVOICE_ENV": "development",  # plain http: production would set Secure cookies the browser drops
    }
    try:
        with running_server(folder, settings, workers=2, timeout=SERVER_START_TIMEOUT) as (url, _log):
            yield LiveServer(url=url, database=database)
    except AssertionError as error:
        pytest.fail(str(error), pytrace=False)


# ---------------------------------------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def browser(_browser_tools: None) -> Iterator[Any]:
    """Debian's Chromium, headless; never a downloaded browser."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


def run_axe(page: Any) -> list[dict]:
    """Run axe-core (WCAG 2.0-2.2 A and AA rules) in a JavaScript-on ``page``; return its violations."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
            .then((result) => result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map((n) => ({target: n.target.join(' '), summary: n.failureSummary})),
            })))""",
        AXE_TAGS,
    )


def format_violations(url: str, violations: list[dict]) -> str:
    """Say each violation readably: rule, impact, help, then each element's selector and reason."""
    lines = [f"axe found {len(violations)} WCAG 2.2 A/AA violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            reason = " ".join((node["summary"] or "").split())
            lines.append(f"    {node['target']}: {reason}")
    return "\n".join(lines)


#: Copies the live DOM of a page, writing the state of form controls back into attributes.
_SNAPSHOT_JS = """() => {
    const live = document.querySelectorAll('input, textarea, option');
    const copy = document.documentElement.cloneNode(true);
    const copied = copy.querySelectorAll('input, textarea, option');
    live.forEach((el, i) => {
        const twin = copied[i];
        if (el.tagName === 'INPUT' && (el.type === 'checkbox' || el.type === 'radio')) {
            twin.toggleAttribute('checked', el.checked);
        } else if (el.tagName === 'INPUT') {
            twin.setAttribute('value', el.value);
        } else if (el.tagName === 'TEXTAREA') {
            twin.textContent = el.value;
        } else {
            twin.toggleAttribute('selected', el.selected);
        }
    });
    const doctype = document.doctype ? '<!doctype ' + document.doctype.name + '>' : '';
    return doctype + copy.outerHTML;
}"""


def check_axe(page: Any, mirror: Any | None = None) -> None:
    """Fail with a readable list when axe finds a WCAG 2.2 A/AA violation on ``page``.

    ``page`` must have JavaScript on, unless ``mirror`` is given: a JavaScript-on page (same viewport)
    in which a copy of ``page``'s DOM is opened and checked (see the module's docstring).
    """
    if mirror is None:
        target = page
    else:
        html = page.evaluate(_SNAPSHOT_JS)
        address = page.url.split("#", 1)[0]

        def serve_copy(route: Any) -> None:
            request = route.request
            if request.resource_type == "document":
                route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)
            elif request.resource_type == "script":
                route.fulfill(status=200, content_type="text/javascript", body="")
            else:
                route.continue_()

        mirror.route("**/*", serve_copy)
        try:
            mirror.goto(address, wait_until="load")
        finally:
            mirror.unroute("**/*", serve_copy)
        target = mirror
    violations = run_axe(target)
    if violations:
        pytest.fail(format_violations(page.url, violations), pytrace=False)


@dataclass
class Phone:
    """One browser tab at 360 x 740 px, with every request it made."""

    page: Any
    server: LiveServer
    js: bool
    mirror_factory: Callable[[], Any]
    width: int = PHONE["width"]
    requests: list[str] = field(default_factory=list)

    def goto(self, path: str) -> Any:
        return self.page.goto(self.server.url + path)

    def check_axe(self) -> None:
        check_axe(self.page, None if self.js else self.mirror_factory())

    def assert_no_third_party_requests(self) -> None:
        """Every request so far went to the app (the quick exit is never followed here)."""
        elsewhere = [url for url in self.requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")]
        elsewhere = [url for url in elsewhere if not url.startswith(self.server.origin + "/")]
        assert not elsewhere, f"requests left {self.server.origin}: {elsewhere}"
        others = [url for url in self.requests if urlsplit(url).scheme not in ("http", "https", "data", "blob")]
        assert not others, f"unexpected requests: {others}"

    def check_page(self, lang: str = "en", direction: str = "ltr") -> None:
        """What every respondent page must have: language, help box, quick exit, no sideways scroll, axe clean."""
        page = self.page
        html = page.locator("html")
        assert (html.get_attribute("lang"), html.get_attribute("dir")) == (lang, direction), page.url
        help_box = page.locator("#help")
        assert help_box.is_visible(), f"no help box on {page.url}"
        heading = help_box.get_by_role("heading", name="Get help now") if lang == "en" else help_box.locator("h2")
        assert heading.is_visible(), page.url
        exit_link = page.locator("#exit")
        assert exit_link.is_visible(), f"no quick exit on {page.url}"
        assert exit_link.get_attribute("href") == "/exit", page.url
        self.assert_fits()
        self.check_axe()
        self.assert_no_third_party_requests()

    def assert_fits(self) -> None:
        """The page does not scroll sideways at this phone's width."""
        width = self.page.evaluate("document.documentElement.scrollWidth")
        assert width <= self.width, f"{self.page.url} scrolls sideways: {width} px wide at {self.width} px"

    def wire_bytes(self, path: str) -> tuple[list[tuple[str, int]], dict[str, dict]]:
        """Open ``path`` with the cache off; return (what, bytes on the wire) per response, and the responses.

        Chromium's own ``encodedDataLength`` counts headers and the compressed body: what a phone pays for.
        """
        page = self.page
        cdp = page.context.new_cdp_session(page)
        urls: dict[str, str] = {}
        responses: dict[str, dict] = {}
        wire: list[tuple[str, int]] = []

        def will_send(event: dict) -> None:
            if "redirectResponse" in event:  # a redirect's bytes are reported with the request that follows it
                redirect = event["redirectResponse"]
                what = f"{redirect['status']} {content_encoding(redirect)} {redirect['url']}"
                wire.append((what, int(redirect["encodedDataLength"])))
            urls[event["requestId"]] = event["request"]["url"]

        def finished(event: dict) -> None:
            response = responses.get(event["requestId"], {})
            what = f"{response.get('status', '?')} {content_encoding(response)} {urls.get(event['requestId'], '?')}"
            wire.append((what, int(event["encodedDataLength"])))

        cdp.on("Network.requestWillBeSent", will_send)
        cdp.on("Network.responseReceived", lambda event: responses.__setitem__(event["requestId"], event["response"]))
        cdp.on("Network.loadingFinished", finished)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        page.goto(self.server.url + path, wait_until="networkidle")
        cdp.detach()
        return wire, responses

    def screenshot(self, name: str) -> None:
        """Save a full-page screenshot in test-artifacts/screenshots/ (scrolled to the top first, so the
        sticky header is drawn at the top and not over the middle of the page)."""
        (SCREENSHOTS / name).parent.mkdir(parents=True, exist_ok=True)
        self.page.evaluate("window.scrollTo(0, 0)")
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def content_encoding(response: dict) -> str:
    """Return a CDP response's Content-Encoding, or ``identity``."""
    headers = {name.lower(): value for name, value in response.get("headers", {}).items()}
    return headers.get("content-encoding", "identity")


@pytest.fixture
def phone(browser: Any, live_server: LiveServer) -> Iterator[Callable[..., Phone]]:
    """Open a new phone-sized browser context: ``phone(js=True)``; each is closed after the test.

    ``bypass_csp`` is on only so axe can be injected into the app's pages (the app sends a strict CSP);
    pass ``bypass_csp=False`` to test under the app's real policy.
    """
    contexts: list[Any] = []
    mirrors: list[Any] = []

    def mirror_page() -> Any:
        if not mirrors:
            context = browser.new_context(viewport=PHONE, java_script_enabled=True, bypass_csp=True)
            contexts.append(context)
            mirrors.append(context.new_page())
        return mirrors[0]

    def open_phone(js: bool = True, bypass_csp: bool = True, width: int = PHONE["width"]) -> Phone:
        viewport = {**PHONE, "width": width}
        context = browser.new_context(viewport=viewport, java_script_enabled=js, bypass_csp=bypass_csp)
        contexts.append(context)
        phone = Phone(page=context.new_page(), server=live_server, js=js, mirror_factory=mirror_page, width=width)
        context.on("request", lambda request: phone.requests.append(request.url))
        return phone

    yield open_phone
    for context in contexts:
        with contextlib.suppress(Exception):
            context.close()
