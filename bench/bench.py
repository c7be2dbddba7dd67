#!/usr/bin/env python3
"""Inkstone benchmark (issue 7): Inkstone beside its ceiling, its peers and git, on loopback, as ratios.

    bench/run [quick|full] [--jar PATH] [--src head|worktree] [--rounds N] [--seconds S] [--no-install]

Builds the jar from a copy of the committed tree (`git archive HEAD`, or the working tree with --src worktree)
in bench/work/build, generates repositories with bench/gen_repo.py, starts every server on 127.0.0.1, runs the
load in interleaved rounds (the order of the servers rotates from round to round), and prints one table that it
also writes, with the machine, into its own section of bench/RESULTS.md.

References measured in the same run:
  nginx          the very same JSON bytes Inkstone answered, as static files (the box's ceiling)
  bare Javalin   bench/ceiling/BareJavalin.java answering those bytes (the framework's ceiling), same JVM flags
  decap-server   Decap CMS's Git backend (MODE=git): POST /api/v1 getEntry and persistEntry, on a clone
  gollum-lib     bench/peers/gollum_server.rb (WEBrick): read+render and update_page, on a bare clone
  git            `git cat-file --batch` for reads of a blob, `git cat-file -p <old>:<file>` for an old revision

Standard library only. Everything it needs it installs (apt-get, npm into bench/work/node) or explains.
"""

import argparse
import datetime
import hashlib
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
import threading
import time
import urllib.parse

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
WORK = os.path.join(BENCH, "work")
GIT_ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, GIT_PAGER="cat", LC_ALL="C")

# The flags the README recommends for production, for Inkstone and the bare Javalin handler alike: a fixed heap
# (Inkstone's caches are shares of it) with a young generation of 24 MiB, a code cache large enough that the JIT does not flush and recompile, and
# glibc limited to two malloc arenas (JVM_ENV) so that native memory does not grow with the thread count.
JVM_FLAGS = ["-Xmx128m", "-Xmn24m", "-Xss512k", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=128m",
             "-XX:ReservedCodeCacheSize=96m", "-XX:MaxDirectMemorySize=32m",
             "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:TrimNativeHeapInterval=5000"]
JVM_ENV = dict(os.environ, MALLOC_ARENA_MAX="2")
# Inkstone's only: its class-data archive (AppCDS), recorded by `inkstone train` next to the jar (class_archive).
CDS_FLAGS = []

CONNS = (1, 16, 64)
MODES = {
    # sizes: (pages, commits, what runs on it)
    # page_conns: the connection counts of the cached page read; quick leaves out one connection (no target uses it)
    # to stay under five minutes with the build.
    "quick": dict(rounds=3, seconds=2, warmup=1, write_warmup=6, page_conns=(16, 64), nav_conns=(16,), sizes=[
        (100, 200, {"start"}),
        (1000, 2000, {"start", "reads", "writes", "peers"}),
    ]),
    "full": dict(rounds=5, seconds=4, warmup=3, write_warmup=150, page_conns=CONNS, nav_conns=(1, 16, 64), sizes=[
        (100, 200, {"start", "reads16"}),
        (1000, 2000, {"start", "reads", "writes", "peers"}),
        (1000, 1000, {"reads16"}),
        (1000, 100000, {"start", "reads16"}),
        (10000, 20000, {"start", "reads", "writes", "peers"}),
    ]),
}
WRITERS = (1, 8, 32)


def log(msg):
    print("[bench %s] %s" % (time.strftime("%H:%M:%S"), msg), flush=True)


def git(repo, *argv):
    return subprocess.run(["git", "-C", repo, *argv], env=GIT_ENV, check=True, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE).stdout.decode("utf-8", "replace")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values, p):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def blob_id(data):
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def page_path(file):
    """Repository file -> Inkstone page path (README: drop .md and /index)."""
    path = file[:-3]
    if path == "index":
        return ""
    return path[:-len("/index")] if path.endswith("/index") else path


def quote(path):
    return urllib.parse.quote(path, safe="/")


def wait_http(port, path, proc, timeout=300, method="GET", body=None):
    """Polls until path answers 200; returns the time it did. Raises if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("server exited with %s" % proc.returncode)
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request(method, path, body=body, headers={"Content-Type": "application/json"} if body else {})
            response = conn.getresponse()
            response.read()
            conn.close()
            if response.status == 200:
                return time.perf_counter()
        except OSError:
            pass
        time.sleep(0.01)
    raise RuntimeError("no 200 from %s within %d s" % (path, timeout))


class Http:
    """One persistent HTTP/1.1 connection."""

    def __init__(self, port, timeout=60):
        self.port = port
        self.timeout = timeout
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)

    def request(self, method, url, body=None, headers=None):
        """(status, headers, body bytes, seconds from sending to having read the whole answer)."""
        heads = dict(headers or {})
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode("utf-8")
            heads["Content-Type"] = "application/json"
        for attempt in (0, 1):
            start = time.perf_counter()
            try:
                self.conn.request(method, url, body=body, headers=heads)
                response = self.conn.getresponse()
                payload = response.read()
                return response.status, response.headers, payload, time.perf_counter() - start
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
                if attempt:
                    raise

    def json(self, method, url, body=None, headers=None):
        status, _, payload, _ = self.request(method, url, body, headers)
        return status, (json.loads(payload) if payload[:1] in (b"{", b"[") else payload)

    def close(self):
        self.conn.close()


# ----- processes ----------------------------------------------------------------------------------------------

RUNNING = []  # every Proc started and not yet stopped, stopped on exit whatever happens


class Proc:
    """A server process we started; stopped by its own pid only."""

    def __init__(self, name, argv, log_dir, env=None, cwd=None):
        RUNNING.append(self)
        self.name = name
        self.log_path = os.path.join(log_dir, "%s.log" % name)
        self.log = open(self.log_path, "ab")
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=cwd,
                                     start_new_session=True)

    @property
    def pid(self):
        return self.proc.pid

    def poll(self):
        return self.proc.poll()

    def rss_mb(self):
        with open("/proc/%d/status" % self.pid) as f:
            fields = dict(line.split(":", 1) for line in f if ":" in line)
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024

    def tail(self, n=2000):
        with open(self.log_path, "rb") as f:
            return f.read()[-n:].decode("utf-8", "replace")

    def jstack(self, path):
        """A thread dump of a Java server that stopped answering, as evidence."""
        with open(path, "wb") as f:
            subprocess.run(["jstack", "-l", str(self.pid)], stdout=f, stderr=subprocess.STDOUT, timeout=60)
        return path

    def stop(self):
        if self in RUNNING:
            RUNNING.remove(self)
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def log_problems(results, label, proc):
    """Copies fatal facts from a server's log into the notes (an OutOfMemoryError explains a hang)."""
    try:
        with open(proc.log_path, "rb") as f:
            text = f.read().decode("utf-8", "replace")
    except OSError:
        return
    for needle in ("OutOfMemoryError", "deadlock", "write batch failed"):
        count = text.count(needle)
        if count:
            results.note("%s: the log of %s has %d × `%s` (`%s`)" % (label, proc.name, count, needle,
                                                                   os.path.relpath(proc.log_path, ROOT)))


def stop_all(*_):
    for proc in list(reversed(RUNNING)):
        proc.stop()


class Inkstone:
    def __init__(self, jar, repo, data, log_dir, name="inkstone"):
        self.port = free_port()
        self.proc = Proc(name, ["java", *JVM_FLAGS, *CDS_FLAGS, "-jar", jar, "--repo", repo, "--port", str(self.port),
                                "--data", data], log_dir, env=JVM_ENV)

    def ready(self, timeout=600):
        """(seconds to the first 200 from /api/health, seconds to the end of the first /api/nav after it)."""
        healthy = wait_http(self.port, "/api/health", self.proc.proc, timeout)
        client = Http(self.port, timeout=timeout)
        status, _, _, seconds = client.request("GET", "/api/nav")
        client.close()
        return healthy - self.proc.started, (healthy + seconds - self.proc.started) if status == 200 else None

    def background_done(self, timeout=900):
        """Seconds from process start until /api/search stops answering 503 (the search index is built in the
        background after start); None if there is no search endpoint."""
        client = Http(self.port, timeout=60)
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                status, _, _, _ = client.request("GET", "/api/search?q=page")
                if status == 404 or status == 405:
                    return None
                if status != 503:
                    return time.perf_counter() - self.proc.started
                time.sleep(0.2)
        finally:
            client.close()
        return None

    def stop(self):
        self.proc.stop()


# ----- wrk ------------------------------------------------------------------------------------------------------

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(text):
    def latency(label):
        m = re.search(r"^\s*%s\s+([\d.]+)(us|ms|s|m)\s*$" % re.escape(label), text, re.M)
        return float(m.group(1)) * UNITS[m.group(2)] if m else None

    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    total = re.search(r"(\d+) requests in", text)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return {"rps": float(rps.group(1)) if rps else None, "p50": latency("50%"), "p99": latency("99%"),
            "requests": int(total.group(1)) if total else 0, "non2xx": int(bad.group(1)) if bad else 0,
            "socket_errors": sum(int(x) for x in errors.groups()) if errors else 0}


def wrk(url, conns, seconds, script=None):
    threads = 1 if conns == 1 else 2
    argv = ["wrk", "-t%d" % threads, "-c%d" % conns, "-d%ds" % seconds, "--latency", "--timeout", "10s"]
    if script:
        argv += ["-s", script]
    out = subprocess.run(argv + [url], stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout.decode()
    result = parse_wrk(out)
    if result["rps"] is None:
        raise RuntimeError("wrk failed: %s" % out)
    if result["non2xx"] or result["socket_errors"]:
        result["note"] = "%d non-2xx, %d socket errors of %d" % (result["non2xx"], result["socket_errors"],
                                                                   result["requests"])
    return result


# ----- results --------------------------------------------------------------------------------------------------

class Results:
    """Per-round samples, keyed by (group, row, server)."""

    def __init__(self):
        self.samples = {}
        self.notes = []
        self.facts = []

    def add(self, key, value):
        self.samples.setdefault(key, []).append(value)

    def values(self, key, field=None):
        items = self.samples.get(key, [])
        return [item.get(field) if field else item for item in items]

    def med(self, key, field=None):
        return median(self.values(key, field))

    def ratio(self, a, b, field):
        """Median over rounds of the per-round ratio a/b (interleaved rounds pair up)."""
        xs, ys = self.values(a, field), self.values(b, field)
        ratios = [x / y for x, y in zip(xs, ys) if x is not None and y]
        return median(ratios)

    def note(self, text):
        if text not in self.notes:
            self.notes.append(text)


# ----- setup ------------------------------------------------------------------------------------------------------

def have(cmd):
    return shutil.which(cmd) is not None


def install(args, results):
    """apt-get and npm what is missing; explains what could not be installed."""
    apt = [("wrk", "wrk"), ("nginx", "nginx-light"), ("ruby", "ruby"), ("ruby-gollum", "ruby-gollum-lib"),
           ("ruby-redcarpet", "ruby-redcarpet"), ("ruby-webrick", "ruby-webrick"), ("node", "nodejs"),
           ("npm", "npm"), ("mvn", "maven"), ("javac", "openjdk-17-jdk-headless")]

    def dpkg_ok(pkg):
        return subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL).stdout.decode().startswith("install ok installed")

    missing = [pkg for cmd, pkg in apt if not (have(cmd) if "-" not in cmd else dpkg_ok(pkg))
               and not dpkg_ok(pkg)]
    if missing and not args.no_install:
        log("installing with apt-get: %s" % " ".join(missing))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-q"], env=env, stdout=subprocess.DEVNULL)
        for pkg in missing:
            done = subprocess.run(["apt-get", "install", "-y", "-q", pkg], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE)
            if done.returncode:
                results.note("apt-get install %s failed: %s" % (pkg, done.stderr.decode()[-300:].strip()))
    node_dir = os.path.join(WORK, "node")
    decap = os.path.join(node_dir, "node_modules", "decap-server", "dist", "index.js")
    if not os.path.exists(decap) and have("npm") and not args.no_install:
        log("installing decap-server with npm into bench/work/node")
        os.makedirs(node_dir, exist_ok=True)
        subprocess.run(["npm", "i", "--no-audit", "--no-fund", "--silent", "decap-server"], cwd=node_dir,
                       stdout=subprocess.DEVNULL)
    tools = {"wrk": have("wrk"), "nginx": have("nginx") or os.path.exists("/usr/sbin/nginx"),
             "gollum": have("ruby") and dpkg_ok("ruby-gollum-lib"), "decap": os.path.exists(decap)}
    if not tools["wrk"]:
        sys.exit("bench: wrk is required (apt-get install wrk)")
    for name, ok in tools.items():
        if not ok:
            results.note("%s is not installed: its rows are n/a (install it: see bench/README.md)" % name)
    return tools, decap


def build_jar(args):
    """Builds target/inkstone.jar in a copy of the tree (never in the checkout); reuses it while the copied
    sources are unchanged (the HEAD commit, or the working tree's paths, sizes and modification times)."""
    if args.jar:
        return os.path.abspath(args.jar), "given with --jar"
    build = os.path.join(WORK, "build" if args.src == "head" else "build-worktree")
    head = git(ROOT, "rev-parse", "HEAD").strip()
    if args.src == "head":
        key = head
        what = "git archive HEAD (%s)" % head[:7]
        files = None
    else:
        listed = subprocess.run(["git", "-C", ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                stdout=subprocess.PIPE, check=True).stdout.split(b"\0")
        files = [f.decode() for f in listed if f and not f.startswith(b"bench/")
                 and os.path.isfile(os.path.join(ROOT, f.decode()))]
        digest = hashlib.sha256()
        for rel in sorted(files):
            st = os.stat(os.path.join(ROOT, rel))
            digest.update(("%s %d %d\n" % (rel, st.st_size, st.st_mtime_ns)).encode())
        key = digest.hexdigest()
        what = "the working tree (HEAD %s plus uncommitted changes, tree key %s)" % (head[:7], key[:12])
    jar = os.path.join(build, "target", "inkstone.jar")
    stamp = os.path.join(build, ".bench-key")
    if os.path.exists(jar) and os.path.exists(stamp) and open(stamp).read().strip() == key:
        log("reusing %s (built from the same sources)" % os.path.relpath(jar, ROOT))
        return jar, what
    log("building the jar from %s in %s" % ("git archive HEAD" if files is None else "the working tree",
                                            os.path.relpath(build, ROOT)))
    shutil.rmtree(build, ignore_errors=True)
    os.makedirs(build)
    if files is None:
        archive = subprocess.Popen(["git", "-C", ROOT, "archive", "HEAD"], stdout=subprocess.PIPE)
        subprocess.run(["tar", "-x", "-C", build], stdin=archive.stdout, check=True)
        archive.wait()
    else:
        for rel in files:
            os.makedirs(os.path.dirname(os.path.join(build, rel)) or build, exist_ok=True)
            shutil.copy2(os.path.join(ROOT, rel), os.path.join(build, rel))
    done = subprocess.run(["mvn", "-B", "-q", "-o", "package", "-DskipTests"], cwd=build, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT)
    if done.returncode:  # offline failed (an empty local Maven repository): let Maven download
        done = subprocess.run(["mvn", "-B", "-q", "package", "-DskipTests"], cwd=build, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
    if done.returncode:
        sys.exit("bench: mvn package failed:\n%s" % done.stdout.decode()[-3000:])
    with open(stamp, "w") as f:
        f.write(key + "\n")
    return jar, what


def class_archive(jar):
    """Records the jar's class-data archive (AppCDS) with a training run, as the README's production steps do,
    unless one newer than the jar is there, and makes Inkstone start with it (CDS_FLAGS). Without it (the training
    run failed) Inkstone starts without, and the log says why."""
    archive = jar[:-len(".jar")] + ".jsa"
    if not (os.path.exists(archive) and os.path.getmtime(archive) >= os.path.getmtime(jar)):
        log("recording the class-data archive %s (inkstone train)" % os.path.relpath(archive, ROOT))
        if os.path.exists(archive):
            os.remove(archive)
        done = subprocess.run(["java", "-XX:ArchiveClassesAtExit=" + archive, *JVM_FLAGS, "-jar", jar, "train"],
                              env=JVM_ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if done.returncode or not os.path.exists(archive):
            log("the training run failed (exit %d); Inkstone starts without a class-data archive:\n%s"
                % (done.returncode, done.stdout.decode(errors="replace")[-2000:]))
            return None
    CDS_FLAGS[:] = ["-XX:SharedArchiveFile=" + archive]
    return archive


def compile_bare_javalin(jar):
    out = os.path.join(WORK, "ceiling")
    os.makedirs(out, exist_ok=True)
    subprocess.run(["javac", "-d", out, "-cp", jar, os.path.join(BENCH, "ceiling", "BareJavalin.java")],
                   check=True)
    return out


def generate(pages, commits):
    """A cached bare repository from gen_repo.py (deterministic: same options, same repository)."""
    repo = os.path.join(WORK, "repos", "p%d-c%d.git" % (pages, commits))
    marker = os.path.join(repo, "bench-generated")
    if not os.path.exists(marker):
        log("generating %d pages x %d commits" % (pages, commits))
        os.makedirs(os.path.dirname(repo), exist_ok=True)
        line = subprocess.run([sys.executable, os.path.join(BENCH, "gen_repo.py"), "--out", repo, "--bare",
                               "--force", "--repack", "--pages", str(pages), "--commits", str(commits)],
                              stdout=subprocess.PIPE, check=True).stdout.decode().strip()
        with open(marker, "w") as f:
            f.write(line + "\n")
    with open(marker) as f:
        return repo, f.read().strip()


def thread_cpu(pid):
    """CPU seconds of a process by thread name (digits folded, except the JIT compiler threads C1/C2)."""
    out = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/stat" % (pid, tid)) as f:
                raw = f.read()
        except OSError:
            continue
        name = raw[raw.index("(") + 1:raw.rindex(")")]
        name = name if "Compiler" in name else re.sub(r"\d+", "N", name)
        fields = raw.rsplit(")", 1)[1].split()
        out[name] = out.get(name, 0) + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return out


def probe_parser(description):
    """The options every probe script takes: the generated repository's size, extra JVM flags, the jar."""
    p = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pages", type=int, default=1000)
    p.add_argument("--commits", type=int, default=2000)
    p.add_argument("--flag", action="append", default=[], help="one more JVM flag (repeatable; write --flag=-XX:...)")
    p.add_argument("--jar", default=os.path.join(ROOT, "target", "inkstone.jar"))
    return p


def probe_setup(args, name):
    """For a probe script: adds its --flag values to JVM_FLAGS, empties bench/work/NAME, generates (or reuses) the
    repository. Returns the run folder, the source repository and its facts."""
    class_archive(os.path.abspath(args.jar))
    JVM_FLAGS.extend(args.flag)
    run = os.path.join(WORK, name)
    shutil.rmtree(run, ignore_errors=True)
    os.makedirs(run)
    source, _ = generate(args.pages, args.commits)
    return run, source, Facts(source)


def clone(source, dest, bare=True):
    shutil.rmtree(dest, ignore_errors=True)
    subprocess.run(["git", "clone", "-q", *(["--bare"] if bare else []), source, dest], env=GIT_ENV, check=True)
    if not bare:
        git(dest, "config", "user.name", "bench")
        git(dest, "config", "user.email", "b@x.y")
    return dest


def user_token(jar, data):
    os.makedirs(data, exist_ok=True)
    return subprocess.run(["java", "-jar", jar, "user", "add", "bench", "--email", "b@x.y", "--role", "editor",
                           "--data", data], stdout=subprocess.PIPE, check=True).stdout.decode().strip().split()[-1]


class Facts:
    """What the run needs to know about one repository, computed once, untimed."""

    def __init__(self, repo):
        self.repo = repo
        self.tip = git(repo, "rev-parse", "main").strip()
        sizes = {}
        for line in git(repo, "ls-tree", "-r", "-l", "main").splitlines():
            meta, path = line.split("\t", 1)
            if path.endswith(".md"):
                sizes[path] = int(meta.split()[3])
        self.sizes = sizes
        leaves = sorted((size, path) for path, size in sizes.items()
                        if os.path.basename(path).startswith("page-"))
        self.leaves = [path for _, path in leaves]
        self.file = leaves[len(leaves) // 2][1]  # the median-sized page
        self.page = page_path(self.file)
        chain = git(repo, "rev-list", "--first-parent", "main").split()
        self.depth = len(chain)
        self.old_refs = []  # commits a quarter, half ... back where the page already existed
        for frac in (0.5, 0.25, 0.75, 0.4, 0.6, 0.3, 0.7, 0.35, 0.65):
            ref = chain[min(len(chain) - 1, int(len(chain) * frac))]
            if subprocess.run(["git", "-C", repo, "cat-file", "-e", "%s:%s" % (ref, self.file)], env=GIT_ENV,
                              stderr=subprocess.DEVNULL).returncode == 0:
                self.old_refs.append(ref)


# ----- reads ------------------------------------------------------------------------------------------------------

def nginx_start(root, run_dir):
    port = free_port()
    prefix = os.path.join(run_dir, "nginx")
    os.makedirs(prefix, exist_ok=True)
    conf = os.path.join(prefix, "nginx.conf")
    with open(conf, "w") as f:
        f.write("""worker_processes auto;
user root;
pid %(p)s/nginx.pid;
error_log %(p)s/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  default_type application/json;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 300;
  keepalive_requests 100000000;
  client_body_temp_path %(p)s/tmp;
  proxy_temp_path %(p)s/tmp;
  fastcgi_temp_path %(p)s/tmp;
  uwsgi_temp_path %(p)s/tmp;
  scgi_temp_path %(p)s/tmp;
  server {
    listen 127.0.0.1:%(port)d;
    root %(root)s;
    location / { etag on; add_header Cache-Control no-cache; }
  }
}
""" % {"p": prefix, "port": port, "root": root})
    os.makedirs(os.path.join(prefix, "tmp"), exist_ok=True)
    proc = Proc("nginx", ["nginx", "-p", prefix, "-c", conf, "-g", "daemon off;"], run_dir)
    return port, proc


def save_bytes(root, url_path, data):
    path = os.path.join(root, url_path.lstrip("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return path


def get_ok(port, url):
    client = Http(port)
    status, _, body, seconds = client.request("GET", url)
    client.close()
    return status, body, seconds


def run_reads(size, facts, jar, ceiling_dir, tools, decap_js, cfg, run_dir, results, plan):
    """Cached page and nav with wrk beside nginx and bare Javalin; cold renders; old refs; peers' reads."""
    label = size
    data = os.path.join(run_dir, "data-reads")
    repo = clone(facts.repo, os.path.join(run_dir, "reads.git"))
    ink = Inkstone(jar, repo, data, run_dir, "inkstone-reads")
    servers = [ink.proc]
    try:
        ink.ready()
        # Steady state: wait until the background work after start (the search index) is done.
        ink.background_done()
        page_url = "/api/pages/" + quote(facts.page)
        status, body, _ = get_ok(ink.port, page_url)
        if status != 200:
            results.note("%s: GET %s answered %d: %s; read rows are n/a (log %s)"
                         % (label, page_url, status, body[:200].decode("utf-8", "replace"), ink.proc.log_path))
            return
        page_bytes = body
        status, nav_bytes, _ = get_ok(ink.port, "/api/nav")
        results.facts.append(("%s: page measured" % label, "`%s` (%d B of Markdown, %d B of JSON); nav %d B"
                              % (facts.file, facts.sizes[facts.file], len(page_bytes), len(nav_bytes))))
        www = os.path.join(run_dir, "www")
        page_file = save_bytes(www, page_url, page_bytes)
        nav_file = save_bytes(www, "/api/nav", nav_bytes)
        bare_port = free_port()
        bare = Proc("bare-javalin", ["java", *JVM_FLAGS, "-cp", "%s:%s" % (jar, ceiling_dir), "BareJavalin",
                                     str(bare_port), page_file, "/api/nav=" + nav_file], run_dir, env=JVM_ENV)
        servers.append(bare)
        wait_http(bare_port, page_url, bare.proc, 60)
        targets = {"inkstone": ink.port, "bare": bare_port}
        if tools["nginx"]:
            nginx_port, nginx = nginx_start(www, run_dir)
            servers.append(nginx)
            wait_http(nginx_port, page_url, nginx.proc, 30)
            targets["nginx"] = nginx_port
        # Peers on copies of the same repository.
        peers = {}
        if "peers" in plan:
            peers = start_peers(facts, tools, decap_js, run_dir, servers)
        conns = cfg["page_conns"] if "reads" in plan else (16,)
        old_ref = facts.old_refs[0] if facts.old_refs else None
        old_url = "%s?ref=%s" % (page_url, old_ref) if old_ref else None
        source_url = "/api/source/" + quote(facts.page)
        # warm-up: JIT for every server, the cache for every URL
        for name, port in targets.items():
            for url in (page_url, "/api/nav"):
                wrk("http://127.0.0.1:%d%s" % (port, url), 16, cfg["warmup"])
        if old_url:
            get_ok(ink.port, old_url)
        for name, (port, url, script) in peers.items():
            wrk("http://127.0.0.1:%d%s" % (port, url), 4, cfg["warmup"], script)
        names = list(targets)
        for r in range(cfg["rounds"]):
            log("%s reads, round %d/%d" % (label, r + 1, cfg["rounds"]))
            order = names[r % len(names):] + names[:r % len(names)]
            for c in conns:
                for what, url in (("page", page_url), ("nav", "/api/nav")):
                    if what == "nav" and ("reads" not in plan or c not in cfg["nav_conns"]):
                        continue
                    for name in order:
                        res = wrk("http://127.0.0.1:%d%s" % (targets[name], url), c, cfg["seconds"])
                        results.add((label, "%s c%d" % (what, c), name), res)
                        if res.get("note"):
                            results.note("%s %s c%d %s: %s" % (label, what, c, name, res["note"]))
            if "reads" in plan and old_url:
                res = wrk("http://127.0.0.1:%d%s" % (ink.port, old_url), 16, cfg["seconds"])
                results.add((label, "oldref c16", "inkstone"), res)
            if peers:
                # Inkstone's side of this comparison is its "page c16" of the same round
                results.add((label, "peer-read c16", "inkstone"), results.samples[(label, "page c16", "inkstone")][-1])
                porder = list(peers)
                porder = porder[r % len(porder):] + porder[:r % len(porder)]
                for name in porder:
                    port, url, script = peers[name]
                    res = wrk("http://127.0.0.1:%d%s" % (port, url), 16, cfg["seconds"], script)
                    results.add((label, "peer-read c16", name), res)
                    if res.get("note"):
                        results.note("%s peer read %s: %s" % (label, name, res["note"]))
            if "reads" in plan:
                # git cat-file --batch and Inkstone's source endpoint, one reader each
                res = wrk("http://127.0.0.1:%d%s" % (ink.port, source_url), 1, cfg["seconds"])
                results.add((label, "source c1", "inkstone"), res)
                results.add((label, "source c1", "git"), {"rps": cat_file_rate(repo, facts, 1)})
        if "reads" in plan:
            run_old_refs(label, facts, ink, repo, page_url, results)
    finally:
        for proc in reversed(servers):
            log_problems(results, label, proc)
            proc.stop()


def cat_file_rate(repo, facts, seconds):
    """Blobs per second read by one `git cat-file --batch` process, the same blob as Inkstone's source read."""
    line = ("%s:%s\n" % (facts.tip, facts.file)).encode()
    n = 2000
    start = time.perf_counter()
    count = 0
    proc = subprocess.Popen(["git", "-C", repo, "cat-file", "--batch"], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, env=GIT_ENV)

    def feed():
        nonlocal count
        while time.perf_counter() - start < seconds:
            proc.stdin.write(line * n)
            count += n
        proc.stdin.close()

    feed()
    proc.wait()
    return count / (time.perf_counter() - start)


def run_old_refs(label, facts, ink, repo, page_url, results):
    """The first GET of a page at an old ?ref= (the revision is built on demand) beside `git cat-file -p`."""
    client = Http(ink.port)
    for ref in facts.old_refs[1:]:
        status, _, _, seconds = client.request("GET", "%s?ref=%s" % (page_url, ref))
        if status == 200:
            results.add((label, "oldref first", "inkstone"), seconds)
        start = time.perf_counter()
        subprocess.run(["git", "-C", repo, "cat-file", "-p", "%s:%s" % (ref, facts.file)], env=GIT_ENV,
                       stdout=subprocess.DEVNULL, check=True)
        results.add((label, "oldref first", "git"), time.perf_counter() - start)
    client.close()


def start_peers(facts, tools, decap_js, run_dir, servers):
    peers = {}
    if tools["decap"]:
        tree = clone(facts.repo, os.path.join(run_dir, "decap-reads"), bare=False)
        port = free_port()
        env = dict(os.environ, MODE="git", GIT_REPO_DIRECTORY=tree, PORT=str(port), BIND_HOST="127.0.0.1",
                   LOG_LEVEL="warn")
        proc = Proc("decap-reads", ["node", decap_js], run_dir, env=env)
        servers.append(proc)
        body = json.dumps({"action": "getEntry", "params": {"branch": "main", "path": facts.file}})
        wait_http(port, "/api/v1", proc.proc, 60, "POST", body)
        script = os.path.join(run_dir, "decap-get.lua")
        with open(script, "w") as f:
            f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = %s\n'
                    % json.dumps(body))
        peers["decap"] = (port, "/api/v1", script)
    if tools["gollum"]:
        repo = clone(facts.repo, os.path.join(run_dir, "gollum-reads.git"))
        port = free_port()
        proc = Proc("gollum-reads", ["ruby", os.path.join(BENCH, "peers", "gollum_server.rb"), str(port), repo],
                    run_dir)
        servers.append(proc)
        url = "/page/" + quote(facts.file[:-3])
        wait_http(port, url, proc.proc, 60)
        peers["gollum"] = (port, url, None)
    return peers


# ----- start, cold renders, RSS ------------------------------------------------------------------------------------

def run_start(size, facts, jar, cfg, run_dir, results, touch_all):
    """Start to ready with the production flags; cold renders per KB; RSS after touching every page."""
    repo = clone(facts.repo, os.path.join(run_dir, "start.git"))
    cold_files = [f for f in facts.leaves[::max(1, len(facts.leaves) // 20)]][:20]
    for r in range(cfg["rounds"]):
        log("%s start, round %d/%d" % (size, r + 1, cfg["rounds"]))
        data = os.path.join(run_dir, "data-start-%d" % r)
        ink = Inkstone(jar, repo, data, run_dir, "inkstone-start-%d" % r)
        try:
            health, nav = ink.ready()
            results.add((size, "start health", "inkstone"), health)
            results.add((size, "start nav", "inkstone"), nav)
            client = Http(ink.port)
            per_kb = []
            for file in cold_files:
                status, _, _, seconds = client.request("GET", "/api/pages/" + quote(page_path(file)))
                if status == 200:
                    results.add((size, "cold page", "inkstone"), seconds)
                    per_kb.append(seconds / (facts.sizes[file] / 1024))
            if per_kb:
                results.add((size, "cold per KB", "inkstone"), median(per_kb))
            if touch_all and r == 0:
                search = ink.background_done()
                if search is not None:
                    results.add((size, "search ready", "inkstone"), search)
                status, flat = client.json("GET", "/api/nav?flat=true")
                paths = [p["path"] for p in flat["pages"]] if status == 200 else []
                start = time.perf_counter()
                for p in paths:
                    client.request("GET", "/api/pages/" + quote(p) if p else "/api/pages")
                touched = time.perf_counter() - start
                rss, hwm = ink.proc.rss_mb()
                results.add((size, "rss", "inkstone"), rss)
                results.add((size, "rss hwm", "inkstone"), hwm)
                results.facts.append(("%s: touched" % size, "%d pages in %.1f s, then VmRSS %.0f MB, VmHWM %.0f MB"
                                      % (len(paths), touched, rss, hwm)))
            client.close()
        finally:
            log_problems(results, size, ink.proc)
            ink.stop()


# ----- writes ----------------------------------------------------------------------------------------------------

WRITE_TIMEOUT = 20  # seconds; a write slower than this counts as "timeout"


class Writers:
    """N threads writing for a fixed time; returns commits/s, p50/p99 of the write requests and outcomes."""

    def __init__(self, n, seconds, one_write):
        self.n, self.seconds, self.one_write = n, seconds, one_write

    def run(self):
        latencies, outcomes, lock = [], {}, threading.Lock()
        barrier = threading.Barrier(self.n + 1)
        stop_at = [0.0]

        def body(i):
            state = {}
            barrier.wait()
            while time.perf_counter() < stop_at[0]:
                try:
                    outcome, seconds = self.one_write(i, state)
                except socket.timeout:
                    outcome, seconds = "timeout", None
                    clients_reset(i)
                except Exception as e:  # a failure is an outcome, not a crash of the run
                    outcome, seconds = "error %s" % type(e).__name__, None
                with lock:
                    outcomes[outcome] = outcomes.get(outcome, 0) + 1
                    if seconds is not None and outcome.startswith("ok"):
                        latencies.append(seconds)

        def clients_reset(i):
            reset = getattr(self.one_write, "reset", None)
            if reset:
                reset(i)

        threads = [threading.Thread(target=body, args=(i,), daemon=True) for i in range(self.n)]
        for t in threads:
            t.start()
        stop_at[0] = time.perf_counter() + self.seconds
        start = time.perf_counter()
        barrier.wait()
        for t in threads:
            t.join(max(0.1, stop_at[0] + 2 * WRITE_TIMEOUT + 5 - time.perf_counter()))
        elapsed = time.perf_counter() - start
        if any(t.is_alive() for t in threads):
            outcomes["timeout"] = outcomes.get("timeout", 0) + sum(t.is_alive() for t in threads)
        ok = sum(v for k, v in outcomes.items() if k.startswith("ok"))
        return {"rps": ok / elapsed, "p50": percentile(latencies, 50) * 1000 if latencies else None,
                "p99": percentile(latencies, 99) * 1000 if latencies else None, "outcomes": outcomes}


SLOTS = 32


def shared_page_text(values):
    lines = ["---", "title: Shared bench page", "---", ""]
    for i, v in enumerate(values):
        lines += ["Writer %02d wrote %d." % (i, v), "", ""]
    return "\n".join(lines) + "\n"


def inkstone_writer(port, token, mode, pages):
    """One write of writer i: distinct pages (the writer knows its blob id) or one shared page (GET the source,
    change the writer's own line, PUT with that now often stale sha: Inkstone merges)."""
    auth = {"Authorization": "Bearer " + token}
    clients = {}

    def one_write(i, state):
        client = clients.get(i) or clients.setdefault(i, Http(port, WRITE_TIMEOUT))
        if mode == "distinct":
            path = pages[i]
            if "text" not in state:
                status, headers, text, _ = client.request("GET", "/api/source/" + quote(path))
                state["text"], state["n"] = text.decode(), 0
                state["sha"] = headers["ETag"].strip('"')
            state["n"] += 1
            content = state["text"].rstrip("\n") + "\n\nBench edit %d by writer %d.\n" % (state["n"], i)
            status, _, payload, seconds = client.request(
                "PUT", "/api/pages/" + quote(path), {"content": content, "sha": state["sha"]}, auth)
            if status in (200, 201):
                answer = json.loads(payload)
                state["sha"] = answer["page"]["sha"]
                return "ok", seconds
            state.pop("text", None)
            return "status %d" % status, seconds
        path = pages[0]
        status, headers, text, _ = client.request("GET", "/api/source/" + quote(path))
        sha = headers["ETag"].strip('"')
        lines = text.decode().split("\n")
        mine = "Writer %02d wrote " % i
        state["n"] = state.get("n", 0) + 1
        lines = [("%s%d." % (mine, state["n"])) if line.startswith(mine) else line for line in lines]
        status, _, payload, seconds = client.request(
            "PUT", "/api/pages/" + quote(path), {"content": "\n".join(lines), "sha": sha}, auth)
        if status in (200, 201):
            return ("ok merged" if json.loads(payload).get("merged") else "ok"), seconds
        return "status %d" % status, seconds

    one_write.reset = lambda i: clients.pop(i, None)
    return one_write, clients


def decap_writer(port, files):
    clients = {}

    def one_write(i, state):
        client = clients.get(i) or clients.setdefault(i, Http(port, WRITE_TIMEOUT))
        state["n"] = state.get("n", 0) + 1
        raw = "---\ntitle: Bench %d\n---\n\nBench edit %d by writer %d.\n" % (i, state["n"], i)
        entry = {"slug": os.path.basename(files[i])[:-3], "path": files[i], "raw": raw}
        status, _, _, seconds = client.request("POST", "/api/v1", {"action": "persistEntry", "params": {
            "branch": "main", "entry": entry, "assets": [],
            "options": {"collectionName": "pages", "commitMessage": "Update %s" % files[i], "useWorkflow": False,
                        "status": "draft"}}})
        return ("ok" if status == 200 else "status %d" % status), seconds

    one_write.reset = lambda i: clients.pop(i, None)
    return one_write, clients


def gollum_writer(port, files):
    clients = {}

    def one_write(i, state):
        client = clients.get(i) or clients.setdefault(i, Http(port, WRITE_TIMEOUT))
        state["n"] = state.get("n", 0) + 1
        raw = "# Bench %d\n\nBench edit %d by writer %d.\n" % (i, state["n"], i)
        status, _, _, seconds = client.request("PUT", "/page/" + quote(files[i][:-3]), raw.encode())
        return ("ok" if status == 200 else "status %d" % status), seconds

    one_write.reset = lambda i: clients.pop(i, None)
    return one_write, clients


def run_writes(size, facts, jar, tools, decap_js, cfg, run_dir, results):
    label = size
    servers = []
    try:
        data = os.path.join(run_dir, "data-writes")
        token = user_token(jar, data)
        repo = clone(facts.repo, os.path.join(run_dir, "writes.git"))
        ink = Inkstone(jar, repo, data, run_dir, "inkstone-writes")
        servers.append(ink.proc)
        ink.ready()
        ink.background_done()
        pages = [page_path(f) for f in facts.leaves[-max(WRITERS):]]
        files = facts.leaves[:max(WRITERS)]  # the peers write other pages (their own copies anyway)
        shared = "bench/shared"
        client = Http(ink.port)
        status, _ = client.json("PUT", "/api/pages/" + shared, {"content": shared_page_text([0] * SLOTS)},
                                {"Authorization": "Bearer " + token})
        client.close()
        if status not in (200, 201):
            results.note("%s: creating %s answered %d; write rows are n/a" % (label, shared, status))
            return
        writers = {}
        for mode in ("distinct", "shared"):
            for n in WRITERS:
                fn, clients = inkstone_writer(ink.port, token, mode, pages if mode == "distinct" else [shared])
                writers[("inkstone", mode, n)] = fn
        if tools["decap"]:
            tree = clone(facts.repo, os.path.join(run_dir, "decap-writes"), bare=False)
            port = free_port()
            env = dict(os.environ, MODE="git", GIT_REPO_DIRECTORY=tree, PORT=str(port), BIND_HOST="127.0.0.1",
                       LOG_LEVEL="warn")
            proc = Proc("decap-writes", ["node", decap_js], run_dir, env=env)
            servers.append(proc)
            wait_http(port, "/api/v1", proc.proc, 60, "POST", json.dumps({"action": "info"}))
            fn, _ = decap_writer(port, files)
            for n in (1, 8):
                writers[("decap", "distinct", n)] = fn
        if tools["gollum"]:
            grepo = clone(facts.repo, os.path.join(run_dir, "gollum-writes.git"))
            port = free_port()
            proc = Proc("gollum-writes", ["ruby", os.path.join(BENCH, "peers", "gollum_server.rb"), str(port),
                                          grepo], run_dir)
            servers.append(proc)
            wait_http(port, "/health", proc.proc, 60)
            fn, _ = gollum_writer(port, files)
            for n in (1, 8):
                writers[("gollum", "distinct", n)] = fn
        # Warm-up, the same time for every server: a sixth with one writer, the rest with eight. A JVM's C2
        # compiler takes minutes of writes to settle (probe_writes.py on 10,000 pages: with 8 writers its threads
        # used half a core for 100 s and a tenth after 130 s; one writer makes fewer commits, so it warms up
        # slower), so a short warm-up measured the compiler more than the commit path; the full run gives every
        # server 150 s.
        for key, fn in writers.items():
            if key[1] == "distinct" and key[2] in (1, 8):
                Writers(key[2], cfg["write_warmup"] * (1 if key[2] == 1 else 5) / 6, fn).run()
        keys = list(writers)
        procs = {"inkstone": ink.proc}
        procs.update({p.name.split("-")[0]: p for p in servers})
        hung = set()
        for r in range(cfg["rounds"]):
            log("%s writes, round %d/%d" % (label, r + 1, cfg["rounds"]))
            order = keys[r % len(keys):] + keys[:r % len(keys)]
            for key in order:
                server, mode, n = key
                if server in hung:
                    continue
                res = Writers(n, cfg["seconds"], writers[key]).run()
                if res["outcomes"].get("timeout"):
                    hung.add(server)
                    evidence = ""
                    if server == "inkstone":
                        dump = procs[server].jstack(os.path.join(run_dir, "jstack-writes-%s.txt" % server))
                        with open(dump, "rb") as f:
                            ok_dump = b"Full thread dump" in f.read(4096)
                        evidence = ("; thread dump: `%s`" if ok_dump else "; the JVM did not answer jstack (`%s`)") \
                            % os.path.relpath(dump, ROOT)
                    results.note("%s: %s stopped answering writes (%s, %d writers, round %d): no write came back "
                                 "within %d s, so its later write rows are left out%s"
                                 % (label, server, mode, n, r + 1, WRITE_TIMEOUT, evidence))
                results.add((label, "write %s w%d" % (mode, n), server), res)
                bad = {k: v for k, v in res["outcomes"].items() if k not in ("ok", "ok merged")}
                if bad:
                    results.note("%s write %s %d writers %s: %s" % (label, mode, n, server, bad))
                if "ok merged" in res["outcomes"]:
                    results.add((label, "merged %s w%d" % (mode, n), server),
                                res["outcomes"]["ok merged"] / max(1, sum(res["outcomes"].values())))
        packs = len([f for f in os.listdir(os.path.join(repo, "objects", "pack")) if f.endswith(".pack")])
        commits = int(git(repo, "rev-list", "--count", "main")) - facts.depth - 1
        results.facts.append(("%s: after the writes" % label, "Inkstone's repository has %d pack files for %d "
                              "commits made by the run (gc.auto=0, nothing repacks)" % (packs, commits)))
    finally:
        for proc in reversed(servers):
            log_problems(results, label, proc)
            proc.stop()


# ----- report -----------------------------------------------------------------------------------------------------

def fmt(v, unit=""):
    if v is None:
        return "n/a"
    if unit == "x":
        return "%.2f×" % v if v < 10 else "%.0f×" % v
    if unit == "ms":
        return "%.2f ms" % v if v < 10 else "%.0f ms" % v
    if unit == "s":
        return "%.2f s" % v
    if unit == "MB":
        return "%.0f MB" % v
    return "%.0f" % v if v >= 100 else "%.1f" % v


def wrk_cell(res, key):
    rps, p50, p99 = res.med(key, "rps"), res.med(key, "p50"), res.med(key, "p99")
    if rps is None:
        return "n/a"
    return "%s/s, p50 %s, p99 %s" % (fmt(rps), fmt(p50, "ms"), fmt(p99, "ms"))


def verdict(ok):
    return "n/a" if ok is None else ("**pass**" if ok else "**FAIL**")


def report(args, cfg, results, machine_lines, jar_what, started, sizes, facts_by_size):
    rows = []  # (measure, inkstone, reference, ratio)
    targets = []  # (target, measured, verdict)
    for pages, commits, plan in sizes:
        label = "%d pages / %d commits" % (pages, commits)
        s = label
        for c in CONNS:
            for what in ("page", "nav"):
                k = (s, "%s c%d" % (what, c), "inkstone")
                if k not in results.samples:
                    continue
                for ref in ("bare", "nginx"):
                    kr = (s, "%s c%d" % (what, c), ref)
                    if kr in results.samples:
                        rows.append(("%s: GET %s cached, %d conn" % (s, "page" if what == "page" else "/api/nav",
                                                                   c),
                                     wrk_cell(results, k), "%s: %s" % ("bare Javalin" if ref == "bare" else ref,
                                                                      wrk_cell(results, kr)),
                                     fmt(results.ratio(k, kr, "rps"), "x")))
        k = (s, "oldref c16", "inkstone")
        if k in results.samples:
            rows.append(("%s: GET page at an old ?ref= (cached), 16 conn" % s, wrk_cell(results, k),
                         "same page at the tip: %s" % wrk_cell(results, (s, "page c16", "inkstone")),
                         fmt(results.ratio(k, (s, "page c16", "inkstone"), "rps"), "x")))
        k = (s, "oldref first", "inkstone")
        if k in results.samples:
            kg = (s, "oldref first", "git")
            rows.append(("%s: first GET page at an old ?ref= (revision built on demand)" % s,
                         fmt(results.med(k) * 1000, "ms"), "`git cat-file -p <ref>:<file>`: %s"
                         % fmt(results.med(kg) * 1000, "ms"),
                         fmt(results.med(k) / results.med(kg), "x") + " (time)"))
        k = (s, "source c1", "inkstone")
        if k in results.samples:
            kg = (s, "source c1", "git")
            rows.append(("%s: GET /api/source (blob), 1 conn" % s, wrk_cell(results, k),
                         "`git cat-file --batch`, 1 process: %s/s" % fmt(results.med(kg, "rps")),
                         fmt(results.ratio(k, kg, "rps"), "x")))
        for peer in ("decap", "gollum"):
            k, kp = (s, "peer-read c16", "inkstone"), (s, "peer-read c16", peer)
            if kp in results.samples:
                rows.append(("%s: read a page, 16 conn" % s, wrk_cell(results, k),
                             "%s: %s" % ("decap-server getEntry" if peer == "decap" else "gollum-lib read+render",
                                         wrk_cell(results, kp)), fmt(results.ratio(k, kp, "rps"), "x")))
        for mode in ("distinct", "shared"):
            for n in WRITERS:
                k = (s, "write %s w%d" % (mode, n), "inkstone")
                if k not in results.samples:
                    continue
                refs = []
                for peer in ("decap", "gollum"):
                    kp = (s, "write %s w%d" % (mode, n), peer)
                    if kp in results.samples:
                        refs.append("%s: %s (%s)" % ("decap persistEntry" if peer == "decap" else "gollum update_page",
                                                     wrk_cell(results, kp), fmt(results.ratio(k, kp, "rps"), "x")))
                merged = results.med((s, "merged %s w%d" % (mode, n), "inkstone"))
                rows.append(("%s: PUT page, %d writer%s, %s" % (s, n, "s" if n > 1 else "",
                                                                "distinct pages" if mode == "distinct" else
                                                                "one page (stale sha, merged)"),
                             wrk_cell(results, k).replace("/s", " commits/s", 1)
                             + ("" if merged is None else ", %.0f%% merged" % (merged * 100)),
                             "; ".join(refs) or "—", ""))
        if (s, "start health", "inkstone") in results.samples:
            rows.append(("%s: start to ready (health 200 / first nav)" % s,
                         "%s / %s" % (fmt(results.med((s, "start health", "inkstone")), "s"),
                                      fmt(results.med((s, "start nav", "inkstone")), "s")), "—", ""))
            if (s, "search ready", "inkstone") in results.samples:
                rows.append(("%s: search index ready after start (`/api/search` stops answering 503; first round)"
                             % s, fmt(results.med((s, "search ready", "inkstone")), "s"), "—", ""))
            rows.append(("%s: GET page cold (first render after start)" % s,
                         "%s median, %s per KB of Markdown" % (
                             fmt(_ms(results.med((s, "cold page", "inkstone"))), "ms"),
                             fmt(_ms(results.med((s, "cold per KB", "inkstone"))), "ms")), "—", ""))
        if (s, "rss", "inkstone") in results.samples:
            rows.append(("%s: RSS after touching every page" % s,
                         "%s (peak %s)" % (fmt(results.med((s, "rss", "inkstone")), "MB"),
                                           fmt(results.med((s, "rss hwm", "inkstone")), "MB")), "—", ""))
    # targets, on the largest size that measured each
    def last(key_fn):
        for pages, commits, plan in reversed(sizes):
            s = "%d pages / %d commits" % (pages, commits)
            if key_fn(s)[0] in results.samples:
                return s
        return None

    s = last(lambda s: ((s, "page c64", "inkstone"),))
    if s:
        r = results.ratio((s, "page c16", "inkstone"), (s, "page c16", "bare"), "rps")
        r64 = results.ratio((s, "page c64", "inkstone"), (s, "page c64", "bare"), "rps")
        targets.append(("cached GET page ≥ 0.9× bare Javalin (%s)" % s,
                        "%s at 16 conn, %s at 64" % (fmt(r, "x"), fmt(r64, "x")),
                        verdict(None if r is None or r64 is None else min(r, r64) >= 0.9)))
        p99 = results.med((s, "page c64", "inkstone"), "p99")
        targets.append(("cached GET page p99 < 10 ms at 64 conn (%s)" % s, fmt(p99, "ms"),
                        verdict(None if p99 is None else p99 < 10)))
        rn = results.ratio((s, "page c64", "inkstone"), (s, "page c64", "nginx"), "rps")
        targets.append(("ratio to nginx (reported, no target)", "%s at 64 conn" % fmt(rn, "x"), "—"))
    s = last(lambda s: ((s, "peer-read c16", "decap"),))
    if s:
        r = results.ratio((s, "peer-read c16", "inkstone"), (s, "peer-read c16", "decap"), "rps")
        targets.append(("reads ≥ 100× decap-server (%s, 16 conn)" % s, fmt(r, "x"),
                        verdict(None if r is None else r >= 100)))
    s = last(lambda s: ((s, "write distinct w1", "decap"),))
    if s:
        r = results.ratio((s, "write distinct w1", "inkstone"), (s, "write distinct w1", "decap"), "rps")
        r8 = results.ratio((s, "write distinct w8", "inkstone"), (s, "write distinct w8", "decap"), "rps")
        targets.append(("commits ≥ 20× decap-server (%s)" % s, "%s with 1 writer, %s with 8"
                        % (fmt(r, "x"), fmt(r8, "x")), verdict(None if r is None else r >= 20)))
    s = last(lambda s: ((s, "peer-read c16", "gollum"),))
    if s:
        r = results.ratio((s, "peer-read c16", "inkstone"), (s, "peer-read c16", "gollum"), "rps")
        w = results.ratio((s, "write distinct w1", "inkstone"), (s, "write distinct w1", "gollum"), "rps")
        w8 = results.ratio((s, "write distinct w8", "inkstone"), (s, "write distinct w8", "gollum"), "rps")
        targets.append(("ahead of gollum-lib (%s): reads / commits" % s,
                        "reads %s; commits %s with 1 writer, %s with 8" % (fmt(r, "x"), fmt(w, "x"), fmt(w8, "x")),
                        verdict(None if r is None or w is None else r > 1 and w > 1)))
    s = last(lambda s: ((s, "write distinct w8", "inkstone"),))
    if s:
        v = results.med((s, "write distinct w8", "inkstone"), "rps")
        targets.append(("≥ 300 durable commits/s, 8 writers, distinct pages (%s)" % s,
                        "%s commits/s (%s× the target)" % (fmt(v), fmt(v / 300 if v else None, "x").rstrip("×")),
                        verdict(None if v is None else v >= 300)))
    for pages in (10000, 1000):
        hits = [p for p in sizes if p[0] == pages and (("%d pages / %d commits" % (p[0], p[1])), "start nav",
                                                          "inkstone") in results.samples]
        if hits:
            s = "%d pages / %d commits" % (hits[-1][0], hits[-1][1])
            v = results.med((s, "start nav", "inkstone"))
            targets.append(("start to ready < 5 s (%s; target is for 10,000 pages)" % s, fmt(v, "s"),
                            verdict(None if v is None else v < 5)))
            break
    for pages in (10000, 1000):
        hits = [p for p in sizes if p[0] == pages and (("%d pages / %d commits" % (p[0], p[1])), "rss",
                                                          "inkstone") in results.samples]
        if hits:
            s = "%d pages / %d commits" % (hits[-1][0], hits[-1][1])
            v = results.med((s, "rss", "inkstone"))
            targets.append(("RSS < 300 MB after touching every page (%s)" % s, fmt(v, "MB"),
                            verdict(None if v is None else v < 300)))
            break

    out = []
    out.append("## `bench/run %s` — %s" % (args.mode, started.strftime("%Y-%m-%d %H:%M UTC")))
    out.append("")
    out.append("%d interleaved rounds of %d s per measurement (the order of the servers rotates each round); "
               "every cell is the median over rounds, ratios are medians of the per-round ratios "
               "(Inkstone ÷ reference: above 1 Inkstone is faster). Quote the ratios; the absolute numbers "
               "hold for this machine only. Took %.0f s." % (cfg["rounds"], cfg["seconds"],
                                                             time.time() - started.timestamp()))
    out.append("")
    out.append("| machine | |")
    out.append("|---|---|")
    for k, v in machine_lines + [("jar", jar_what), ("Inkstone and bare Javalin JVM flags", "`MALLOC_ARENA_MAX=2 %s`"
                                                     % " ".join(JVM_FLAGS)),
                                 ("Inkstone only", "`%s` (recorded by `inkstone train`, as the README says)"
                                  % " ".join(CDS_FLAGS) if CDS_FLAGS else "no class-data archive")]:
        out.append("| %s | %s |" % (k, v))
    out.append("")
    out.append("### Targets")
    out.append("")
    out.append("| target | measured | |")
    out.append("|---|---|---|")
    for t in targets:
        out.append("| %s | %s | %s |" % t)
    out.append("")
    out.append("### Measurements")
    out.append("")
    out.append("| measure | Inkstone | reference | Inkstone ÷ reference |")
    out.append("|---|---|---|---|")
    for row in rows:
        out.append("| %s | %s | %s | %s |" % row)
    out.append("")
    out.append("### Facts and notes")
    out.append("")
    for k, v in results.facts:
        out.append("- %s: %s" % (k, v))
    for n in results.notes:
        out.append("- %s" % n)
    return "\n".join(out) + "\n"


def _ms(seconds):
    return None if seconds is None else seconds * 1000


def machine():
    def first_line(cmd):
        try:
            out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout.decode()
            return out.strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"
    mem, cpu = "?", platform.processor() or "?"
    with open("/proc/meminfo") as f:
        mem = "%.1f GiB" % (int(f.readline().split()[1]) / 1048576)
    with open("/proc/cpuinfo") as f:
        cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), cpu)
    java = subprocess.run(["java", "-version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout.decode()
    return [("date", datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC")), ("nproc", str(os.cpu_count())),
            ("cpu", cpu), ("memory", mem), ("java -version", " / ".join(java.strip().splitlines())),
            ("git", first_line(["git", "--version"])), ("wrk", first_line(["wrk", "-v"])),
            ("nginx", first_line(["nginx", "-v"])), ("node", first_line(["node", "--version"])),
            ("ruby", first_line(["ruby", "--version"])),
            ("load average at start", "%.2f %.2f %.2f" % os.getloadavg())]


def write_results(path, mode, text):
    """RESULTS.md keeps one section per mode; a run replaces its own."""
    head = "# Benchmark results\n\nWritten by `bench/run` (see bench/README.md). Each section is one run.\n\n"
    old = open(path).read() if os.path.exists(path) else head
    begin, end = "<!-- run:%s -->" % mode, "<!-- /run:%s -->" % mode
    block = "%s\n%s%s\n" % (begin, text, end)
    if begin in old and end in old:
        new = old[:old.index(begin)] + block + old[old.index(end) + len(end) + 1:]
    else:
        new = old.rstrip("\n") + "\n\n" + block
    with open(path, "w") as f:
        f.write(new)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", nargs="?", default="quick", choices=sorted(MODES))
    p.add_argument("--jar", help="use this jar instead of building one")
    p.add_argument("--src", choices=("head", "worktree"), default="head",
                   help="build from `git archive HEAD` (default) or from the working tree's files")
    p.add_argument("--rounds", type=int)
    p.add_argument("--seconds", type=int)
    p.add_argument("--no-install", action="store_true")
    p.add_argument("--out", default=os.path.join(BENCH, "RESULTS.md"))
    p.add_argument("--only", help="comma-separated subset of start,reads,writes (for debugging)")
    args = p.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    cfg = dict(MODES[args.mode])
    cfg["rounds"] = args.rounds or cfg["rounds"]
    cfg["seconds"] = args.seconds or cfg["seconds"]
    started = datetime.datetime.utcnow().replace(tzinfo=datetime.timezone.utc)
    results = Results()
    tools, decap_js = install(args, results)
    machine_lines = machine()
    jar, jar_what = build_jar(args)
    class_archive(jar)
    ceiling = compile_bare_javalin(jar)
    run_dir = os.path.join(WORK, "run-%s" % args.mode)
    shutil.rmtree(run_dir, ignore_errors=True)
    os.makedirs(run_dir)
    only = set(args.only.split(",")) if args.only else None
    facts_by_size = {}
    try:
        measure(args, cfg, jar, ceiling, tools, decap_js, run_dir, only, facts_by_size, results)
    finally:
        stop_all()
    text = report(args, cfg, results, machine_lines, jar_what, started, cfg["sizes"], facts_by_size)
    print(text)
    write_results(args.out, args.mode, text)
    log("written to %s; logs in %s" % (os.path.relpath(args.out, ROOT), os.path.relpath(run_dir, ROOT)))


def measure(args, cfg, jar, ceiling, tools, decap_js, run_dir, only, facts_by_size, results):
    for pages, commits, plan in cfg["sizes"]:
        repo, line = generate(pages, commits)
        facts = Facts(repo)
        label = "%d pages / %d commits" % (pages, commits)
        facts_by_size[label] = facts
        results.facts.append(("%s: repository" % label, line.replace("|", "/")))
        size_dir = os.path.join(run_dir, "p%d-c%d" % (pages, commits))
        os.makedirs(size_dir)
        if "start" in plan and (not only or "start" in only):
            run_start(label, facts, jar, cfg, size_dir, results, touch_all=True)
        if plan & {"reads", "reads16"} and (not only or "reads" in only):
            run_reads(label, facts, jar, ceiling, tools, decap_js, cfg, size_dir, results, plan)
        if "writes" in plan and (not only or "writes" in only):
            run_writes(label, facts, jar, tools, decap_js, cfg, size_dir, results)


if __name__ == "__main__":
    main()
