#!/usr/bin/env python3
"""Hostile-input suite: starts a real FairTender server (child process, private temp folder), sends it a catalogue
of generated hostile inputs and requests (plus the files in ../shared/hostile when present) and prints one row per
input: HTTP status, problem code, time, the server's peak RSS during the row, files left behind, /health after.
Exits 1 if any row is not clean. Python 3 standard library only. See bench/README.md."""
import argparse
import glob
import os
import signal
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ftbench  # noqa: E402
import gen  # noqa: E402

SERVER_ARGS = ["--max-concurrent", "2", "--max-queue", "2", "--queue-wait", "10", "--time-limit", "30",
               "--idle-timeout", "5", "--body-timeout", "30", "--max-bytes", "60000000"]
TIME_LIMIT = 30
# rows whose text holds violations: a report without findings means the text was misread
NEEDS_FINDINGS = ("utf-16le text, no BOM", "shared: text-utf16le-nobom.txt")
# rows whose refusal must name the right cause
EXPECT_CODE = {"encrypted pdf": "ENCRYPTED", "encrypted zip": "ENCRYPTED"}
# where zip-slip entries (ours and those of ../shared/hostile) would land if they escaped
ESCAPE_GLOB = "/tmp/fairtender-zipslip*"


def raw(port, head, body=b"", stall=False, read_timeout=60):
    """Sends a hand-written request; returns (status, code, seconds). With stall, the socket is returned unread."""
    t0 = time.monotonic()
    s = socket.create_connection(("127.0.0.1", port), timeout=read_timeout)
    s.sendall(head.encode("utf-8") + b"\r\n\r\n" + body)
    if stall:
        return s
    return read_reply(s, t0)


def read_reply(s, t0):
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
            end = data.find(b"\r\n\r\n")
            if end >= 0:
                head = data[:end].decode("latin-1").lower()
                for line in head.split("\r\n"):
                    if line.startswith("content-length:") and len(data) >= end + 4 + int(line[15:].strip()):
                        raise StopIteration
    except StopIteration:
        pass
    except OSError:
        if not data:
            return -1, None, time.monotonic() - t0
    finally:
        s.close()
    status = int(data[9:12]) if len(data) >= 12 else -1
    code = None
    body = data[data.find(b"\r\n\r\n") + 4:] if b"\r\n\r\n" in data else b""
    if b'"code"' in body:
        import json
        try:
            code = json.loads(body).get("code")
        except ValueError:
            code = "UNPARSABLE_JSON"
    return status, code, time.monotonic() - t0


def host(port):
    return "Host: 127.0.0.1:%d\r\nConnection: close" % port


# ---- rows that are documents -------------------------------------------------------------------------------

def document_rows(extra_dir):
    yield "ofd zip-slip ../../", "evil-dotdot.ofd", lambda: gen.ofd_zipslip("../../fairtender-zipslip-escaped.txt")
    yield "ofd zip-slip absolute", "evil-abs.ofd", lambda: gen.ofd_zipslip("/tmp/fairtender-zipslip-abs-%d.txt" % os.getpid())
    yield "zip bomb 2 GiB", "bomb.zip", lambda: gen.zip_bomb(2)
    yield "nested zip", "nested.zip", lambda: gen.zip_of([("inner.zip", gen.zip_of([("inner2.zip", gen.zip_of([("t.txt", gen.TENDER.encode())]))]))])
    yield "docx billion laughs", "bomb.docx", gen.docx_xml_bomb
    yield "docx XXE", "xxe.docx", gen.docx_xxe
    yield "docx inflating to 1 GiB", "inflate.docx", lambda: gen.docx_inflating(1)
    yield "docx 1.5M paragraphs", "paras.docx", lambda: gen.docx_paragraphs(["甲"] * 1_500_000)
    yield "encrypted pdf", "locked.pdf", gen.encrypted_pdf
    yield "encrypted zip", "locked.zip", gen.encrypted_zip
    yield "truncated pdf", "half.pdf", lambda: truncated("01-goods-open-tender.pdf")
    yield "truncated docx", "half.docx", lambda: truncated("01-goods-open-tender.docx")
    yield "truncated ofd", "half.ofd", lambda: truncated("03-announcement.ofd")
    yield "10,000-page pdf", "10k.pdf", lambda: gen.text_pdf(10_000)
    yield "2,900 blank pages", "blank.pdf", lambda: gen.blank_pages_pdf(2900)
    yield "30000x30000 image pdf", "image.pdf", gen.huge_image_pdf
    yield "page-tree loop", "loop.pdf", gen.page_tree_loop
    yield "page tree 50,000 deep", "deep.pdf", gen.deep_page_tree
    yield "utf-16le text, no BOM", "utf16.txt", lambda: gen.TENDER.encode("utf-16-le") * 20
    yield "16 MB of short lines", "lines.txt", lambda: ("甲\n" * (16 * 1024 * 1024 // 4)).encode("utf-8")
    yield "50,000 violations", "many.txt", lambda: ("投标人注册资本不低于1000万元。\n" * 50_000).encode("utf-8")
    yield "empty file", "empty.pdf", lambda: b""
    yield "binary garbage as pdf", "garbage.pdf", lambda: os.urandom(200_000)
    if extra_dir and os.path.isdir(extra_dir):
        for name in sorted(os.listdir(extra_dir)):
            p = os.path.join(extra_dir, name)
            if os.path.isfile(p) and not name.lower().endswith(".md"):
                yield "shared: " + name, name, (lambda p=p: open(p, "rb").read())


def truncated(name):
    data = open(os.path.join(ftbench.TEST_DOCS, name), "rb").read()
    return data[: len(data) // 2]


# ---- rows that are requests --------------------------------------------------------------------------------

def request_rows():
    yield "Content-Length 3e9", lambda port: raw(port, "POST /v1/check HTTP/1.1\r\n%s\r\nContent-Type: text/plain\r\nContent-Length: 3000000000" % host(port), b"abc")
    yield "bad Content-Type", lambda port: raw(port, "POST /v1/check HTTP/1.1\r\n%s\r\nContent-Type: a b/c d;;\r\nContent-Length: 3" % host(port), b"abc")
    yield "URL of 40 KB", lambda port: raw(port, "GET /v1/rules?x=%s HTTP/1.1\r\n%s" % ("a" * 40_000, host(port)))
    yield "foreign Host header", lambda port: raw(port, "GET /v1/rules HTTP/1.1\r\nHost: rebind.attacker.example\r\nConnection: close")
    yield "quote in file name (2 MB)", quote_in_name
    yield "slow clients x4 (+health)", slow_clients
    yield "idle connections x200 (+health)", idle_connections
    yield "12 x 20 MB uploads at once", parallel_uploads


def quote_in_name(port):
    body = ('--B\r\nContent-Disposition: form-data; name="file"; filename="a"b.txt"\r\nContent-Type: text/plain\r\n\r\n'
            .encode() + gen.TENDER.encode() * 20000 + b"\r\n--B--\r\n")
    return raw(port, "POST /v1/check HTTP/1.1\r\n%s\r\nContent-Type: multipart/form-data; boundary=B\r\nContent-Length: %d"
               % (host(port), len(body)), body)


def health_during(port, seconds):
    """Polls /health once a second for `seconds`; returns the number of polls not answered 200 within 1 s."""
    misses = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        status, took = ftbench.health(port, 1.0)
        if status != 200 or took > 1.0:
            misses += 1
        time.sleep(max(0.0, 1.0 - took))
    return misses


def slow_clients(port):
    t0 = time.monotonic()
    socks = [raw(port, "POST /v1/check?name=a.txt HTTP/1.1\r\n%s\r\nContent-Type: text/plain\r\nContent-Length: 1000000" % host(port),
                 "一、资格要求".encode(), stall=True) for _ in range(4)]
    misses = health_during(port, 5)
    replies = [read_reply(s, t0) for s in socks]
    statuses = sorted({r[0] for r in replies})
    codes = sorted({str(r[1]) for r in replies})
    status = statuses[0] if len(statuses) == 1 else -2
    return status if misses == 0 else -3, ",".join(codes) + ("" if misses == 0 else " health misses %d" % misses), time.monotonic() - t0


def idle_connections(port):
    t0 = time.monotonic()
    socks = []
    for _ in range(200):
        socks.append(socket.create_connection(("127.0.0.1", port), timeout=5))
    misses = health_during(port, 4)
    for s in socks:
        s.close()
    return (200 if misses == 0 else -3), ("HEALTH_OK" if misses == 0 else "health misses %d" % misses), time.monotonic() - t0


def parallel_uploads(port):
    t0 = time.monotonic()
    data = os.urandom(20_000_000)  # refused fast as CORRUPT: this row measures admission, not the engine
    results = []

    def one(i):
        results.append(ftbench.post_file(port, "big%d.txt" % i, data, timeout=TIME_LIMIT + 60))

    threads = [threading.Thread(target=one, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    counts = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    bad = any(r.status in (-1, 500) for r in results) or 503 not in counts
    summary = " ".join("%s:%d" % (k, v) for k, v in sorted(counts.items()))
    return (-4 if bad else 503), summary, time.monotonic() - t0


# ---- the suite ---------------------------------------------------------------------------------------------

def escaped_files(since):
    """Files under ESCAPE_GLOB written at or after `since` (an earlier run may have left the same name)."""
    found = set()
    for top in glob.glob(ESCAPE_GLOB):
        paths = [top] if os.path.isfile(top) else [os.path.join(d, f) for d, _, fs in os.walk(top) for f in fs]
        found.update(p for p in paths if os.path.getmtime(p) >= since)
    return found


def clean(status, code, seconds, left, healthy, rss, rss_bound):
    why = []
    if status == 200:
        if code not in ("report", "HEALTH_OK"):
            why.append("200 without a report")
    elif not (400 <= status < 500 or status == 503) or not code:
        why.append("status %s" % status)
    if seconds > TIME_LIMIT + 15:
        why.append("slow")
    if left:
        why.append("files left")
    if not healthy:
        why.append("unhealthy")
    if rss > rss_bound:
        why.append("rss")
    return why


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the child server is stopped too
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--extra-dir", default=os.path.join(ftbench.ROOT, "..", "shared", "hostile"),
                    help="also post every file of this folder (default ../shared/hostile)")
    ap.add_argument("--rss-mb", type=int, default=2048, help="peak RSS bound per row, MiB (server runs with -Xmx1g)")
    ap.add_argument("--only", help="run only rows whose name contains this text")
    ap.add_argument("--rebuild", action="store_true", help="rebuild the jar first")
    args = ap.parse_args()
    ftbench.ensure_jar(args.rebuild)
    work = ftbench.work_dir("ft-hostile-")
    server = ftbench.Server(work, SERVER_ARGS)
    print("server pid %d port %d, temp folder %s, rss bound %d MiB" % (server.proc.pid, server.port, server.tmp, args.rss_mb))
    print("%-34s %6s %-22s %8s %8s %6s %7s  %s" % ("input", "status", "code", "time s", "rss MiB", "files", "health", "verdict"))
    failures = 0
    reported = set()
    rows = [(n, ("doc", f, g)) for n, f, g in document_rows(args.extra_dir)] + [(n, ("req", fn)) for n, fn in request_rows()]
    for name, spec in rows:
        if args.only and args.only not in name:
            continue
        server.reset_peak()
        row_start = time.time()
        misread = False
        if spec[0] == "doc":
            data = spec[2]()
            r = ftbench.post_file(server.port, spec[1], data, timeout=TIME_LIMIT + 60)
            status, code, seconds = r.status, r.code, r.seconds
            misread = name in NEEDS_FINDINGS and r.status == 200 and not r.findings
        else:
            status, code, seconds = spec[1](server.port)
        time.sleep(0.5)
        escapes = escaped_files(row_start) - reported
        reported |= escapes
        left = server.files_left() + sorted(escapes)
        hs, _ = ftbench.health(server.port, 1.0)
        rss = server.peak_rss_mb()
        recovered = hs == 200
        for _ in range(15):
            if recovered or not server.alive():
                break
            time.sleep(1)
            recovered = ftbench.health(server.port, 1.0)[0] == 200
        why = clean(status, code, seconds, left, hs == 200, rss, args.rss_mb) + (["report without findings"] if misread else [])
        if name in EXPECT_CODE and code != EXPECT_CODE[name]:
            why.append("expected " + EXPECT_CODE[name])
        failures += 1 if why else 0
        print("%-34s %6s %-22s %8.2f %8d %6d %7s  %s" % (name[:34], status, str(code)[:22], seconds, rss, len(left),
                                                         "ok" if hs == 200 else hs, "clean" if not why else "NOT CLEAN: " + ", ".join(why)))
        if left:
            print("    left: " + ", ".join(left[:5]))
            server.clear_tmp()
            for p in left:
                full = p if os.path.isabs(p) else os.path.join(work, p)
                if os.path.isfile(full) and not full.startswith(server.tmp) and (full.startswith(work) or str(os.getpid()) in full):
                    os.remove(full)
        if not recovered:
            print("    the server %s; restarting it for the next rows" % ("died (exit %s)" % server.proc.returncode
                                                                          if not server.alive() else "stayed unhealthy"))
            server.stop()
            server = ftbench.Server(ftbench.work_dir("ft-hostile-"), SERVER_ARGS)
            work = server.work
        sys.stdout.flush()
    server.stop()
    print("%d row(s) not clean; server log: %s" % (failures, server.log_path))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
