#!/usr/bin/env python3
"""History benchmark (issue 4, "Fast on big repositories"): Inkstone beside the git CLI on the same repository.

    python3 bench/gen_repo.py --out bench/work/repo-10k --pages 10000 --commits 100000 --commit-graph
    python3 bench/history.py --repo bench/work/repo-10k --rounds 5

Every round starts Inkstone afresh (`java -Xmx512m -jar JAR --repo DIR --port P --data TMP`, a new data folder
each round, so nothing persisted by an earlier round helps) and asks, interleaved with git (the order of the two
alternates between repetitions):

  dates pass     the first GET /api/pages/<rare page> after start (its `updated`, `created` and `contributors`;
                 until the history index is ready they come from a walk of that page's file) beside
                 `git log --format=%H --name-only` over the whole history, and beside
                 `git log --format='%H %an %ae' -- <file>`, git's history of that one file (odd rounds)
  index build    the server log's "history index built" time beside `git log --format=%H --name-only`
  history        GET /api/history/<page>?limit=20 beside `git log -n 20 --format=%H -- <file>`, for the page
                 with the fewest commits (the oldest such, so git walks nearly all history) and the one with the
                 most; as the first request after start (even rounds), then warm
  diff           GET /api/diff/<hot page> beside `git diff <prev>..<tip> -- <file>` (its last change)
  new commit     once the server log says the history index is built (the question is what advancing it costs):
                 PUT /api/pages/<mid page> (one edit, with its sha and an editor token), then the first
                 GET /api/pages/<rare page> and GET /api/history/<mid page>?limit=20 after it, as the delta
                 against the same requests warm just before (goal: under 20 ms)

git commands are timed as whole processes (wall clock), HTTP requests with http.client on one persistent
connection. "Warm" figures come after --warmup untimed requests per question and round (the JIT and caches warm,
as in a long-running service); git's include its process start, which a service does not pay per request.
The benchmark runs on a copy of --repo in its temporary folder (the copy is what Inkstone serves and git reads), so
the given repository is never written; --in-place uses it directly. An endpoint that answers 404/405 for the route itself is reported "n/a". Commits made by the
benchmark are removed at the end (the branch is moved back; --keep-commits leaves them). The table is printed and
written to bench/results/history-<date>.md. Ratios are Inkstone / git: below 1 Inkstone is faster.
"""

import argparse
import datetime
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
GIT_ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, GIT_PAGER="cat", LC_ALL="C")
ROUTE_MISSING = (404, 405, 501)


# ----- small helpers ----------------------------------------------------------------------------------------

def git(repo, *argv, check=True):
    return subprocess.run(["git", "-C", repo, *argv], env=GIT_ENV, check=check, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE).stdout.decode("utf-8", "replace")


def timed_git(repo, *argv):
    """Wall-clock seconds of one whole git process, its output discarded."""
    start = time.perf_counter()
    done = subprocess.run(["git", "-C", repo, *argv], env=GIT_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise RuntimeError("git %s failed: %s" % (" ".join(argv), done.stderr.decode("utf-8", "replace")))
    return seconds


def page_path(file):
    """Repository file -> Inkstone page path (README: drop .md and /index)."""
    path = file[:-3]
    if path == "index":
        return ""
    return path[:-len("/index")] if path.endswith("/index") else path


def quote(path):
    return urllib.parse.quote(path, safe="/")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values, p):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def ms(seconds):
    return "n/a" if seconds is None else ("%.1f" % (seconds * 1000) if seconds < 10 else "%.0f" % (seconds * 1000))


class Http:
    """One persistent HTTP/1.1 connection; reconnects once if the server closed it."""

    def __init__(self, port):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)

    def request(self, method, url, body=None, headers=None):
        """Returns (status, body bytes, seconds); the time covers sending and reading the whole answer."""
        data = None if body is None else json.dumps(body).encode("utf-8")
        heads = dict(headers or {})
        if data is not None:
            heads["Content-Type"] = "application/json"
        for attempt in (0, 1):
            start = time.perf_counter()
            try:
                self.conn.request(method, url, body=data, headers=heads)
                response = self.conn.getresponse()
                payload = response.read()
                return response.status, payload, time.perf_counter() - start
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
                if attempt:
                    raise

    def close(self):
        self.conn.close()


# ----- the repository's facts, computed once and untimed ----------------------------------------------------

def analyze(repo):
    """Picks the rare, hot and mid pages from the history (never-renamed pages only, so that `git log -- file`
    without --follow and Inkstone's rename-following history ask the same question)."""
    tip_files = set(git(repo, "ls-tree", "-r", "--name-only", "HEAD").splitlines())
    counts, oldest, renamed_into = {}, {}, set()
    index = 0
    for line in git(repo, "log", "--format=@%H", "--name-status", "-M").splitlines():
        if line.startswith("@"):
            index += 1
            continue
        if not line:
            continue
        fields = line.split("\t")
        status, path = fields[0], fields[-1]
        if status.startswith("R"):
            renamed_into.add(path)
        counts[path] = counts.get(path, 0) + 1
        oldest[path] = index
    pages = [p for p in tip_files if p.endswith(".md") and not p.endswith("index.md")
             and p not in renamed_into and p in counts]
    if len(pages) < 3:
        sys.exit("history.py: the repository needs at least three never-renamed pages besides index.md")
    rare = min(pages, key=lambda p: (counts[p], -oldest[p], p))
    hot = max(pages, key=lambda p: (counts[p], p))
    by_count = sorted((p for p in pages if p not in (rare, hot)), key=lambda p: (counts[p], p))
    mid = by_count[len(by_count) // 2]
    return {"commits": index, "rare": rare, "hot": hot, "mid": mid, "counts": counts}


def last_change(repo, file):
    """(previous change, tip) for `git diff prev..tip -- file`: the file's second-newest commit and the tip."""
    commits = git(repo, "log", "-n", "2", "--format=%H", "--", file).split()
    tip = git(repo, "rev-parse", "HEAD").strip()
    return (commits[1] if len(commits) > 1 else None), tip


def numstat(repo, prev, tip, file):
    out = git(repo, "diff", "--numstat", "%s..%s" % (prev, tip), "--", file).split()
    return (int(out[0]), int(out[1])) if len(out) >= 2 else (0, 0)


# ----- Inkstone -----------------------------------------------------------------------------------------------

class Server:
    def __init__(self, jar, repo, data, log_path):
        self.port = free_port()
        self.log = open(log_path, "wb")
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(["java", "-Xmx512m", "-jar", jar, "--repo", repo, "--port", str(self.port),
                                      "--data", data], stdout=self.log, stderr=subprocess.STDOUT)
        self.log_path = log_path

    def wait_healthy(self, timeout=900):
        """Seconds from process start to the first 200 from /api/health."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("Inkstone exited with %d; log %s:\n%s" % (self.proc.returncode, self.log_path,
                                                                            self.tail()))
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", "/api/health")
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status == 200:
                    return time.perf_counter() - self.started
            except OSError:
                pass
            time.sleep(0.02)
        raise RuntimeError("Inkstone did not answer /api/health within %d s; log %s" % (timeout, self.log_path))

    def wait_for_log(self, text, timeout):
        """Polls the server log until it holds `text`; False after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with open(self.log_path, "rb") as f:
                if text.encode() in f.read():
                    return True
            time.sleep(0.25)
        return False

    def tail(self):
        with open(self.log_path, "rb") as f:
            return f.read()[-3000:].decode("utf-8", "replace")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def problem_type(payload):
    try:
        return json.loads(payload).get("type", "")
    except (ValueError, AttributeError):
        return ""


class Results:
    """Samples per (question, side); a question whose route is missing is n/a for Inkstone."""

    def __init__(self):
        self.samples = {}
        self.missing = {}
        self.notes = []
        self.loads = []

    def add(self, key, side, seconds):
        self.samples.setdefault((key, side), []).append(seconds)

    def get(self, key, side):
        return self.samples.get((key, side), [])

    def note(self, text):
        if text not in self.notes:
            self.notes.append(text)
            print("  note: " + text)


def ask(http_, results, key, url, expect=200):
    """One timed Inkstone request for question `key`; None if it failed, and the question is n/a from then on.

    A missing route (404/405 without a page-not-found type) is expected while endpoints are being built; any
    other failure is reported the same way, with its status, so that one broken endpoint does not stop the run.
    """
    if key in results.missing:
        return None
    status, payload, seconds = http_.request("GET", url)
    if status == expect:
        return seconds, payload
    kind = problem_type(payload)
    results.missing[key] = ("%d %s" % (status, kind.rsplit("/", 1)[-1])).strip()
    if status in ROUTE_MISSING and not kind.endswith(("page-not-found", "file-not-found", "ref-not-found")):
        results.note("%s: GET %s answered %d %s (no such endpoint yet) -> n/a" % (key, url, status, kind))
    else:
        results.note("%s: GET %s FAILED with %d: %s -> n/a" % (key, url, status,
                                                             payload[:300].decode("utf-8", "replace")))
    return None


# ----- one round ----------------------------------------------------------------------------------------------

def run_round(n, args, facts, token, template, results):
    repo, rare, hot, mid = args.repo, facts["rare"], facts["hot"], facts["mid"]
    results.loads.append(os.getloadavg()[0])
    data = os.path.join(args.tmp, "round-%d" % n)
    shutil.copytree(template, data)
    server = Server(args.jar, repo, data, os.path.join(args.tmp, "inkstone-%d.log" % n))
    try:
        results.add("startup", "inkstone", server.wait_healthy())
        client = Http(server.port)
        rare_url = "/api/pages/" + quote(page_path(rare))
        hist = lambda f: "/api/history/%s?limit=20" % quote(page_path(f))

        # Whichever request comes first after start may pay for building per-revision data, so odd rounds time
        # the first page (the dates pass) and even rounds the first history request; the other one follows.
        first_page = n % 2 == 1 or args.rounds == 1
        for step in ("dates", "history") if first_page else ("history", "dates"):
            key = step if step == "dates" else "history-rare-first"
            if (step == "dates") != first_page:
                key = None  # not the first request: made but not recorded
            if step == "dates":
                got = ask(client, results, key or "pages", rare_url)
                if got and key:
                    results.add(key, "inkstone", got[0])
                    results.add(key, "git", timed_git(repo, "log", "--format=%H", "--name-only"))
                    results.add("dates-file", "inkstone", got[0])
                    results.add("dates-file", "git", timed_git(repo, "log", "--format=%H %an %ae", "--", rare))
                if got and "updated" not in json.loads(got[1]):
                    results.note("page JSON has no `updated`")
            else:
                got = ask(client, results, key or "history-rare", hist(rare))
                if got and key:
                    results.add(key, "inkstone", got[0])
                    results.add(key, "git", timed_git(repo, "log", "-n", "20", "--format=%H", "--", rare))

        prev, tip = last_change(repo, hot)
        questions = [
            ("history-rare", hist(rare), ("log", "-n", "20", "--format=%H", "--", rare)),
            ("history-hot", hist(hot), ("log", "-n", "20", "--format=%H", "--", hot)),
        ]
        if prev:
            questions.append(("diff", "/api/diff/" + quote(page_path(hot)), ("diff", "%s..%s" % (prev, tip), "--",
                                                                             hot)))
        for key, url, _ in questions:  # warm-up, and check that both sides answer the same question
            got = ask(client, results, key, url)
            if got and n == 1:
                check_same(repo, key, got[1], questions, results, facts, prev, tip)
            for _ in range(args.warmup - 1):
                ask(client, results, key, url)
        for rep in range(args.reps):
            for key, url, argv in questions:
                inkstone_first = (n + rep) % 2 == 0
                if inkstone_first:
                    got = ask(client, results, key, url)
                results.add(key, "git", timed_git(repo, *argv))
                if not inkstone_first:
                    got = ask(client, results, key, url)
                if got:
                    results.add(key, "inkstone", got[0])

        if not first_page:
            results.add("name-only", "git", timed_git(repo, "log", "--format=%H", "--name-only"))
        # The new-commit question is about advancing the history index: wait until it is built.
        if not server.wait_for_log("history index built", args.index_timeout):
            results.note("round %d: the history index was not built within %d s; new-commit figures are walks"
                         % (n, args.index_timeout))
        new_commit(n, client, results, token, rare_url, mid, hist(mid))
        client.close()
    finally:
        server.stop()
        log_notes(n, server.log_path, results)


def log_notes(n, log_path, results):
    """Copies the server's warnings, errors and history-index lines into the notes (stack traces left out), and
    the index build time into the results."""
    kept = 0
    with open(log_path, "rb") as f:
        for raw in f:
            line = raw.decode("utf-8", "replace").strip()
            built = re.search(r"history index built: \d+ commits in (\d+) ms", line)
            if built:
                results.add("index-build", "inkstone", int(built.group(1)) / 1000.0)
            if kept < 6 and (" WARN " in line or " ERROR " in line or "history index" in line):
                results.note("round %d server log: %s" % (n, line[:300]))
                kept += 1


def check_same(repo, key, payload, questions, results, facts, prev, tip):
    body = json.loads(payload)
    if key.startswith("history"):
        file = facts["rare"] if key == "history-rare" else facts["hot"]
        ours = [item.get("commit") for item in body.get("items", [])]
        theirs = git(repo, "log", "-n", "20", "--format=%H", "--", file).split()
        if ours != theirs:
            results.note("%s: Inkstone's commits differ from git log (%d vs %d items)" % (key, len(ours),
                                                                                        len(theirs)))
        else:
            results.note("%s: checked, Inkstone lists the same %d commits as git log" % (key, len(ours)))
    elif key == "diff":
        stats = body.get("stats") or {}
        added, removed = numstat(repo, prev, tip, facts["hot"])
        if (stats.get("added"), stats.get("removed")) != (added, removed):
            results.note("diff: Inkstone from=%s stats=%s, but git diff --numstat %s..%s gives +%d -%d" % (
                body.get("from"), stats, prev[:10], tip[:10], added, removed))
        else:
            results.note("diff: checked, Inkstone's stats +%d -%d equal git diff --numstat" % (added, removed))


def new_commit(n, client, results, token, other_url, edited, edited_history):
    """One edit through the API, then the first reads after it against the same reads warm."""
    edited_page = "/api/pages/" + quote(page_path(edited))
    warm_other, warm_history = [], []
    for _ in range(3):
        got = ask(client, results, "after-commit-page", other_url)
        if got:
            warm_other.append(got[0])
        got = ask(client, results, "after-commit-history", edited_history)
        if got:
            warm_history.append(got[0])
    status, payload, _ = client.request("GET", edited_page)
    if status != 200:
        results.note("new commit: GET %s answered %d" % (edited_page, status))
        return
    sha = json.loads(payload).get("sha")
    status, source, _ = client.request("GET", "/api/source/" + quote(page_path(edited)))
    if status != 200:
        results.note("new commit: GET /api/source answered %d" % status)
        return
    content = source.decode("utf-8") + "\nBench edit, round %d.\n" % n
    status, payload, seconds = client.request("PUT", edited_page, {
        "content": content, "sha": sha, "message": "Bench edit, round %d" % n},
        {"Authorization": "Bearer " + token})
    if status not in (200, 201):
        results.missing.setdefault("put", "%d %s" % (status, problem_type(payload)))
        results.note("new commit: PUT answered %d %s" % (status, payload[:300].decode("utf-8", "replace")))
        return
    results.add("put", "inkstone", seconds)
    commit = (json.loads(payload).get("commit") or {}).get("sha")
    got = ask(client, results, "after-commit-page", other_url)
    if got and warm_other:
        results.add("after-commit-page", "inkstone", got[0])
        results.add("after-commit-page", "warm", statistics.median(warm_other))
        results.add("after-commit-page", "delta", got[0] - statistics.median(warm_other))
    got = ask(client, results, "after-commit-history", edited_history)
    if got and warm_history:
        results.add("after-commit-history", "inkstone", got[0])
        results.add("after-commit-history", "warm", statistics.median(warm_history))
        results.add("after-commit-history", "delta", got[0] - statistics.median(warm_history))
        items = json.loads(got[1]).get("items") or [{}]
        if items[0].get("commit") != commit:
            results.note("history after the new commit does not start with it")


# ----- report -------------------------------------------------------------------------------------------------

def machine():
    def first_line(cmd):
        try:
            out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout.decode()
            return out.strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"
    mem = "?"
    cpu = platform.processor() or "?"
    try:
        with open("/proc/meminfo") as f:
            mem = "%.1f GiB" % (int(f.readline().split()[1]) / 1048576)
        with open("/proc/cpuinfo") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), cpu)
    except OSError:
        pass
    return [("nproc", str(os.cpu_count())), ("cpu", cpu), ("memory", mem),
            ("java", first_line(["java", "-version"])), ("git", first_line(["git", "--version"])),
            ("python", platform.python_version()), ("load average at start", "%.2f %.2f %.2f" % os.getloadavg())]


ROWS = [
    ("history-rare", "history, rarely changed page, warm", "git log -n 20 -- <file>"),
    ("history-hot", "history, hot page, warm", "git log -n 20 -- <file>"),
    ("history-rare-first", "history, rare page, first request after start (even rounds)",
     "git log -n 20 -- <file>"),
    ("diff", "diff of the hot page's last change", "git diff <prev>..<tip> -- <file>"),
    ("dates", "dates pass: first GET /api/pages after start (odd rounds)", "git log --format=%H --name-only"),
    ("dates-file", "same first GET /api/pages, beside git's history of that one file",
     "git log --format='%H %an %ae' -- <file>"),
    ("index-build", "history index build in the background (server log)", "git log --format=%H --name-only"),
]


def stat(values):
    return (statistics.median(values), percentile(values, 90)) if values else (None, None)


def report(args, facts, results, info, started):
    lines = []
    lines.append("| question | Inkstone median ms | p90 | git median ms | p90 | ratio (median) | git command |")
    lines.append("|---|---:|---:|---:|---:|---:|---|")
    for key, label, command in ROWS:
        ink, git_ = results.get(key, "inkstone"), results.get(key, "git")
        if key == "index-build":
            git_ = results.get("dates", "git") + results.get("name-only", "git")
        im, ip = stat(ink)
        gm, gp = stat(git_)
        ratio = "n/a" if im is None or not gm else "%.2f" % (im / gm)
        if key in results.missing:
            label += " (n/a: %s)" % results.missing[key]
        lines.append("| %s | %s | %s | %s | %s | %s | `%s` |" % (label, ms(im), ms(ip), ms(gm), ms(gp), ratio,
                                                                  command))
    lines.append("")
    lines.append("| new commit (goal: delta < 20 ms) | first after commit ms | warm ms | delta median ms "
                 "| delta p90 ms |")
    lines.append("|---|---:|---:|---:|---:|")
    pm, pp = stat(results.get("put", "inkstone"))
    lines.append("| PUT /api/pages (the commit itself; p90 %s) | %s | | | |" % (ms(pp), ms(pm)))
    for key, label in (("after-commit-page", "next GET /api/pages/<other page>"),
                       ("after-commit-history", "next GET /api/history/<edited page>")):
        if key in results.missing or "put" in results.missing:
            label += " (n/a: %s)" % results.missing.get(key, results.missing.get("put"))
        first, _ = stat(results.get(key, "inkstone"))
        warm, _ = stat(results.get(key, "warm"))
        dm, dp = stat(results.get(key, "delta"))
        lines.append("| %s | %s | %s | %s | %s |" % (label, ms(first), ms(warm), ms(dm), ms(dp)))
    sm, sp = stat(results.get("startup", "inkstone"))
    table = "\n".join(lines)

    counts = facts["counts"]
    doc = ["# History benchmark, %s" % started.strftime("%Y-%m-%d %H:%M"), "",
           "Inkstone beside the git CLI on the same repository, interleaved; ratio = Inkstone / git "
           "(< 1: Inkstone is faster). Produced by `bench/history.py`; the machine is shared and noisy, so "
           "compare the ratios more than the absolute figures.", "",
           "## Setup", "",
           "| | |", "|---|---|",
           "| repository | `%s` (%d commits, %s)%s |" % (args.source, facts["commits"], info["graph"],
                                                     "" if args.in_place else ", served and read from a copy"),
           "| rare page | `%s` (%d commit(s)) |" % (facts["rare"], counts[facts["rare"]]),
           "| hot page | `%s` (%d commits) |" % (facts["hot"], counts[facts["hot"]]),
           "| edited page | `%s` (%d commits) |" % (facts["mid"], counts[facts["mid"]]),
           "| jar | `%s` (%s) |" % (args.jar, info["jar_time"]),
           "| rounds x repetitions | %d x %d (a fresh server and data folder per round; %d warm-up requests "
           "per question and round) |" % (args.rounds, args.reps, args.warmup),
           "| load average at each round's start | %s |" % ", ".join("%.1f" % x for x in results.loads),
           "| Inkstone start to /api/health 200 | median %s ms, p90 %s ms |" % (ms(sm), ms(sp))]
    doc += ["| %s | %s |" % (k, v) for k, v in info["machine"]]
    doc += ["", "## Results", "", table, ""]
    if results.notes:
        doc += ["## Notes", ""] + ["- " + n for n in results.notes] + [""]
    return table, "\n".join(doc)


# ----- main ---------------------------------------------------------------------------------------------------

def ensure_jar(jar):
    if os.path.exists(jar):
        return
    if os.path.abspath(jar) != os.path.join(ROOT, "target", "inkstone.jar"):
        sys.exit("history.py: %s does not exist" % jar)
    print("building %s with mvn -B -q package -DskipTests ..." % jar, flush=True)
    subprocess.run(["mvn", "-B", "-q", "package", "-DskipTests"], cwd=ROOT, check=True)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--repo", required=True, help="a repository made by gen_repo.py (bare or not)")
    p.add_argument("--jar", default=os.path.join(ROOT, "target", "inkstone.jar"))
    p.add_argument("--rounds", type=int, default=5, help="server starts (cold figures: one sample each)")
    p.add_argument("--reps", type=int, default=5, help="warm repetitions of each question per round")
    p.add_argument("--warmup", type=int, default=10, help="untimed requests per warm question and round")
    p.add_argument("--in-place", action="store_true", help="benchmark --repo itself instead of a copy")
    p.add_argument("--index-timeout", type=int, default=600,
                   help="seconds to wait for the history index before the new-commit question")
    p.add_argument("--results", default=os.path.join(BENCH, "results"), help="folder for the Markdown table")
    p.add_argument("--keep-commits", action="store_true", help="leave the benchmark's commits on the branch")
    p.add_argument("--keep-logs", action="store_true", help="keep the temporary folder with the server logs")
    args = p.parse_args(argv)
    args.repo = os.path.abspath(args.repo)
    args.jar = os.path.abspath(args.jar)
    if args.rounds < 1 or args.reps < 1 or args.warmup < 1:
        p.error("--rounds and --reps must be at least 1")
    return args


def restore_branch(repo, branch, original, bare, clean):
    current = git(repo, "rev-parse", "refs/heads/" + branch).strip()
    if current == original:
        return
    git(repo, "update-ref", "-m", "history.py: remove benchmark commits", "refs/heads/" + branch, original, current)
    if not bare and clean:
        git(repo, "reset", "-q", "--hard", original)
    print("moved %s back from %s to %s" % (branch, current[:12], original[:12]))


def main(argv=None):
    args = parse_args(argv)
    started = datetime.datetime.now()
    ensure_jar(args.jar)
    args.tmp = tempfile.mkdtemp(prefix="inkstone-history-")
    args.source = args.repo
    if not args.in_place:
        t = time.perf_counter()
        args.repo = os.path.join(args.tmp, "repo")
        shutil.copytree(args.source, args.repo, symlinks=True)
        # The copy's files have new inodes: refresh the index so that the working tree does not look modified.
        subprocess.run(["git", "-C", args.repo, "update-index", "-q", "--refresh"], env=GIT_ENV,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print("copied %s to %s in %.1f s" % (args.source, args.repo, time.perf_counter() - t), flush=True)
    repo = args.repo
    bare = git(repo, "rev-parse", "--is-bare-repository").strip() == "true"
    branch = git(repo, "symbolic-ref", "--short", "HEAD").strip()
    original = git(repo, "rev-parse", "refs/heads/" + branch).strip()
    clean = bare or git(repo, "status", "--porcelain", "--untracked-files=no") == ""
    objects = git(repo, "rev-parse", "--git-path", "objects").strip()
    objects = objects if os.path.isabs(objects) else os.path.join(repo, objects)
    graph = ("commit-graph present" if os.path.exists(os.path.join(objects, "info", "commit-graph"))
             or os.path.isdir(os.path.join(objects, "info", "commit-graphs")) else "no commit-graph")

    t = time.perf_counter()
    facts = analyze(repo)
    print("%s: %d commits, %s; rare %s (%d), hot %s (%d), edited %s (%d); analyzed in %.1f s" % (
        repo, facts["commits"], graph, facts["rare"], facts["counts"][facts["rare"]], facts["hot"],
        facts["counts"][facts["hot"]], facts["mid"], facts["counts"][facts["mid"]], time.perf_counter() - t),
        flush=True)

    template = os.path.join(args.tmp, "template")
    token = subprocess.run(["java", "-jar", args.jar, "user", "add", "bench", "--email", "b@x", "--role", "editor",
                            "--data", template], check=True, stdout=subprocess.PIPE).stdout.decode().strip()
    info = {"graph": graph, "machine": machine(),
            "jar_time": datetime.datetime.fromtimestamp(os.path.getmtime(args.jar)).strftime("built %Y-%m-%d %H:%M")}
    results = Results()
    ok = False
    try:
        for n in range(1, args.rounds + 1):
            t = time.perf_counter()
            run_round(n, args, facts, token, template, results)
            print("round %d/%d done in %.1f s" % (n, args.rounds, time.perf_counter() - t), flush=True)
        ok = True
    finally:
        if not args.keep_commits:
            restore_branch(repo, branch, original, bare, clean)
        if ok and not args.keep_logs:
            shutil.rmtree(args.tmp, ignore_errors=True)
        else:
            print("kept %s for the server logs" % args.tmp)

    table, doc = report(args, facts, results, info, started)
    print()
    print(table)
    os.makedirs(args.results, exist_ok=True)
    base = os.path.join(args.results, "history-%s" % started.strftime("%Y-%m-%d"))
    path, k = base + ".md", 1
    while os.path.exists(path):
        k += 1
        path = "%s-%d.md" % (base, k)
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)
    print("\nwrote " + os.path.relpath(path))


if __name__ == "__main__":
    main()
