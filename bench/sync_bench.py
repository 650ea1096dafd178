#!/usr/bin/env python3
"""The sync benchmark: lectern-server and Lectern's git client against stock git, git
http-backend under lighttpd and git-lfs, on loopback, in one run. Run bench/run-sync-bench.sh,
which builds the programs and writes docs/benchmarks.md from the rows this prints.

Parts (each bounded in count and time):
  fetch   generated spaces of N documents, 100 commits of 10 changed files; no-op fetch,
          1 and 100 commits behind, first clone: `git fetch` + `git merge --ff-only` and
          `git clone` against libgit2 through core/sync (and `lectern sync` once it exists),
          same server, same run; time and bytes the server sent
  shift   C clients fetching the same 10-file delta at once: failures, p50/p99, the server's
          CPU seconds per fetch (its process and its children, from /proc) for lighttpd + git
          http-backend, lectern-server without and with the upload-pack cache
  lfs     the batch endpoint at C connections, one object download against lighttpd serving
          the file, `git lfs pull` of 20 lesson videos against `lectern sync`, a killed
          `lectern sync` resumed
  lfs-batch  the batch endpoint alone (the first measurement of lfs)
"""

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

GIT_HTTP_BACKEND = "/usr/lib/git-core/git-http-backend"
COMMITS = 100
CHANGED_FILES = 10


def log(*parts):
    print("[sync-bench]", *parts, file=sys.stderr, flush=True)


def run(cmd, cwd=None, env=None, check=True, capture=True, timeout=3600):
    r = subprocess.run(cmd, cwd=cwd, env=env, shell=isinstance(cmd, str), text=True,
                       stdout=subprocess.PIPE if capture else None,
                       stderr=subprocess.STDOUT if capture else None, timeout=timeout)
    if check and r.returncode != 0:
        raise RuntimeError(f"failed ({r.returncode}): {cmd}\n{r.stdout}")
    return r


def timed(cmd, cwd=None, env=None, timeout=3600):
    start = time.perf_counter()
    r = run(cmd, cwd=cwd, env=env, timeout=timeout)
    return time.perf_counter() - start, r.stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_cpu_seconds(pid):
    """User + system time of a process and of the children it has reaped (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(fields[i]) for i in (11, 12, 13, 14))  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def peak_rss_mib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(values, p):
    v = sorted(values)
    if not v:
        return float("nan")
    k = max(0, min(len(v) - 1, int(round(p / 100 * len(v) + 0.5)) - 1))
    return v[k]


class CountingProxy:
    """A TCP relay in front of a server that counts the bytes the server sends."""

    def __init__(self, target_port):
        self.target = ("127.0.0.1", target_port)
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(256)
        self.port = self.sock.getsockname()[1]
        self.down = 0
        self.streams = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            client, _ = self.sock.accept()
            upstream = socket.create_connection(self.target)
            stream = bytearray()
            with self.lock:
                self.streams.append(stream)
            threading.Thread(target=self._pump, args=(client, upstream, None), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, stream), daemon=True).start()

    def _pump(self, src, dst, stream):
        try:
            while True:
                data = src.recv(256 * 1024)
                if not data:
                    break
                if stream is not None:
                    with self.lock:
                        self.down += len(data)
                        stream += data
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def reset(self):
        with self.lock:
            self.down = 0
            self.streams = []

    def pack_bytes(self):
        """Bytes of pack data (side-band channel 1) in the upload-pack answers relayed since
        reset(): what was sent apart from HTTP, the advertisement, ACKs and progress text."""
        with self.lock:
            streams = [bytes(s) for s in self.streams]
        return sum(pack_bytes_in_http(s) for s in streams)


def pack_bytes_in_http(data):
    """Side-band channel 1 bytes of every git answer in one connection's HTTP responses."""
    total, i = 0, 0
    while True:
        end = data.find(b"\r\n\r\n", i)
        if end < 0:
            return total
        head = data[i:end].decode("latin-1").lower()
        i = end + 4
        body = b""
        if "transfer-encoding: chunked" in head:
            while True:
                eol = data.find(b"\r\n", i)
                n = int(data[i:eol].split(b";")[0], 16)
                i = eol + 2
                if n == 0:
                    i += 2
                    break
                body += data[i:i + n]
                i += n + 2
        elif "content-length:" in head:
            n = int(head.split("content-length:")[1].split("\r\n")[0])
            body, i = data[i:i + n], i + n
        if "upload-pack-result" not in head:
            continue
        k = 0
        while k + 4 <= len(body):
            n = int(body[k:k + 4], 16)
            if n >= 5 and body[k + 4] == 1:
                total += n - 5
            k += n if n >= 4 else 4


class LecternServer:
    def __init__(self, binary, state, work, cache):
        self.work = Path(work)
        conf = self.work / f"server-{'cache' if cache else 'nocache'}.toml"
        conf.write_text(
            "[http]\naccess_log = \"%s\"\n"
            "[auth]\nthrottle_failures_per_account = 1000000\n"
            "throttle_failures_per_address = 1000000\n"
            "[git]\nupload_pack_cache = %s\n" % (self.work / "access.log", "true" if cache else "false"))
        self.err = open(self.work / "server.log", "a")
        self.proc = subprocess.Popen([binary, "--config", str(conf), "--state", str(state),
                                      "--listen", "127.0.0.1:0", "--log-level", "warning"],
                                     stdout=subprocess.PIPE, stderr=self.err, text=True)
        line = self.proc.stdout.readline()
        if "http://" not in line:
            raise RuntimeError("lectern-server did not start: " + line)
        self.url = line[line.index("http://"):].strip()
        self.port = int(self.url.rsplit(":", 1)[1])

    def cpu(self):
        return proc_cpu_seconds(self.proc.pid)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=60)
        self.err.close()


class Lighttpd:
    """Plain git http-backend as CGI under lighttpd, and static files, on the same folders."""

    def __init__(self, work, project_root, static_root):
        self.port = free_port()
        d = Path(work) / "lighttpd"
        d.mkdir(parents=True, exist_ok=True)
        conf = d / "lighttpd.conf"
        conf.write_text(f"""
server.modules = ("mod_alias", "mod_cgi", "mod_setenv")
server.bind = "127.0.0.1"
server.port = {self.port}
server.document-root = "{static_root}"
server.errorlog = "{d}/error.log"
server.pid-file = "{d}/lighttpd.pid"
server.max-fds = 4096
server.max-connections = 2000
server.upload-dirs = ("{d}")
mimetype.assign = ("" => "application/octet-stream")
alias.url = ("/git" => "{GIT_HTTP_BACKEND}")
$HTTP["url"] =~ "^/git" {{
    cgi.assign = ("" => "")
    setenv.set-environment = ("GIT_PROJECT_ROOT" => "{project_root}", "GIT_HTTP_EXPORT_ALL" => "1")
}}
""")
        self.proc = subprocess.Popen(["/usr/sbin/lighttpd", "-D", "-f", str(conf)],
                                     stderr=open(d / "stderr.log", "a"))
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port)).close()
                break
            except OSError:
                time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def cpu(self):
        return proc_cpu_seconds(self.proc.pid)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=60)


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = Path(args.work).resolve()
        self.bin = Path(args.build).resolve()
        self.server_bin = str(self.bin / "sync-server" / "lectern-server")
        self.corpus_tool = str(self.bin / "bench" / "lectern_corpus_tool")
        self.lg2 = str(self.bin / "bench" / "lectern_libgit2_fetch")
        self.lectern = self.bin / "client" / "cli" / "lectern"
        home = self.work / "home"
        home.mkdir(parents=True, exist_ok=True)
        (home / ".gitconfig").write_text(
            "[user]\n\tname = Bench Trainer\n\temail = trainer@bench.invalid\n"
            "[init]\n\tdefaultBranch = main\n[gc]\n\tauto = 0\n[maintenance]\n\tauto = false\n"
            "[advice]\n\tdetachedHead = false\n[credential]\n\thelper =\n")
        self.env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
                        XDG_DATA_HOME=str(home / ".local" / "share"), GIT_CONFIG_NOSYSTEM="1",
                        GIT_TERMINAL_PROMPT="0")
        self.env.pop("GIT_ASKPASS", None)
        self.rows = []

    # ---- the server's state: one space per corpus size, a trainer and an agent -----------------

    def admin(self, *argv):
        return run([self.server_bin, "--state", str(self.state), *argv], env=self.env).stdout

    def setup_state(self):
        self.state = self.work / "state"
        self.tokens = {}
        if self.args.reuse and self.state.exists():
            for user in ("trainer", "agent"):
                self.tokens[user] = self.admin("token", "create", user, "--name", "bench").split()[0]
            return
        if self.state.exists():
            shutil.rmtree(self.state)
        self.admin("init")
        for user in ("trainer", "agent"):
            self.admin("user", "add", user)
            self.tokens[user] = self.admin("token", "create", user, "--name", "bench").split()[0]

    def reused_history(self, n):
        """The space, clones and head of an earlier run with --work, if --reuse and complete."""
        space = f"docs{n}"
        pristine = self.work / space / "pristine"
        if not self.args.reuse or not all((pristine / c).is_dir() for c in ("behind100", "behind1", "noop")):
            return None
        head = self.git("rev-parse HEAD", cwd=pristine / "noop").stdout.strip()
        bare = self.state / "spaces" / space / "content.git"
        if run(["git", "--git-dir", str(bare), "rev-parse", "main"], env=self.env,
               check=False).stdout.strip() != head:
            return None
        log(f"{n} docs: reusing the history of an earlier run")
        return space, pristine, head

    def add_space(self, name):
        self.admin("space", "create", name)
        self.admin("member", "add", "trainer", name, "--role", "trainer")
        self.admin("member", "add", "agent", name, "--role", "agent")

    def url(self, base, space, user="agent"):
        host = base.split("://", 1)[1]
        return f"http://{user}:{self.tokens[user]}@{host}/{space}/content.git"

    def git(self, args, cwd=None):
        return run("git " + args, cwd=cwd, env=self.env)

    # ---- the generated history ---------------------------------------------------------------

    def build_history(self, n, server):
        """Pushes N documents, then 100 commits of 10 changed files each. Keeps client clones
        made when the server was 100 commits, 1 commit and 0 commits ahead of them."""
        space = f"docs{n}"
        self.add_space(space)
        d = self.work / space
        if d.exists():
            shutil.rmtree(d)
        src = d / "src"
        run([self.corpus_tool, "write", str(src), str(n)])
        trainer = self.url(server.url, space, "trainer")
        self.git("init -q && git add -A && git commit -qm 'Generated space' && "
                 f"git remote add origin {trainer}", cwd=src)
        log(f"{n} docs: pushing the space")
        self.git("push -q origin HEAD:main", cwd=src)
        pristine = d / "pristine"
        pristine.mkdir()
        agent = self.url(server.url, space)
        self.git(f"clone -q {agent} behind100", cwd=pristine)
        for i in range(1, COMMITS + 1):
            run([self.corpus_tool, "touch", str(src), str(CHANGED_FILES), str(1000 + i)])
            self.git(f"commit -qam 'Change {i}'", cwd=src)
            if i == COMMITS - 1:
                self.git("push -q origin HEAD:main", cwd=src)
                self.git(f"clone -q {agent} behind1", cwd=pristine)
        self.git("push -q origin HEAD:main", cwd=src)
        self.git(f"clone -q {agent} noop", cwd=pristine)
        head = self.git("rev-parse HEAD", cwd=src).stdout.strip()
        return space, pristine, head

    # ---- part 1: one client at a time ----------------------------------------------------------

    def fresh_copy(self, pristine, case, tag):
        dst = self.work / "runs" / tag
        if dst.exists():
            shutil.rmtree(dst)
        dst.parent.mkdir(parents=True, exist_ok=True)
        run(["cp", "-a", str(pristine / case), str(dst)])
        return dst

    def fetch_git(self, wc, url):
        self.git(f"remote set-url origin {url}", cwd=wc)
        t, _ = timed("git fetch -q origin && git merge -q --ff-only origin/main", cwd=wc, env=self.env)
        return t

    def fetch_lg2(self, wc, url, mode="fetch"):
        env = dict(self.env, LECTERN_BENCH_TOKEN=self.tokens["agent"])
        plain = url.replace(f"agent:{self.tokens['agent']}@", "")
        t, _ = timed([self.lg2, mode, str(wc), plain, "agent"], env=env)
        return t

    def part_fetch(self, n, server, proxy, space, pristine, head):
        reps = self.args.reps
        direct = self.url(server.url, space)
        counted = self.url(f"http://127.0.0.1:{proxy.port}", space)
        for case, label in (("noop", "no-op sync"), ("behind1", "1 commit behind"),
                            ("behind100", "100 commits behind")):
            times = {"git": [], "libgit2": []}
            for r in range(reps):
                for client in (("git", "libgit2") if r % 2 == 0 else ("libgit2", "git")):
                    wc = self.fresh_copy(pristine, case, client)
                    t = self.fetch_git(wc, direct) if client == "git" else self.fetch_lg2(wc, direct)
                    ok = self.git("rev-parse HEAD", cwd=wc).stdout.strip() == head
                    if not ok:
                        raise RuntimeError(f"{client} {case}: the work tree is not at the head")
                    times[client].append(t)
            sizes = {}
            for client in ("git", "libgit2"):
                wc = self.fresh_copy(pristine, case, client)
                proxy.reset()
                self.fetch_git(wc, counted) if client == "git" else self.fetch_lg2(wc, counted)
                sizes[client] = proxy.down
                sizes[client + " pack"] = proxy.pack_bytes()
            self.add_fetch_row(n, label, times, sizes)
        times = {"git": [], "libgit2": []}
        sizes = {}
        for r in range(max(1, reps // 2 if n > 10000 else reps)):
            for client in ("git", "libgit2"):
                dst = self.work / "runs" / f"clone-{client}"
                if dst.exists():
                    shutil.rmtree(dst)
                if client == "git":
                    t, _ = timed(f"git clone -q {direct} {dst}", env=self.env)
                else:
                    t = self.fetch_lg2(dst, direct, "clone")
                times[client].append(t)
        for client in ("git", "libgit2"):
            dst = self.work / "runs" / f"clone-{client}"
            shutil.rmtree(dst)
            proxy.reset()
            if client == "git":
                timed(f"git clone -q {counted} {dst}", env=self.env)
            else:
                self.fetch_lg2(dst, counted, "clone")
            sizes[client] = proxy.down
            sizes[client + " pack"] = proxy.pack_bytes()
        self.add_fetch_row(n, "first clone", times, sizes)

    def add_fetch_row(self, n, label, times, sizes):
        g, l = statistics.median(times["git"]), statistics.median(times["libgit2"])
        row = (f"FETCH|| {n} | {label} | {g * 1000:.0f} | {l * 1000:.0f} | {l / g:.2f}× | "
               f"{sizes['git'] / 1024:.1f} | {sizes['libgit2'] / 1024:.1f} | "
               f"{sizes['libgit2'] / max(1, sizes['git']):.2f}× | {sizes['git pack'] / 1024:.1f} | "
               f"{sizes['libgit2 pack'] / 1024:.1f} |")
        log(row)
        self.rows.append(row)

    # ---- part 2: the start of a shift ----------------------------------------------------------

    def shift_clients(self, pristine, count, tag):
        """`count` copies of the 1-commit-behind clone's repository. Objects are hard links
        (git never rewrites an object file); logs are off so no file is shared for writing."""
        root = self.work / "shift" / tag
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
        src = pristine / "behind1" / ".git"
        for i in range(count):
            run(["cp", "-al", str(src), str(root / f"c{i}.git")])
        return root

    def shift(self, label, server_cpu, url, pristine, head, n):
        count = self.args.clients
        root = self.shift_clients(pristine, count, label.replace(" ", "-"))
        barrier = threading.Barrier(count)
        results = [None] * count

        def client(i):
            gitdir = root / f"c{i}.git"
            cmd = ["git", "-c", "core.logAllRefUpdates=false", "--git-dir", str(gitdir), "fetch",
                   "-q", "--no-write-fetch-head", url, "+refs/heads/main:refs/remotes/origin/main"]
            barrier.wait()
            start = time.perf_counter()
            try:
                r = subprocess.run(cmd, env=self.env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True, timeout=self.args.shift_timeout)
                code, err = r.returncode, r.stderr
            except subprocess.TimeoutExpired:
                code, err = -1, "timed out"
            results[i] = (time.perf_counter() - start, code, err)

        cpu_before = server_cpu()
        start = time.perf_counter()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(count)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
        time.sleep(0.5)  # the last children are reaped just after their clients finished
        cpu = server_cpu() - cpu_before
        failures = 0
        for i, (_, code, err) in enumerate(results):
            got = run(["git", "--git-dir", str(root / f"c{i}.git"), "rev-parse",
                       "refs/remotes/origin/main"], env=self.env, check=False).stdout.strip()
            if code != 0 or got != head:
                failures += 1
                if failures <= 3:
                    log(f"{label}: client {i} failed ({code}): {err.strip()[:300]}")
        lat = [r[0] for r in results]
        shutil.rmtree(root)
        return {"label": label, "failures": failures, "p50": percentile(lat, 50),
                "p99": percentile(lat, 99), "wall": wall, "cpu": cpu, "per_fetch": cpu / count}

    def part_shift(self, n, space, pristine, head):
        results = []
        light = Lighttpd(self.work, self.state / "spaces" / space, self.work)
        try:
            results.append(self.shift("lighttpd + git http-backend", light.cpu,
                                      f"{light.url}/git/content.git", pristine, head, n))
        finally:
            light.stop()
        for cache in (False, True):
            server = LecternServer(self.server_bin, self.state, self.work, cache)
            try:
                label = "lectern-server, cache " + ("on" if cache else "off")
                results.append(self.shift(label, server.cpu, self.url(server.url, space),
                                          pristine, head, n))
            finally:
                server.stop()
        base = results[0]["per_fetch"]
        for r in results:
            row = (f"SHIFT|| {n} | {r['label']} | {self.args.clients} | {r['failures']} | "
                   f"{r['p50'] * 1000:.0f} | {r['p99'] * 1000:.0f} | {r['wall']:.1f} | "
                   f"{r['cpu']:.2f} | {r['per_fetch'] * 1000:.1f} | {r['per_fetch'] / base:.2f}× |")
            log(row)
            self.rows.append(row)

    # ---- part 3: Git LFS -----------------------------------------------------------------------

    def plant(self, space, data):
        import hashlib
        oid = hashlib.sha256(data).hexdigest()
        path = self.state / "spaces" / space / "lfs" / "objects" / oid[:2] / oid[2:4] / oid
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return oid

    def part_lfs_batch(self, space):
        # The batch endpoint: each request asks for the 20 videos of a path, as a client does.
        oids = [(self.plant(space, os.urandom(1024) + bytes([i])), 1025) for i in range(20)]
        body = json.dumps({"operation": "download", "transfers": ["basic"],
                           "objects": [{"oid": o, "size": s} for o, s in oids]})
        body_file = self.work / "batch.json"
        body_file.write_text(body)
        load = str(self.bin / "bench" / "lectern_http_load")
        env = dict(self.env, LECTERN_BENCH_TOKEN=self.tokens["agent"])
        # One server started for each run (as after a restart: its read connections, statements
        # and threads' memory still to set up); the run with the median p99 is reported.
        runs = []
        for _ in range(self.args.reps):
            server = LecternServer(self.server_bin, self.state, self.work, cache=True)
            try:
                cpu_before = server.cpu()
                out = run([load, "--port", str(server.port), "--path",
                           f"/{space}/content.git/info/lfs/objects/batch", "--body-file",
                           str(body_file), "--content-type", "application/vnd.git-lfs+json",
                           "--user", "agent", "--connections", str(self.args.clients),
                           "--requests", "10"], env=env, check=False).stdout
                cpu = server.cpu() - cpu_before
            finally:
                server.stop()
            stats = dict(kv.split("=") for kv in out.split())
            stats["cpu_ms"] = cpu * 1000 / max(1, int(stats["requests"]))
            log(f"LFS batch run: p99 {float(stats['p99_ms']):.1f} ms, "
                f"{float(stats['rps']):.0f} requests/s, {stats['errors']} errors")
            runs.append(stats)
        runs.sort(key=lambda r: float(r["p99_ms"]))
        stats = runs[len(runs) // 2]
        errors = sum(int(r["errors"]) for r in runs)
        each = ", ".join("%.0f" % float(r["p99_ms"]) for r in runs)
        row = (f"LFSBATCH|| {self.args.clients} | {len(runs)} × {stats['requests']} | {errors} | "
               f"{float(stats['p50_ms']):.1f} | {float(stats['p99_ms']):.1f} | "
               f"{float(stats['max_ms']):.1f} | {float(stats['rps']):.0f} | "
               f"{stats['cpu_ms']:.2f} | {each} |")
        log(row)
        self.rows.append(row)

    def part_lfs(self, server, space):
        # One large object: lectern-server (Basic auth, Range-capable provider) vs lighttpd.
        size_mib = self.args.object_mib
        big = os.urandom(size_mib << 20)
        oid = self.plant(space, big)
        static = self.work / "static"
        static.mkdir(exist_ok=True)
        (static / "object.bin").write_bytes(big)
        del big
        light = Lighttpd(self.work / "lfs", self.work, static)
        try:
            speeds = {"lectern": [], "lighttpd": []}
            lurl = f"{self.url(server.url, space).rsplit('/content.git', 1)[0]}/content.git/info/lfs/objects/{oid}"
            for _ in range(self.args.reps):
                for name, u in (("lectern", lurl), ("lighttpd", f"{light.url}/object.bin")):
                    out = run(["curl", "-sf", "-o", "/dev/null", "-w", "%{speed_download}", u]).stdout
                    speeds[name].append(float(out) / (1 << 20))
        finally:
            light.stop()
        le, li = statistics.median(speeds["lectern"]), statistics.median(speeds["lighttpd"])
        row = f"LFSGET|| {size_mib} | {le:.0f} | {li:.0f} | {le / li:.2f}× |"
        log(row)
        self.rows.append(row)

        # 20 lesson videos in the content, each the video of a lesson on the onboarding path (so
        # that `lectern sync` prefetches all of them), pulled by git lfs and by lectern.
        src = self.work / "media-src"
        if src.exists():
            shutil.rmtree(src)
        src.mkdir()
        trainer = self.url(server.url, space, "trainer")
        self.git(f"init -q && git lfs install --local >/dev/null && git lfs track 'lessons/**/*.mp4' "
                 f">/dev/null && git remote add origin {trainer}", cwd=src)
        (src / "lectern.yaml").write_text("title: Media\nclient: Benchmark\nlanguages: [en]\n"
                                          "default_lang: en\n")
        items = ""
        for i in range(20):
            lesson = src / "lessons" / f"lesson-{i:02d}"
            lesson.mkdir(parents=True)
            (lesson / "video.mp4").write_bytes(os.urandom(self.args.video_mib << 20))
            (lesson / "lesson.md").write_text(
                f"---\nid: lesson-{i:02d}\ntype: lesson\ntitle: Lesson {i}\nlang: en\n"
                f"owner: bench\nupdated: 2026-01-01\nvideo: video.mp4\n---\n\nWatch it.\n")
            items += f"      - ref: lesson-{i:02d}\n        due_days: 1\n"
        (src / "paths").mkdir()
        (src / "paths" / "agent.yaml").write_text(
            "id: agent\ntitle: Agents\nlang: en\nrole: agent\nowner: bench\n"
            "updated: 2026-01-01\nsections:\n  - title: First week\n    items:\n" + items)
        self.git("add -A && git commit -qm 'Lesson videos' && git push -q origin HEAD:main", cwd=src)
        total = 20 * (self.args.video_mib << 20)
        client = self.lectern_client(server.url)
        run([str(self.lectern), "sync", "-q", "--no-lfs", space], env=client)
        lfs_cache = Path(client["XDG_DATA_HOME"]) / "lectern" / "spaces" / space / "lfs"
        pull = {"git": [], "lectern": []}
        for r in range(self.args.reps):
            for name in (("git", "lectern") if r % 2 == 0 else ("lectern", "git")):
                if name == "git":
                    dst = self.work / "runs" / "lfs-pull"
                    if dst.exists():
                        shutil.rmtree(dst)
                    self.git(f"-c lfs.fetchexclude='*' clone -q {self.url(server.url, space)} {dst}")
                    env = dict(self.env, GIT_LFS_SKIP_SMUDGE="1")
                    run(f"git lfs install --local >/dev/null", cwd=dst, env=env)
                    t, _ = timed("git lfs pull", cwd=dst, env=self.env)
                else:
                    shutil.rmtree(lfs_cache, ignore_errors=True)
                    t, _ = timed([str(self.lectern), "sync", "-q", space], env=client)
                    if sum(f.stat().st_size for f in lfs_cache.rglob("*") if f.is_file()) != total:
                        raise RuntimeError("lectern sync did not bring all 20 videos")
                pull[name].append(t)
        g, l = statistics.median(pull["git"]), statistics.median(pull["lectern"])
        row = (f"LFSPULL|| 20 × {self.args.video_mib} MiB | {g * 1000:.0f} | {l * 1000:.0f} | "
               f"{l / g:.2f}× |")
        log(row)
        self.rows.append(row)

        # A pull killed (SIGKILL) halfway, then run again through the counting relay: what the
        # second run received against what was missing.
        proxy = CountingProxy(server.port)
        client = self.lectern_client(f"http://127.0.0.1:{proxy.port}")
        shutil.rmtree(lfs_cache, ignore_errors=True)
        on_disk = lambda: sum(f.stat().st_size for f in lfs_cache.rglob("*") if f.is_file())
        proc = subprocess.Popen([str(self.lectern), "sync", "-q", space], env=client,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 300
        while on_disk() < total // 2 and proc.poll() is None and time.time() < deadline:
            time.sleep(0.005)
        proc.kill()
        proc.wait()
        had = on_disk()
        complete = sum(1 for f in (lfs_cache / "objects").rglob("*") if f.is_file())
        proxy.reset()
        t, _ = timed([str(self.lectern), "sync", "-q", space], env=client)
        if on_disk() != total:
            raise RuntimeError("the resumed lectern sync did not bring all 20 videos")
        got = proxy.down
        row = (f"LFSRESUME|| 20 × {self.args.video_mib} MiB | {had / 2**20:.1f} MiB "
               f"({complete} whole objects) | {(total - had) / 2**20:.1f} | {got / 2**20:.1f} | "
               f"{got / max(1, total - had):.3f}× | {t * 1000:.0f} |")
        log(row)
        self.rows.append(row)

    def lectern_client(self, server_url):
        """The environment of a `lectern` client logged in as the agent to server_url."""
        home = self.work / "lectern-client"
        (home / "config" / "lectern").mkdir(parents=True, exist_ok=True)
        (home / "config" / "lectern" / "client.toml").write_text(
            f'server = "{server_url}"\nuser = "agent"\ntoken = "{self.tokens["agent"]}"\n'
            f'device = "bench"\n')
        os.chmod(home / "config" / "lectern" / "client.toml", 0o600)
        return dict(self.env, XDG_CONFIG_HOME=str(home / "config"),
                    XDG_DATA_HOME=str(home / "data"))

    # ----------------------------------------------------------------------------------------

    def main(self):
        self.work.mkdir(parents=True, exist_ok=True)
        self.setup_state()
        server = LecternServer(self.server_bin, self.state, self.work, cache=False)
        proxy = CountingProxy(server.port)
        histories = {}
        try:
            if "fetch" in self.args.parts or "shift" in self.args.parts:
                for n in self.args.sizes:
                    histories[n] = self.reused_history(n) or self.build_history(n, server)
            if "fetch" in self.args.parts:
                for n in self.args.sizes:
                    log(f"{n} docs: fetch and clone")
                    self.part_fetch(n, server, proxy, *histories[n])
                self.rows.append(f"RSS|| {peak_rss_mib(server.proc.pid):.0f} |")
        finally:
            server.stop()
        if "shift" in self.args.parts:
            for n in self.args.shift_sizes:
                if n not in histories:
                    continue
                log(f"{n} docs: shift start, {self.args.clients} clients")
                self.part_shift(n, *histories[n])
        if "lfs" in self.args.parts or "lfs-batch" in self.args.parts:
            space = "media"
            self.add_space(space)
            self.part_lfs_batch(space)
            if "lfs" in self.args.parts:
                server = LecternServer(self.server_bin, self.state, self.work, cache=True)
                try:
                    self.part_lfs(server, space)
                finally:
                    server.stop()
        with open(self.args.rows, "w") as f:
            f.write("\n".join(self.rows) + "\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--build", required=True, help="the Release build folder")
    p.add_argument("--work", required=True, help="scratch folder (emptied parts are rebuilt)")
    p.add_argument("--rows", required=True, help="where to write the table rows")
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 50000])
    p.add_argument("--shift-sizes", type=int, nargs="+", default=[1000, 50000])
    p.add_argument("--parts", nargs="+", default=["fetch", "shift", "lfs"])
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--clients", type=int, default=200)
    p.add_argument("--shift-timeout", type=int, default=600)
    p.add_argument("--object-mib", type=int, default=256)
    p.add_argument("--video-mib", type=int, default=8)
    p.add_argument("--reuse", action="store_true",
                   help="keep the server state and generated histories an earlier run left in "
                        "--work instead of making them again (the 50k history takes long)")
    Bench(p.parse_args()).main()


if __name__ == "__main__":
    main()
