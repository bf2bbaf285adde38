"""`ourvoice serve` runs gunicorn and writes no access log: no IP address, agent or answer in its output."""

import http.cookiejar
import re
import urllib.parse
import urllib.request

import pytest

from tests.conftest import FIXTURES
from tests.helpers import running_server

CANARY = "CANARY-serve-77"


@pytest.fixture
def server(tmp_path):
    settings = {
        "OURVOICE_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "OURVOICE_SECRET_KEY": "serve-test",
        "OURVOICE_SURVEYS_DIR": str(FIXTURES / "surveys"),
    }
    with running_server(tmp_path, settings) as running:
        yield running


def test_server_logs_hold_no_address_agent_or_answer(server):
    base, log = server
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    headers = {"User-Agent": "UA-" + CANARY, "X-Forwarded-For": "203.0.113.9"}
    with opener.open(urllib.request.Request(base + "/en/s/mini/p/first", headers=headers)) as reply:
        token = re.search(r'name="csrf_token" value="([^"]+)"', reply.read().decode()).group(1)
    form = urllib.parse.urlencode({"csrf_token": token, "age": "older", "action": "next"}).encode()
    with opener.open(urllib.request.Request(base + "/en/s/mini/p/first", data=form, headers=headers)) as reply:
        assert reply.url.endswith("/en/s/mini/p/feelings")
    with opener.open(urllib.request.Request(base + "/en/s/mini/p/words", headers=headers)) as reply:
        token = re.search(r'name="csrf_token" value="([^"]+)"', reply.read().decode()).group(1)
    form = urllib.parse.urlencode({"csrf_token": token, "idea": CANARY, "action": "next"}).encode()
    with opener.open(urllib.request.Request(base + "/en/s/mini/p/words", data=form, headers=headers)):
        pass
    output = log.read_text()
    assert "Booting worker" in output  # the log is really captured
    assert CANARY not in output
    assert "127.0.0.1 " not in output
    assert "203.0.113.9" not in output
    assert "GET /" not in output
