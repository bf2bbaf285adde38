"""`ourvoice serve` runs gunicorn and writes no access log: no IP address, agent or answer in its output."""

import http.cookiejar
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

CANARY = "CANARY-serve-77"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    ourvoice = Path(sys.executable).with_name("ourvoice")
    env = {
        "OURVOICE_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "OURVOICE_SECRET_KEY": "serve-test",
        "OURVOICE_SURVEYS_DIR": str(FIXTURES / "surveys"),
        "PATH": str(ourvoice.parent),
    }
    for command in (["db", "upgrade"], ["surveys", "load"]):
        subprocess.run([ourvoice, *command], env=env, check=True, capture_output=True)
    port = free_port()
    log = tmp_path / "server.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [ourvoice, "serve", "--port", str(port), "--workers", "1"], env=env, stdout=output, stderr=output
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=1) as reply:
                    assert reply.status == 200
                    break
            except OSError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        try:
            yield base, log
        finally:
            process.terminate()
            process.wait(timeout=30)


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
