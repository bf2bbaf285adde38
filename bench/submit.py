"""Benchmark: how many complete survey submissions per second a real gunicorn server takes.

Run by hand from the project folder (nothing here is a test):

    .venv/bin/python bench/submit.py [--clients N] [--duration S] [--workers W] [--runs R]

It builds a throw-away SQLite database in a temp folder, starts ``ourvoice serve`` on a free
port, then alternates two measurements R times (default 3), each with N concurrent clients:

* ``healthz``: GET /healthz as fast as possible, the ceiling of this machine and server set-up;
* ``submit``: simulated respondents, each doing a complete short journey with its own cookie
  jar: GET the first page, POST age, POST ward, POST every other page with no answers
  (following the 303 Location headers), GET send, POST send (303 to /thanks).

It prints the medians, the ratio submit-requests/s : healthz-requests/s of each run (the
machine is noisy, the ratio much less so), per-request-type latencies, every error, and
checks the database holds exactly the submissions the clients saw acknowledged.

Standard library only: http.client (one connection per client thread, reused when the server
keeps it alive; gunicorn's sync workers close it after each response) and http.cookiejar.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import http.cookiejar
import multiprocessing
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from types import FrameType

PROJECT = Path(__file__).resolve().parent.parent
SLUG = "community-measure"
LANG = "en"
FIRST_PAGE = "your_age"
#: Required answers, by page key; every other page is posted with no answers.
AGES = ["10-12", "13-15", "16-17", "18-21", "22-25", "prefer_not_to_say"]
WARDS = [f"E05011{n}" for n in range(350, 382)] + ["not_sure", "outside_manchester", "prefer_not_to_say"]
MAX_PAGES = 60  # a journey longer than this is looping: stop it and report it
CSRF_RE = re.compile(rb'name="csrf_token" value="([^"]+)"')
KEY_RE = re.compile(rb'name="submission_key" value="([^"]+)"')
#: share of one core that other processes may use during a run before it is marked unreliable
NOISY_CPU = 0.5
LOG_PROBLEMS = ("database is locked", "Traceback", "WORKER TIMEOUT", "ERROR", "CRITICAL")

# Request types, as reported.
HEALTHZ = "GET /healthz"
GET_FIRST = "GET first page"
GET_PAGE = "GET page"  # only with --browse
POST_PAGE = "POST page"
GET_SEND = "GET send"
POST_SEND = "POST send"
KINDS = (HEALTHZ, GET_FIRST, GET_PAGE, POST_PAGE, GET_SEND, POST_SEND)


# ---------------------------------------------------------------------------------------------- clients


@dataclass
class Tally:
    """What some clients did in one measurement (merged across threads and processes)."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    #: requests finished before the deadline (the rates count only these)
    requests: int = 0
    pages_saved: int = 0
    submissions: int = 0
    #: every submission acknowledged by a 303 to /thanks, even just after the deadline (integrity check)
    acknowledged: int = 0
    connections: int = 0
    errors: Counter = field(default_factory=Counter)
    error_samples: list[str] = field(default_factory=list)
    client_cpu: float = 0.0
    #: set by main(): CPU seconds of the server and of everything else on the machine, over cpu_wall seconds
    server_cpu: float | None = None
    other_cpu: float | None = None
    cpu_wall: float = 0.0

    def merge(self, other: Tally) -> None:
        """Add ``other`` to this tally."""
        for kind, values in other.latencies.items():
            self.latencies[kind].extend(values)
        self.requests += other.requests
        self.pages_saved += other.pages_saved
        self.submissions += other.submissions
        self.acknowledged += other.acknowledged
        self.connections += other.connections
        self.errors.update(other.errors)
        self.error_samples.extend(other.error_samples[: max(0, 5 - len(self.error_samples))])
        self.client_cpu += other.client_cpu


class JourneyFailed(Exception):
    """A request failed or answered something unexpected; the respondent gives up."""


class Stopped(Exception):
    """The measurement is over (deadline or Ctrl-C)."""


class _Headers:
    """The ``info()`` that http.cookiejar expects of a response."""

    def __init__(self, headers: Message) -> None:
        self.headers = headers

    def info(self) -> Message:
        return self.headers


class Client:
    """One simulated browser: one thread, one connection, a fresh cookie jar per respondent."""

    def __init__(self, port: int, deadline: float, stop: threading.Event, seed: int, browse: bool) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.deadline = deadline
        self.stop = stop
        self.random = random.Random(seed)
        self.browse = browse
        self.tally = Tally()

    def request(
        self,
        kind: str,
        method: str,
        path: str,
        form: dict[str, str] | None = None,
        jar: http.cookiejar.CookieJar | None = None,
    ) -> tuple[int, str | None, bytes]:
        """Send one request; record its latency; return status, Location and the (decoded) body."""
        if self.stop.is_set() or time.time() >= self.deadline:
            raise Stopped
        headers = {"Accept-Encoding": "gzip", "User-Agent": "ourvoice-bench"}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        cookie_request = None
        if jar is not None:
            cookie_request = urllib.request.Request(self.base + path, method=method)
            jar.add_cookie_header(cookie_request)
            if cookie_request.has_header("Cookie"):
                headers["Cookie"] = cookie_request.get_header("Cookie")
        if self.conn.sock is None:
            self.tally.connections += 1
        start = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.conn.close()
            self.fail(kind, f"{type(error).__name__}: {error}", f"{method} {path}")
        self.tally.latencies[kind].append(time.perf_counter() - start)
        if time.time() <= self.deadline:
            self.tally.requests += 1
        if response.getheader("Content-Encoding") == "gzip":
            data = gzip.decompress(data)
        if jar is not None and cookie_request is not None:
            jar.extract_cookies(_Headers(response.headers), cookie_request)  # type: ignore[arg-type]
        if not 200 <= response.status < 400:
            self.fail(kind, f"HTTP {response.status}", f"{method} {path}: {_summary(data)}")
        return response.status, response.getheader("Location"), data

    def fail(self, kind: str, problem: str, detail: str) -> None:
        """Count a problem and give up the journey."""
        self.tally.errors[f"{kind}: {problem}"] += 1
        if len(self.tally.error_samples) < 5:
            self.tally.error_samples.append(f"{problem}: {detail}")
        raise JourneyFailed(problem)

    def redirect_path(self, kind: str, status: int, location: str | None, current: str, data: bytes) -> str:
        """Return the path a 303 points at, or fail (a 200 to a POST means the form was shown again)."""
        if status != 303 or not location:
            self.fail(kind, f"HTTP {status} instead of 303", f"{current}: {_summary(data)}")
        return urllib.parse.urlsplit(urllib.parse.urljoin(self.base + current, location)).path

    def healthz(self) -> None:
        """GET /healthz until the deadline."""
        while True:
            try:
                self.request(HEALTHZ, "GET", "/healthz")
            except JourneyFailed:
                continue
            except Stopped:
                return

    def respondents(self) -> None:
        """Complete short journeys, one respondent after another, until the deadline."""
        while True:
            try:
                self.journey()
            except JourneyFailed:
                continue
            except Stopped:
                return

    def journey(self) -> None:
        """One respondent, start to thanks."""
        jar = http.cookiejar.CookieJar()
        answers = {FIRST_PAGE: {"age": self.random.choice(AGES)}, "where_you_live": {"ward": self.random.choice(WARDS)}}
        path = f"/{LANG}/s/{SLUG}/p/{FIRST_PAGE}"
        _, _, data = self.request(GET_FIRST, "GET", path, jar=jar)
        token = self.find(CSRF_RE, data, GET_FIRST, "csrf_token")
        for _ in range(MAX_PAGES):
            page_key = path.rsplit("/", 1)[-1]
            form = {"csrf_token": token, **answers.get(page_key, {}), "action": "next"}
            status, location, data = self.request(POST_PAGE, "POST", path, form, jar)
            path = self.redirect_path(POST_PAGE, status, location, path, data)
            if time.time() <= self.deadline:
                self.tally.pages_saved += 1
            if path.endswith("/send"):
                break
            if "/p/" not in path:
                self.fail(POST_PAGE, "redirected out of the pages", path)
            if self.browse:
                _, _, data = self.request(GET_PAGE, "GET", path, jar=jar)
                token = self.find(CSRF_RE, data, GET_PAGE, "csrf_token")
        else:
            self.fail(POST_PAGE, f"more than {MAX_PAGES} pages", path)
        _, _, data = self.request(GET_SEND, "GET", path, jar=jar)
        form = {
            "csrf_token": self.find(CSRF_RE, data, GET_SEND, "csrf_token"),
            "submission_key": self.find(KEY_RE, data, GET_SEND, "submission_key"),
        }
        status, location, data = self.request(POST_SEND, "POST", path, form, jar)
        thanks = self.redirect_path(POST_SEND, status, location, path, data)
        if not thanks.endswith("/thanks"):
            self.fail(POST_SEND, "not redirected to /thanks", thanks)
        self.tally.acknowledged += 1
        if time.time() <= self.deadline:
            self.tally.submissions += 1

    def find(self, pattern: re.Pattern[bytes], data: bytes, kind: str, name: str) -> str:
        """Return the hidden field value ``pattern`` finds in a page, or fail."""
        found = pattern.search(data)
        if found is None:
            self.fail(kind, f"no {name} in the page", _summary(data))
        return found.group(1).decode()  # type: ignore[union-attr]


def _summary(data: bytes) -> str:
    """Return the <title> or the start of a body, for error messages."""
    title = re.search(rb"<title>(.*?)</title>", data, re.S)
    text = title.group(1) if title else data[:120]
    return " ".join(text.decode(errors="replace").split())


def run_threads(mode: str, port: int, threads: int, start_at: float, duration: float, seed: int, browse: bool) -> Tally:
    """Run ``threads`` clients in this process from ``start_at`` for ``duration`` seconds."""
    stop = threading.Event()
    deadline = start_at + duration
    clients = [Client(port, deadline, stop, seed * 1000 + i, browse) for i in range(threads)]
    workers = [threading.Thread(target=getattr(c, mode), daemon=True) for c in clients]
    time.sleep(max(0.0, start_at - time.time()))
    cpu = time.process_time()
    try:
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    except KeyboardInterrupt:
        stop.set()
        raise
    total = Tally(client_cpu=time.process_time() - cpu)
    for client in clients:
        client.conn.close()
        total.merge(client.tally)
    return total


def _run_threads_in_child(args: tuple[str, int, int, float, float, int, bool]) -> Tally:
    # The parent handles Ctrl-C and SIGTERM, and terminates the pool (SIGTERM) if need be.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    return run_threads(*args)


def measure(mode: str, port: int, clients: int, duration: float, procs: int, seed: int, browse: bool = False) -> Tally:
    """Run ``clients`` concurrent clients (``mode``: healthz or respondents) spread over ``procs`` processes."""
    start_at = time.time() + (0.3 if procs == 1 else 1.0)
    shares = [clients // procs + (1 if i < clients % procs else 0) for i in range(procs)]
    if procs == 1:
        tally = run_threads(mode, port, clients, start_at, duration, seed, browse)
    else:
        jobs = [(mode, port, n, start_at, duration, seed * 100 + i, browse) for i, n in enumerate(shares) if n]
        with multiprocessing.get_context("fork").Pool(len(jobs)) as pool:
            tally = Tally()
            for part in pool.map(_run_threads_in_child, jobs):
                tally.merge(part)
    return tally


# ---------------------------------------------------------------------------------------------- server


class Server:
    """``ourvoice serve`` on a fresh SQLite database in a temp folder."""

    def __init__(self, workers: int, keep: bool) -> None:
        self.workers = workers
        self.keep = keep
        self.folder = Path(tempfile.mkdtemp(prefix="ourvoice-bench-"))
        self.database = self.folder / "bench.sqlite3"
        self.log_path = self.folder / "server.log"
        self.port = _free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.ourvoice = Path(sys.executable).parent / "ourvoice"
        # Only our settings: an OURVOICE_ENV=production from the shell would make the cookie Secure (no HTTP).
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("OURVOICE_")}
        self.env.update(OURVOICE_DATABASE_URL=f"sqlite:///{self.database}", OURVOICE_SECRET_KEY="bench")

    def prepare(self) -> None:
        """Create the schema and load the surveys."""
        for args in (["db", "upgrade"], ["surveys", "load"]):
            done = subprocess.run(
                [str(self.ourvoice), *args], env=self.env, cwd=PROJECT, capture_output=True, text=True, check=False
            )
            if done.returncode != 0:
                raise SystemExit(f"ourvoice {' '.join(args)} failed:\n{done.stdout}{done.stderr}")

    def start(self) -> None:
        """Start gunicorn (in its own session, so Ctrl-C reaches only us) and wait for /healthz."""
        command = [str(self.ourvoice), "serve", "--host", "127.0.0.1", "--port", str(self.port)]
        command += ["--workers", str(self.workers)]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                command, env=self.env, cwd=PROJECT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        give_up = time.time() + 60
        while time.time() < give_up:
            if self.process.poll() is not None:
                raise SystemExit(f"The server exited ({self.process.returncode}):\n{self.log()}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    conn.close()
                    return
                conn.close()
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.1)
        raise SystemExit(f"/healthz did not answer 200 within 60 s:\n{self.log()}")

    def cpu_seconds(self) -> float | None:
        """Return the CPU time used so far by the gunicorn master and its workers (Linux /proc)."""
        if self.process is None:
            return None
        try:
            tick = os.sysconf("SC_CLK_TCK")
            total = 0
            for entry in Path("/proc").iterdir():
                if not entry.name.isdigit():
                    continue
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                pid, ppid = int(entry.name), int(fields[1])
                if self.process.pid in (pid, ppid):
                    total += int(fields[11]) + int(fields[12])  # utime + stime
            return total / tick
        except (OSError, ValueError, IndexError):
            return None

    def measure(self, mode: str, args: argparse.Namespace, seed: int) -> Tally:
        """Run one measurement against this server, noting the CPU it and the rest of the machine used."""
        server_before, busy_before, wall_before = self.cpu_seconds(), _machine_busy_seconds(), time.time()
        tally = measure(mode, self.port, args.clients, args.duration, args.client_procs, seed, args.browse)
        server_after, busy_after = self.cpu_seconds(), _machine_busy_seconds()
        tally.cpu_wall = time.time() - wall_before
        if server_before is not None and server_after is not None:
            tally.server_cpu = server_after - server_before
            if busy_before is not None and busy_after is not None:
                tally.other_cpu = max(0.0, busy_after - busy_before - tally.server_cpu - tally.client_cpu)
        return tally

    def log(self) -> str:
        """Return what the server wrote so far."""
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def stop(self) -> None:
        """Stop gunicorn gracefully (SIGTERM), then kill it if it does not stop within 30 s."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def remove(self) -> None:
        """Delete the temp folder (unless --keep)."""
        if self.keep:
            print(f"Kept {self.folder} (database and server.log).")
        else:
            shutil.rmtree(self.folder, ignore_errors=True)

    def count_submitted(self) -> tuple[int, int, int]:
        """Return (submitted responses, duplicate submission keys, submitted responses missing age or ward)."""
        with sqlite3.connect(self.database, timeout=30) as db:
            submitted, distinct = db.execute(
                "SELECT count(*), count(DISTINCT submission_key) FROM responses WHERE status = 'submitted'"
            ).fetchone()
            incomplete = db.execute(
                "SELECT count(*) FROM responses r WHERE status = 'submitted' AND ("
                " NOT EXISTS (SELECT 1 FROM answers a WHERE a.response_id = r.id AND a.question_key = 'age')"
                " OR NOT EXISTS (SELECT 1 FROM answers a WHERE a.response_id = r.id AND a.question_key = 'ward'))"
            ).fetchone()[0]
        db.close()
        return submitted, submitted - distinct, incomplete


def _machine_busy_seconds() -> float | None:
    """Return the CPU time all cores spent busy since boot (user, nice, system, irq, softirq, steal)."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
        user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
        return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# ---------------------------------------------------------------------------------------------- report


@dataclass
class Run:
    """One healthz measurement and the submit measurement after it."""

    healthz: Tally
    submit: Tally
    window: float
    clients: int

    @property
    def disturbed(self) -> bool:
        """Say whether other processes used much CPU during this run."""
        return any(
            t.other_cpu is not None and t.cpu_wall and t.other_cpu / t.cpu_wall > NOISY_CPU
            for t in (self.healthz, self.submit)
        )

    @property
    def figures(self) -> tuple[float, float, float, float, float]:
        """Return healthz req/s, submit req/s, submissions/s, pages saved/s and the submit/healthz ratio."""
        healthz, submit = self.healthz.requests / self.window, self.submit.requests / self.window
        ratio = submit / healthz if healthz else float("nan")
        return healthz, submit, self.submit.submissions / self.window, self.submit.pages_saved / self.window, ratio


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _cpu(tally: Tally, seconds: float | None) -> str:
    return "-" if seconds is None or not tally.cpu_wall else f"{100 * seconds / tally.cpu_wall:.0f}%"


def report(runs: list[Run], server: Server, integrity: list[tuple[int, int, int, int]]) -> bool:
    """Print the tables; return whether everything was correct (no error, nothing lost or duplicated)."""
    print()
    print(f"{'run':<8}{'healthz req/s':>14}{'submit req/s':>14}{'submissions/s':>15}{'pages saved/s':>15}", end="")
    print(f"{'submit/healthz':>16}")
    for number, run in enumerate(runs, 1):
        _print_figures(str(number), run.figures, " *" if run.disturbed else "")
    _print_figures("median", tuple(statistics.median(run.figures[i] for run in runs) for i in range(5)))
    if any(run.disturbed for run in runs):
        print(f"* other processes used more than {NOISY_CPU:.0%} of a core during this run (see CPU below):", end="")
        print(" its req/s are unreliable, its ratio less so.")

    if any(run.submit.submissions < run.clients for run in runs):
        print("Warning: fewer submissions than clients in a window: journeys are long for this window,", end="")
        print(" so submissions/s is underestimated. Use a longer --duration (or fewer --clients).")
    print()
    print(f"{'CPU, % of one core':<20}{'healthz: server':>16}{'client':>8}{'others':>8}", end="")
    print(f"{'submit: server':>16}{'client':>8}{'others':>8}")
    for number, run in enumerate(runs, 1):
        print(f"{'run ' + str(number):<20}", end="")
        for tally in (run.healthz, run.submit):
            print(f"{_cpu(tally, tally.server_cpu):>16}{_cpu(tally, tally.client_cpu):>8}", end="")
            print(f"{_cpu(tally, tally.other_cpu):>8}", end="")
        print()
    print(f"({os.cpu_count()} cores = {100 * (os.cpu_count() or 1)}%; 'others' is the rest of the machine, noise)")

    print()
    print(f"{'latency (ms), all runs':<24}{'count':>8}{'median':>9}{'p95':>9}{'p99':>9}{'max':>9}")
    for kind in KINDS:
        values = [v for run in runs for v in (run.healthz if kind == HEALTHZ else run.submit).latencies.get(kind, [])]
        if values:
            ms = [1000 * v for v in values]
            print(f"{kind:<24}{len(ms):>8}{statistics.median(ms):>9.1f}", end="")
            print(f"{_percentile(ms, 0.95):>9.1f}{_percentile(ms, 0.99):>9.1f}{max(ms):>9.1f}")
    requests = sum(len(v) for run in runs for t in (run.healthz, run.submit) for v in t.latencies.values())
    connections = sum(t.connections for run in runs for t in (run.healthz, run.submit))
    closing = " (the server closed the connection after every response)" if connections >= requests else ""
    print(f"Connections opened: {connections} for {requests} requests{closing}")

    ok = True
    errors: Counter = Counter()
    samples: list[str] = []
    for run in runs:
        for tally in (run.healthz, run.submit):
            errors.update(tally.errors)
            samples.extend(tally.error_samples)
    print()
    if errors:
        ok = False
        print("Errors seen by the clients (non-2xx/3xx, exceptions, unexpected answers):")
        for problem, count in errors.most_common():
            print(f"  {count:>6}  {problem}")
        for sample in samples[:5]:
            print(f"  e.g. {sample}")
    else:
        print("Errors seen by the clients: none.")

    print()
    print("Submissions acknowledged by a 303 to /thanks (cumulative) vs. status='submitted' in the database")
    print("(lost: acknowledged, not stored; unacknowledged: stored, the client saw no 303, e.g. it timed out):")
    for number, (acked, submitted, duplicates, incomplete) in enumerate(integrity, 1):
        lost, unacknowledged = max(0, acked - submitted), max(0, submitted - acked)
        good = not (lost or unacknowledged or duplicates or incomplete)
        ok = ok and good
        print(f"  after run {number}: acknowledged {acked}, in database {submitted}: lost {lost},", end="")
        print(f" unacknowledged {unacknowledged}, duplicates {duplicates}, no age/ward {incomplete}", end="")
        print(" OK" if good else " WRONG")

    log = server.log()
    print()
    counts = {problem: log.count(problem) for problem in LOG_PROBLEMS}
    print("Server log:", ", ".join(f'"{p}" x{n}' for p, n in counts.items()))
    if any(counts.values()):
        ok = False
        flagged = [line for line in log.splitlines() if any(p in line for p in LOG_PROBLEMS if p != "Traceback")]
        for line in flagged[:10]:
            print(f"  {line}")
        if len(flagged) > 10:
            print(f"  ... and {len(flagged) - 10} more such lines")
        _print_tracebacks(log)
    return ok


#: lines that still belong to a traceback after its exception line (chained exceptions, SQLAlchemy's details)
_TRACEBACK_CONTINUED = ("During handling", "The above exception", "[SQL:", "[parameters:", "(Background on")


def _print_tracebacks(log: str) -> None:
    """Print the first traceback (with its chained ones) in full, and how often each final error line occurs."""
    chains: list[list[str]] = []
    chain: list[str] | None = None
    ended = False  # the current traceback has reached its exception line
    previous = ""
    for line in log.splitlines():
        if line.startswith("Traceback"):
            if chain is None:
                chain = [previous] if "Exception on" in previous else []
                chains.append(chain)
            chain.append(line)
            ended = False
        elif chain is not None and not ended:
            chain.append(line)
            ended = not line.startswith((" ", "\t"))
        elif chain is not None and (not line.strip() or line.startswith(_TRACEBACK_CONTINUED)):
            chain.append(line)
        else:
            chain = None
        previous = line
    if not chains:
        return
    endings = Counter(
        next(x for x in reversed(c) if x.strip() and not x.startswith(_TRACEBACK_CONTINUED[2:])) for c in chains
    )
    print(f"{len(chains)} tracebacks; their final lines:")
    for ending, count in endings.most_common():
        print(f"  {count:>6}  {ending}")
    print("First traceback:")
    print("\n".join("  " + line for line in chains[0]))


# ---------------------------------------------------------------------------------------------- main


def _print_figures(label: str, figures: tuple[float, ...], mark: str = "") -> None:
    healthz, submit, submissions, pages, ratio = figures
    print(f"{label:<8}{healthz:>14.1f}{submit:>14.1f}{submissions:>15.2f}{pages:>15.1f}{ratio:>16.3f}{mark}")


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main() -> int:
    """Parse the options, run the measurements, print the report; exit 1 if anything was wrong."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per measurement (default 10)")
    default_workers = (os.cpu_count() or 1) * 2 + 1
    parser.add_argument("--workers", type=int, default=default_workers, help="gunicorn workers (default 2*cores+1)")
    parser.add_argument("--runs", type=int, default=3, help="healthz+submit pairs (default 3)")
    parser.add_argument(
        "--client-procs", type=int, default=1, help="client processes sharing the clients (default 1: threads only)"
    )
    parser.add_argument(
        "--browse", action="store_true", help="also GET each page after its 303, as a browser does (not by default)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temp folder (database, server.log)")
    args = parser.parse_args()
    if args.clients < 1 or args.duration <= 0 or args.workers < 1 or args.runs < 1 or args.client_procs < 1:
        parser.error("--clients, --duration, --workers, --runs and --client-procs must be positive")
    args.client_procs = min(args.client_procs, args.clients)

    signal.signal(signal.SIGTERM, _interrupt)
    server = Server(args.workers, args.keep)
    clients = f"{args.clients} clients in {args.client_procs} process(es)"
    if args.browse:
        clients += " (--browse: journeys GET every page)"
    print(f"{clients}, {args.duration:g} s per measurement, {args.runs} runs, {args.workers} gunicorn workers,", end="")
    print(f" {os.cpu_count()} cores, database in {server.folder}")
    ok = False
    try:
        server.prepare()
        server.start()
        runs: list[Run] = []
        integrity: list[tuple[int, int, int, int]] = []
        acknowledged = 0
        for number in range(1, args.runs + 1):
            results: dict[str, Tally] = {}
            for mode, label in (("healthz", "healthz"), ("respondents", "submit")):
                tally = results[label] = server.measure(mode, args, number)
                errors = sum(tally.errors.values())
                rate = tally.requests / args.duration
                print(f"run {number} {label:<8} {rate:8.1f} req/s, {errors} errors", flush=True)
            acknowledged += results["submit"].acknowledged
            integrity.append((acknowledged, *server.count_submitted()))
            runs.append(Run(results["healthz"], results["submit"], args.duration, args.clients))
        server.stop()
        ok = report(runs, server, integrity)
    except KeyboardInterrupt:
        print("\nInterrupted: stopping the server.", file=sys.stderr)
        return 130
    finally:
        server.stop()
        server.remove()
    print()
    print("All correct." if ok else "PROBLEMS: see above.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
