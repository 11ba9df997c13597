#!/usr/bin/env python3
"""Bounded load test on loopback: N clients (default 50) post a mix of small and large documents from test-docs/
to a real FairTender server for a fixed time (default 180 s) while /health is polled every second. Prints latency
percentiles (p50/p95/p99) of complete reports and of all answers, counts by status (503 BUSY included), and how
/health answered; exits 1 on any 5xx other than 503, a connection failure, or a /health poll not answered 200
within 1 s. A client told 503 waits 1 s before its next request. Python 3 standard library only."""
import argparse
import collections
import os
import signal
import random
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ftbench  # noqa: E402


def documents():
    """Small documents: the test-docs TXT, HTML, DOCX and OFD files (1-4 KB); large: its PDFs (24-44 KB, 3+ pages)."""
    small, large = [], []
    for name in sorted(os.listdir(ftbench.TEST_DOCS)):
        ext = name.rsplit(".", 1)[-1].lower()
        if ext not in ("pdf", "docx", "txt", "html", "ofd"):
            continue
        data = open(os.path.join(ftbench.TEST_DOCS, name), "rb").read()
        (large if ext == "pdf" else small).append((name, data))
    return small, large


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the child server is stopped too
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=int, default=180, help="seconds (default 180)")
    ap.add_argument("--large-share", type=float, default=0.3, help="share of requests with a large document")
    ap.add_argument("--port", type=int, help="use a server already running on this loopback port")
    ap.add_argument("--server-args", default="", help="extra serve options, e.g. '--max-concurrent 2'")
    args = ap.parse_args()
    small, large = documents()
    server = None
    if args.port:
        port = args.port
    else:
        ftbench.ensure_jar()
        server = ftbench.Server(ftbench.work_dir("ft-load-"), args.server_args.split())
        port = server.port
    print("%d clients for %d s against port %d" % (args.clients, args.duration, port), flush=True)
    lock = threading.Lock()
    latencies = collections.defaultdict(list)
    statuses = collections.Counter()
    by_size = collections.defaultdict(list)
    health = []
    stop_at = time.monotonic() + args.duration

    def client(n):
        rng = random.Random(n)
        while time.monotonic() < stop_at:
            kind = "large" if rng.random() < args.large_share else "small"
            name, data = rng.choice(large if kind == "large" else small)
            r = ftbench.post_file(port, name, data, timeout=300)
            with lock:
                statuses[r.status] += 1
                latencies[r.status].append(r.seconds)
                if r.status == 200:
                    by_size[kind].append(r.seconds)
            if r.status == 503:
                time.sleep(1.0)

    def poller():
        while time.monotonic() < stop_at:
            status, took = ftbench.health(port, 1.0)
            health.append((status, took))
            time.sleep(max(0.0, 1.0 - took))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)] + [threading.Thread(target=poller)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - t0
    rss = server.peak_rss_mb() if server else -1
    if server:
        server.stop()
    every = [s for v in latencies.values() for s in v]
    ok = latencies.get(200, [])

    def pct(v):
        return "p50 %.2f s  p95 %.2f s  p99 %.2f s  max %.2f s" % (
            ftbench.percentile(v, 50), ftbench.percentile(v, 95), ftbench.percentile(v, 99), max(v) if v else float("nan"))

    print("requests: %d in %.0f s (%.1f/s); by status: %s" % (len(every), wall, len(every) / wall,
                                                         " ".join("%s:%d" % kv for kv in sorted(statuses.items()))))
    print("complete reports (200): " + pct(ok))
    print("  small documents:      " + pct(by_size["small"]))
    print("  large documents:      " + pct(by_size["large"]))
    print("all answers:            " + pct(every))
    print("503 answers:            " + pct(latencies.get(503, [])))
    missed = [h for h in health if h[0] != 200 or h[1] > 1.0]
    print("/health: %d polls, %d not answered 200 within 1 s, slowest %.3f s" % (
        len(health), len(missed), max((h[1] for h in health), default=float("nan"))))
    if server:
        print("server peak RSS: %d MiB" % rss)
    bad = sum(v for k, v in statuses.items() if k == -1 or (k >= 500 and k != 503))
    sys.exit(1 if bad or missed else 0)


if __name__ == "__main__":
    main()
