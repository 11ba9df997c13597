#!/usr/bin/env python3
"""Mutation fuzzing of a real FairTender server: byte flips, truncations, splices, duplicated and zeroed ranges over
seed documents of every input format (test-docs/ plus a generated ZIP package and JSON export), posted to a server
started as a child process with a private temp folder. Counts 500s, hangs past the time limit, files left behind,
/health failures and the server's peak RSS; keeps each failing mutant under --out for replay. Exits 1 on any
500, hang or leftover file. Python 3 standard library only. See bench/README.md."""
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
import gen  # noqa: E402

FORMATS = ("pdf", "docx", "html", "txt", "ofd", "zip", "json")


def seeds():
    by_format = collections.defaultdict(list)
    for name in sorted(os.listdir(ftbench.TEST_DOCS)):
        ext = name.rsplit(".", 1)[-1].lower()
        if ext in FORMATS:
            by_format[ext].append((name, open(os.path.join(ftbench.TEST_DOCS, name), "rb").read()))
    txt = [d for _, d in by_format["txt"]][:3]
    by_format["zip"].append(("package.zip", gen.zip_of([("a.txt", txt[0]), ("b/c.pdf", by_format["pdf"][0][1])])))
    by_format["json"].append(("export.json", ('{"announcements":[{"title":"采购公告","content":"%s"}]}'
                                              % gen.TENDER.replace("\n", "\\n")).encode("utf-8")))
    return by_format


def mutate(rng, data, others):
    data = bytearray(data)
    kind = rng.choice(["flip", "flip", "truncate", "splice", "duplicate", "zero", "insert"])
    n = len(data)
    if n == 0:
        return "insert", bytes(rng.randbytes(16))
    if kind == "flip":
        for _ in range(rng.randint(1, max(1, n // 500))):
            i = rng.randrange(n)
            data[i] ^= 1 << rng.randrange(8)
    elif kind == "truncate":
        data = data[: rng.randrange(n)]
    elif kind == "splice":
        other = rng.choice(others)
        cut, cut2 = rng.randrange(n), rng.randrange(len(other))
        data = data[:cut] + other[cut2:]
    elif kind == "duplicate":
        a = rng.randrange(n)
        b = min(n, a + rng.randint(1, 4096))
        data = data[:b] + data[a:b] * rng.randint(2, 50) + data[b:]
    elif kind == "zero":
        a = rng.randrange(n)
        data[a:a + rng.randint(1, 2048)] = bytes(min(n - a, 2048))
    else:
        a = rng.randrange(n)
        data = data[:a] + rng.randbytes(rng.randint(1, 256)) + data[a:]
    return kind, bytes(data)


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the child server is stopped too
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--count", type=int, default=1000, help="mutants to post (default 1000)")
    ap.add_argument("--seed", type=int, default=13, help="random seed (default 13); a run is reproducible")
    ap.add_argument("--clients", type=int, default=2, help="concurrent posts (default 2)")
    ap.add_argument("--time-limit", type=int, default=30, help="server --time-limit, seconds (default 30)")
    ap.add_argument("--out", default=os.path.join(ftbench.ROOT, "bench-out", "fuzz"), help="where failing mutants are kept")
    args = ap.parse_args()
    ftbench.ensure_jar()
    rng = random.Random(args.seed)
    by_format = seeds()
    all_seeds = [d for docs in by_format.values() for _, d in docs]
    mutants = []
    for i in range(args.count):
        fmt = FORMATS[i % len(FORMATS)]
        name, data = rng.choice(by_format[fmt])
        kind, m = mutate(rng, data, all_seeds)
        mutants.append((i, fmt, kind, name, m))
    work = ftbench.work_dir("ft-fuzz-")
    server = ftbench.Server(work, ["--max-concurrent", str(args.clients), "--time-limit", str(args.time_limit)])
    print("fuzzing %d mutants (seed %d) against pid %d port %d, temp folder %s"
          % (args.count, args.seed, server.proc.pid, server.port, server.tmp))
    statuses = collections.Counter()
    codes = collections.Counter()
    by_kind = collections.defaultdict(collections.Counter)
    failures = []
    lock = threading.Lock()
    queue = list(reversed(mutants))
    health_misses = [0]
    t_start = time.monotonic()
    slowest = [0.0, None]

    def worker():
        while True:
            with lock:
                if not queue:
                    return
                i, fmt, kind, name, data = queue.pop()
            r = ftbench.post_file(server.port, "m%04d.%s" % (i, fmt), data, timeout=args.time_limit + 30)
            hang = r.status == -1 or r.seconds > args.time_limit + 10
            with lock:
                statuses[r.status] += 1
                codes[r.code] += 1
                by_kind[fmt][r.status] += 1
                if r.seconds > slowest[0]:
                    slowest[0], slowest[1] = r.seconds, "m%04d.%s" % (i, fmt)
                if r.status >= 500 and r.status != 503 or hang:
                    failures.append((i, fmt, kind, name, r.status, r.code, round(r.seconds, 1)))
                    os.makedirs(args.out, exist_ok=True)
                    with open(os.path.join(args.out, "m%04d-%s-%s.%s" % (i, kind, r.status, fmt)), "wb") as f:
                        f.write(data)
                done = sum(statuses.values())
            if done % 100 == 0:
                if ftbench.health(server.port, 1.0)[0] != 200:
                    health_misses[0] += 1
                print("  %d/%d posted, %s" % (done, args.count, dict(statuses)), flush=True)

    threads = [threading.Thread(target=worker) for _ in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    time.sleep(1)
    left = server.files_left()
    rss = server.peak_rss_mb()
    alive = server.alive()
    server.stop()
    print("mutants: %d in %.0f s; statuses: %s" % (args.count, time.monotonic() - t_start,
                                                  " ".join("%s:%d" % kv for kv in sorted(statuses.items()))))
    print("codes: " + " ".join("%s:%d" % kv for kv in codes.most_common()))
    for fmt in FORMATS:
        print("  %-5s %s" % (fmt, " ".join("%s:%d" % kv for kv in sorted(by_kind[fmt].items()))))
    n500 = sum(v for k, v in statuses.items() if k >= 500 and k != 503)
    hangs = sum(1 for f in failures if f[4] == -1 or f[6] > args.time_limit + 10)
    print("500s: %d, hangs past the limit: %d, files left: %d, /health misses: %d, server alive: %s, peak RSS: %d MiB, "
          "slowest: %.1f s (%s)" % (n500, hangs, len(left), health_misses[0], alive, rss, slowest[0], slowest[1]))
    for f in failures[:20]:
        print("  failing mutant %04d %s (%s of %s): status %s code %s in %s s" % f)
    if left:
        tops = sorted({p.split("/")[3] for p in left if p.count("/") >= 3})
        print("  left: %d paths under %d top-level temp entries, e.g. %s" % (len(left), len(tops), ", ".join(tops[:5])))
    sys.exit(1 if n500 or hangs or left or not alive else 0)


if __name__ == "__main__":
    main()
