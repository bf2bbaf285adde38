"""Helpers for tests that read pages as HTML and walk the survey like a person."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
