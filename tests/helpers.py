"""Helpers for tests that read pages as HTML and walk the survey like a person."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from werkzeug.test import TestResponse


@dataclass
class Page:
    """A page as HTML: checked for status, a title and unique ids when made."""

    response: TestResponse
    soup: BeautifulSoup

    @property
    def title(self) -> str:
        return self.soup.title.get_text(strip=True) if self.soup.title else ""

    @property
    def csrf_token(self) -> str:
        field = self.soup.find("input", attrs={"name": "csrf_token"})
        assert field is not None, "page has no CSRF token"
        return field["value"]

    @property
    def error_summary(self) -> list[tuple[str, str]]:
        """Return (link target, message) of every error-summary entry."""
        box = self.soup.select_one(".error-summary")
        return [(a["href"], a.get_text(" ", strip=True)) for a in box.select("a")] if box else []

    def text(self) -> str:
        return self.soup.get_text(" ", strip=True)

    def checked(self, name: str) -> list[str]:
        """Return the values checked or selected for input ``name``."""
        inputs = self.soup.find_all("input", attrs={"name": name, "checked": True})
        options = [o for s in self.soup.find_all("select", attrs={"name": name}) for o in s.find_all("option")]
        return [i["value"] for i in inputs] + [o["value"] for o in options if o.has_attr("selected")]

    def value(self, name: str) -> str:
        """Return the text in input or textarea ``name``."""
        field = self.soup.find(attrs={"name": name})
        assert field is not None, f"no field {name!r}"
        return field.get_text() if field.name == "textarea" else field.get("value", "")


def as_page(response: TestResponse, status: int = 200) -> Page:
    """Parse a response as an HTML page and check what every page must have."""
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert soup.title is not None, "page has no title"
    assert soup.title.get_text(strip=True), "page title is empty"
    ids = [tag["id"] for tag in soup.find_all(attrs={"id": True})]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"duplicate ids: {duplicates}"
    return Page(response, soup)


class Respondent:
    """Drives the survey like a person on a phone with JavaScript off: follows links, posts forms."""

    def __init__(self, client: FlaskClient, slug: str = "mini", lang: str = "en") -> None:
        self.client = client
        self.slug = slug
        self.lang = lang

    def url(self, page_key: str | None = None, end: str | None = None) -> str:
        base = f"/{self.lang}/s/{self.slug}"
        return f"{base}/p/{page_key}" if page_key else (f"{base}/{end}" if end else base)

    def get(self, url: str, status: int = 200) -> Page:
        return as_page(self.client.get(url), status)

    def answer(self, page_key: str, data: dict, action: str = "next", token: str | None = None) -> TestResponse:
        """Open a page, then post ``data`` with its CSRF token, as pressing the button would."""
        page = self.get(self.url(page_key))
        form = {"csrf_token": token or page.csrf_token, "action": action, **data}
        return self.client.post(self.url(page_key), data=form)

    def send(self) -> TestResponse:
        page = self.get(self.url(end="send"))
        key = page.soup.find("input", attrs={"name": "submission_key"})["value"]
        return self.client.post(self.url(end="send"), data={"csrf_token": page.csrf_token, "submission_key": key})


def location(response: TestResponse) -> str:
    """Return the path a redirect points to."""
    assert response.status_code in (301, 302, 303), response.status_code
    return re.sub(r"^https?://[^/]+", "", response.headers["Location"])


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@contextmanager
def running_server(folder: Path, settings: dict[str, str], workers: int = 1, timeout: float = 30.0):
    """Migrate a fresh database, load surveys and run the real ``ourvoice serve`` until the block ends.

    Yields the base URL and the path of the server's log (stdout and stderr together).
    """
    ourvoice = str(Path(sys.executable).parent / "ourvoice")
    env = {**os.environ, **settings}
    for command in (["db", "upgrade"], ["surveys", "load"]):
        done = subprocess.run([ourvoice, *command], env=env, capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 0, f"`ourvoice {' '.join(command)}` failed:\n{done.stdout}{done.stderr}"
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = folder / "server.log"
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [ourvoice, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + timeout
            while not _healthy(f"{url}/healthz"):
                if server.poll() is not None or time.monotonic() > deadline:
                    state = f"exited with {server.returncode}" if server.returncode is not None else "no answer"
                    raise AssertionError(f"`ourvoice serve` {state}:\n{log_path.read_text()}")
                time.sleep(0.1)
            yield url, log_path
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)
