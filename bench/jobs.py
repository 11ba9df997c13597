#!/usr/bin/env python3
"""Bounded load test of asynchronous jobs with webhooks on loopback: N clients (default 20) each submit a document to
POST /v1/jobs with a callback URL pointing at a local receiver, wait for its callback, then submit the next, for a fixed
time (default 60 s); then outstanding callbacks are awaited (--drain seconds). Documents: a mix of test-docs and, when
present, PDF/DOCX/DOC files of /work/shared/corpus (read only, never copied). The receiver checks every callback's
HMAC-SHA256 signature against the secret given to the server, and answers the first callback of a share of the jobs
(--fail-first) with 500 so that retries are exercised. Prints jobs submitted/refused/done/failed, callbacks
received, duplicates and bad signatures (both must be 0), callbacks missing, and p50/p95/p99 of submit->callback.
Exits 1 on a duplicate, a bad signature, a missing callback or a 5xx other than 503. Python 3 standard library only."""
import argparse
import collections
import hashlib
import hmac
import http.client
import http.server
import json
import os
import random
import secrets
import signal
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ftbench  # noqa: E402

CORPUS = "/work/shared/corpus"


def documents(corpus_max):
    docs = []
    for name in sorted(os.listdir(ftbench.TEST_DOCS)):
        if name.rsplit(".", 1)[-1].lower() in ("pdf", "docx", "txt", "html", "ofd"):
            docs.append(("test-docs/" + name, open(os.path.join(ftbench.TEST_DOCS, name), "rb").read()))
    corpus = []
    if os.path.isdir(CORPUS):
        for name in sorted(os.listdir(CORPUS)):
            path = os.path.join(CORPUS, name)
            if name.rsplit(".", 1)[-1].lower() in ("pdf", "docx", "doc") and os.path.getsize(path) <= corpus_max:
                corpus.append(("corpus/" + name, open(path, "rb").read()))
    return docs, corpus


class Receiver:
    """Takes callbacks on a free loopback port; records arrival per job, duplicates and bad signatures."""

    def __init__(self, secret, fail_first=0.0):
        self.secret = secret.encode()
        self.fail_first = fail_first
        self.refused = set()         # jobs whose first delivery was answered 500 on purpose
        self.retried = 0
        self.lock = threading.Lock()
        self.arrived = {}            # job id -> (monotonic time, event)
        self.events = {}             # job id -> threading.Event
        self.received = 0
        self.duplicates = 0
        self.bad_signatures = 0
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                want = "sha256=" + hmac.new(outer.secret, body, hashlib.sha256).hexdigest()
                job = self.headers.get("X-FairTender-Job", "")
                status = 204
                with outer.lock:
                    outer.received += 1
                    first = job not in outer.refused and job not in outer.arrived
                    if first and int(hashlib.sha256(job.encode()).hexdigest()[:8], 16) / 0xffffffff < outer.fail_first:
                        outer.refused.add(job)  # answer 500 once: the server must retry, and deliver only once
                        status = 500
                    elif job in outer.refused and job not in outer.arrived:
                        outer.retried += 1
                    if status == 500:
                        pass
                    elif not hmac.compare_digest(want, self.headers.get("X-FairTender-Signature", "")):
                        outer.bad_signatures += 1
                    elif job in outer.arrived:
                        outer.duplicates += 1
                    else:
                        outer.arrived[job] = (time.monotonic(), self.headers.get("X-FairTender-Event", ""))
                    ev = outer.events.setdefault(job, threading.Event())
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()
                if status == 204:
                    ev.set()

            def log_message(self, *a):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def event(self, job):
        with self.lock:
            return self.events.setdefault(job, threading.Event())


def submit(port, name, data, callback):
    body, ctype = ftbench.multipart(os.path.basename(name), data)
    t0 = time.monotonic()
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        c.request("POST", "/v1/jobs?callback=" + urllib.parse.quote(callback, safe=""), body=body,
                  headers={"Content-Type": ctype, "Connection": "close"})
        r = c.getresponse()
        payload = r.read()
        c.close()
        job = json.loads(payload).get("id") if r.status == 202 else None
        return r.status, job, t0, r.getheader("Retry-After")
    except (OSError, http.client.HTTPException, ValueError):
        return -1, None, t0, None


def get_state(port, job):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", "/v1/jobs/" + job)
    r = c.getresponse()
    doc = json.loads(r.read())
    c.close()
    return doc.get("state"), (doc.get("callback") or {}).get("state")


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--duration", type=int, default=60, help="seconds of submitting (default 60)")
    ap.add_argument("--drain", type=int, default=300, help="seconds to wait for outstanding callbacks (default 300)")
    ap.add_argument("--corpus-share", type=float, default=0.3, help="share of submissions from the corpus")
    ap.add_argument("--corpus-max-bytes", type=int, default=3_000_000)
    ap.add_argument("--fail-first", type=float, default=0.2,
                    help="share of jobs whose first callback the receiver answers 500 (default 0.2)")
    ap.add_argument("--server-args", default="--max-concurrent 2 --job-queue 32",
                    help="extra serve options (default: '%(default)s')")
    args = ap.parse_args()
    docs, corpus = documents(args.corpus_max_bytes)
    secret = secrets.token_hex(16)
    receiver = Receiver(secret, args.fail_first)
    callback = "http://127.0.0.1:%d/hook" % receiver.port
    ftbench.ensure_jar()
    server = ftbench.Server(ftbench.work_dir("ft-jobs-"), args.server_args.split() + ["--webhook-secret", secret])
    port = server.port
    print("%d clients for %d s against port %d; %d test-docs, %d corpus documents; callbacks to %s"
          % (args.clients, args.duration, port, len(docs), len(corpus), callback), flush=True)
    lock = threading.Lock()
    statuses = collections.Counter()
    submitted = {}                   # job id -> (submit time, document)
    stop_at = time.monotonic() + args.duration

    def client(n):
        rng = random.Random(n)
        while time.monotonic() < stop_at:
            pool = corpus if corpus and rng.random() < args.corpus_share else docs
            name, data = rng.choice(pool)
            status, job, t0, retry = submit(port, name, data, callback)
            with lock:
                statuses[status] += 1
                if job:
                    submitted[job] = (t0, name)
            if status == 503:
                time.sleep(float(retry or 1))
                continue
            if job:
                receiver.event(job).wait(max(1.0, stop_at + args.drain - time.monotonic()))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - t0
    time.sleep(2)  # a late duplicate would show up here
    states = collections.Counter()
    for job in list(submitted)[:2000]:
        try:
            states[get_state(port, job)] += 1
        except (OSError, http.client.HTTPException, ValueError):
            states[("unreachable", None)] += 1
    rss = server.peak_rss_mb()
    server.stop()
    with receiver.lock:
        arrived = dict(receiver.arrived)
        received, dups, bad = receiver.received, receiver.duplicates, receiver.bad_signatures
        refused, retried = len(receiver.refused), receiver.retried
    lat = [arrived[j][0] - submitted[j][0] for j in submitted if j in arrived]
    events = collections.Counter(arrived[j][1] for j in submitted if j in arrived)
    missing = [j for j in submitted if j not in arrived]
    by_source = collections.defaultdict(list)
    for j in submitted:
        if j in arrived:
            by_source[submitted[j][1].split("/")[0]].append(arrived[j][0] - submitted[j][0])

    def pct(v):
        return "p50 %.2f s  p95 %.2f s  p99 %.2f s  max %.2f s (n=%d)" % (
            ftbench.percentile(v, 50), ftbench.percentile(v, 95), ftbench.percentile(v, 99),
            max(v) if v else float("nan"), len(v))

    print("submissions: %d in %.0f s; by status: %s" % (sum(statuses.values()), wall,
                                                      " ".join("%s:%d" % kv for kv in sorted(statuses.items()))))
    print("jobs accepted (202): %d; done: %d; failed: %d (from the callbacks' X-FairTender-Event)"
          % (len(submitted), events.get("job.done", 0), events.get("job.failed", 0)))
    print("job states at the end (state, callback): %s" % dict(states))
    print("callbacks received: %d (%d answered 500 on purpose, %d of those retried and delivered); "
          "duplicates: %d; bad signatures: %d; missing: %d" % (received, refused, retried, dups, bad, len(missing)))
    print("submit -> callback: " + pct(lat))
    for src, v in sorted(by_source.items()):
        print("  %-10s " % src + pct(v))
    print("server peak RSS: %d MiB" % rss)
    bad5xx = sum(v for k, v in statuses.items() if k == -1 or (k >= 500 and k != 503))
    sys.exit(1 if dups or bad or missing or bad5xx else 0)


if __name__ == "__main__":
    main()
