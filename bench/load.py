#!/usr/bin/env python3
"""Bounded load test on loopback: N clients (default 50) post a mix of small and large documents from test-docs/
(and, with --corpus, real documents) to a real FairTender server for a fixed time (default 180 s) while /health is
polled every second. Prints latency percentiles (p50/p95/p99) of complete reports and of all answers, counts by
status and by problem code, how /health answered, and the server's RSS over time; exits 1 on any 5xx other than
503, a connection failure, or a /health poll not answered 200 within 1 s. A client told 503 or 429 waits (1 s at
most) before its next request.

With --tenants the server runs with API keys in its own data folder: three tenants (alpha: no limit; beta: at most 2
checks at once; gamma: a small daily quota, so 429 appears), clients spread over them, and a share of requests sent
without a key or with a wrong one (401). After the run the server is stopped normally and its audit log is compared
with the answers: one row per check the server ran (every 200, and every refusal the checker made), none missing, none
extra. Python 3 standard library only."""
import argparse
import collections
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ftbench  # noqa: E402

#: answers after which the checker ran (so the audit log has a row): the report, or a refusal by the engine
CHECKER_CODES = {"CORRUPT", "ENCRYPTED", "EMPTY", "NO_TEXT_LAYER", "TIME_LIMIT", "UNSUPPORTED_FORMAT", "PACKAGE_LIMIT"}
TENANTS = [  # name, keys create options
    ("alpha", []),
    ("beta", ["--max-concurrent", "2"]),
    ("gamma", ["--daily-quota", "15"]),
]
DOC_TYPES = ("pdf", "docx", "doc", "txt", "html", "ofd")


def documents(corpus=None, corpus_max=1_000_000):
    """Small documents: the test-docs TXT, HTML, DOCX and OFD files (1-4 KB); large: its PDFs (24-44 KB, 3+ pages),
    plus, from `corpus`, real documents up to `corpus_max` bytes (scanned ones, which need OCR, are left out: a
    handful of OCR pages would take the whole machine)."""
    small, large = [], []
    for name in sorted(os.listdir(ftbench.TEST_DOCS)):
        ext = name.rsplit(".", 1)[-1].lower()
        if ext not in DOC_TYPES or ext == "doc":
            continue
        data = open(os.path.join(ftbench.TEST_DOCS, name), "rb").read()
        (large if ext == "pdf" else small).append((name, data))
    if corpus:
        for name in sorted(os.listdir(corpus)):
            path = os.path.join(corpus, name)
            ext = name.rsplit(".", 1)[-1].lower()
            if ext in DOC_TYPES and not name.endswith(".source.txt") and os.path.getsize(path) <= corpus_max \
                    and not scanned(path):
                large.append(("corpus-" + name.split("_")[0] + "." + ext, open(path, "rb").read()))
    return small, large


def scanned(path):
    """A PDF whose text layer is (nearly) empty, by pdftotext when it is installed."""
    if not path.lower().endswith(".pdf"):
        return False
    try:
        out = subprocess.run(["pdftotext", "-l", "3", path, "-"], capture_output=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    return len(out.strip()) < 200


def create_keys(data_dir):
    """{tenant: key} plus an admin key, made with `fairtender keys create` in the server's data folder."""
    keys = {}
    for tenant, opts in TENANTS + [("ops", ["--admin"])]:
        out = subprocess.run(["java", "-jar", ftbench.ensure_jar(), "keys", "create", "--tenant", tenant,
                              "--data-dir", data_dir] + opts, capture_output=True, text=True, check=True).stdout
        keys[tenant] = out.strip()
    return keys


def audit_rows(db):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT request_id, tenant, outcome FROM audit_log").fetchall()


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the child server is stopped too
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=int, default=180, help="seconds (default 180)")
    ap.add_argument("--large-share", type=float, default=0.3, help="share of requests with a large document")
    ap.add_argument("--port", type=int, help="use a server already running on this loopback port")
    ap.add_argument("--server-args", default="", help="extra serve options, e.g. '--max-concurrent 2'")
    ap.add_argument("--corpus", help="folder of real documents to add to the large ones (e.g. ../shared/corpus)")
    ap.add_argument("--tenants", action="store_true", help="keys, three tenants with limits, 401s, and the audit check")
    ap.add_argument("--unauthorised-share", type=float, default=0.03, help="with --tenants: requests without a valid key")
    args = ap.parse_args()
    if args.tenants and args.port:
        sys.exit("--tenants starts its own server (it needs its data folder); leave out --port")
    small, large = documents(args.corpus)
    server = None
    keys = {}
    data_dir = None
    if args.port:
        port = args.port
    else:
        ftbench.ensure_jar()
        work = ftbench.work_dir("ft-load-")
        data_dir = os.path.join(work, "data")
        if args.tenants:
            keys = create_keys(data_dir)
        server = ftbench.Server(work, ["--data-dir", data_dir] + args.server_args.split())
        port = server.port
    print("%d clients for %d s against port %d; %d small and %d large documents%s" % (
        args.clients, args.duration, port, len(small), len(large),
        "; tenants " + ", ".join("%s %s" % (t, " ".join(o) or "(no limit)") for t, o in TENANTS) if keys else ""),
        flush=True)
    lock = threading.Lock()
    latencies = collections.defaultdict(list)
    statuses = collections.Counter()
    codes = collections.Counter()
    by_size = collections.defaultdict(list)
    by_tenant = collections.defaultdict(collections.Counter)
    checked = {}  # request id -> tenant, for answers after which the checker ran
    health = []
    rss = []
    stop_at = time.monotonic() + args.duration

    def client(n):
        rng = random.Random(n)
        tenant = TENANTS[n % len(TENANTS)][0] if keys else None
        while time.monotonic() < stop_at:
            kind = "large" if rng.random() < args.large_share else "small"
            name, data = rng.choice(large if kind == "large" else small)
            rid = "load-%d-%s" % (n, uuid.uuid4().hex[:12])
            headers = {"X-Request-Id": rid}
            as_tenant = tenant
            if keys:
                if rng.random() < args.unauthorised_share:
                    as_tenant = "(none)"
                    if rng.random() < 0.5:
                        headers["Authorization"] = "Bearer ft_wrong" + uuid.uuid4().hex
                else:
                    headers["Authorization"] = "Bearer " + keys[tenant]
            body, ctype = ftbench.multipart(name, data)
            r = ftbench.post(port, "/v1/check", body, ctype, timeout=300, headers=headers)
            with lock:
                statuses[r.status] += 1
                codes[r.code or ("report" if r.status == 200 else r.error or str(r.status))] += 1
                latencies[r.status].append(r.seconds)
                by_tenant[as_tenant][r.status] += 1
                if r.status == 200:
                    by_size[kind].append(r.seconds)
                if r.status == 200 or r.code in CHECKER_CODES:
                    checked[rid] = as_tenant
            if r.status in (429, 503):
                time.sleep(min(1.0, float(r.retry_after or 1)))

    def poller():
        t_start = time.monotonic()
        while time.monotonic() < stop_at:
            status, took = ftbench.health(port, 1.0)
            health.append((status, took))
            if server and (not rss or time.monotonic() - rss[-1][0] - t_start >= 15):
                rss.append((time.monotonic() - t_start, current_rss_mb(server)))
            time.sleep(max(0.0, 1.0 - took))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)] + [threading.Thread(target=poller)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - t0
    peak = server.peak_rss_mb() if server else -1
    if server:
        server.stop()  # SIGTERM: a normal shutdown, which must flush the audit log
    every = [s for v in latencies.values() for s in v]
    ok = latencies.get(200, [])

    def pct(v):
        return "p50 %.2f s  p95 %.2f s  p99 %.2f s  max %.2f s  (n=%d)" % (
            ftbench.percentile(v, 50), ftbench.percentile(v, 95), ftbench.percentile(v, 99), max(v) if v else float("nan"),
            len(v))

    print("requests: %d in %.0f s (%.1f/s); by status: %s" % (len(every), wall, len(every) / wall,
                                                         " ".join("%s:%d" % kv for kv in sorted(statuses.items()))))
    print("by kind: " + " ".join("%s:%d" % kv for kv in sorted(codes.items())))
    print("401: %d  429: %d  503: %d" % (statuses[401], statuses[429], statuses[503]))
    for t in sorted(by_tenant):
        print("  tenant %-7s %s" % (t, " ".join("%s:%d" % kv for kv in sorted(by_tenant[t].items()))))
    print("complete reports (200): " + pct(ok))
    print("  small documents:      " + pct(by_size["small"]))
    print("  large documents:      " + pct(by_size["large"]))
    print("all answers:            " + pct(every))
    for s in (401, 429, 503):
        if latencies.get(s):
            print("%d answers:            " % s + pct(latencies[s]))
    missed = [h for h in health if h[0] != 200 or h[1] > 1.0]
    print("/health: %d polls, %d not answered 200 within 1 s, slowest %.3f s" % (
        len(health), len(missed), max((h[1] for h in health), default=float("nan"))))
    if server:
        print("server RSS over time (s: MiB): " + " ".join("%d:%d" % (t, m) for t, m in rss) + "; peak %d MiB" % peak)
    lost = extra = 0
    if data_dir and os.path.exists(os.path.join(data_dir, "fairtender.db")):
        rows = audit_rows(os.path.join(data_dir, "fairtender.db"))
        ids = {r[0]: r[1] for r in rows if r[0] and r[0].startswith("load-")}
        lost = len([i for i in checked if i not in ids])
        extra = len([i for i in ids if i not in checked])
        wrong_tenant = len([i for i, t in checked.items() if i in ids and keys and ids[i] != t])
        print("audit log: %d rows for %d checks the server ran (of %d requests); missing %d, extra %d, wrong tenant %d"
              % (len(ids), len(checked), len(every), lost, extra, wrong_tenant))
        lost += wrong_tenant
    bad = sum(v for k, v in statuses.items() if k == -1 or (k >= 500 and k != 503))
    sys.exit(1 if bad or missed or lost or extra else 0)


def current_rss_mb(server):
    try:
        with open("/proc/%d/status" % server.proc.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return -1


if __name__ == "__main__":
    main()
