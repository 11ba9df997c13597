"""The performance anchors of the README from one run, on this machine, through the launcher as users run it:

  1. pages/s of pdftotext, raw PDFBox, raw Tika and the full check (`./fairtender bench --repeat 3 DIR...`, its own
     lines: the ratio is the median of three measurements), then the Word files against raw Tika
     (`./fairtender bench --word --repeat 3 DIR...`);
  2. OCR seconds per page with 1 and with 2 workers (`check --ocr-workers N` on a PDF without a text layer, minus the
     start-up of a check, divided by its pages);
  3. start-up: a one-shot `check` of a small UTF-8 text and of a 1-page PDF, and `serve` from launch to the first
     /health 200.

Usage: python3 bench/anchors.py [--rounds 3] [--scanned FILE.pdf] [DIR...]
(default DIRs: test-docs and ../shared/corpus when present; default scanned PDF: the corpus file 02, whose pages have
no usable text layer). Python 3 standard library only; loopback only; every child process is stopped at the end.
"""
import argparse
import glob
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ftbench  # noqa: E402

ROOT = ftbench.ROOT
LAUNCHER = os.path.join(ROOT, "fairtender")


def run(args, **kw):
    """Seconds a launcher command takes, and its completed process."""
    t0 = time.monotonic()
    p = subprocess.run([LAUNCHER] + args, cwd=ROOT, capture_output=True, text=True, **kw)
    return time.monotonic() - t0, p


def small_text(work):
    """A small UTF-8 copy of a written fixture (the GB18030 original would go through Tika's charset detection)."""
    src = os.path.join(ROOT, "test-docs", "01-goods-open-tender.txt")
    dst = os.path.join(work, "small.txt")
    with open(src, "rb") as f:
        text = f.read().decode("gb18030")
    with open(dst, "w", encoding="utf-8") as f:
        f.write(text)
    return dst


def one_page_pdf():
    for p in sorted(glob.glob(os.path.join(ROOT, "test-docs", "*.pdf"))):
        if pdf_pages(p) == 1:
            return p
    return sorted(glob.glob(os.path.join(ROOT, "test-docs", "*.pdf")))[0]


def pdf_pages(path):
    try:
        out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        m = re.search(r"^Pages:\s+(\d+)", out, re.M)
        return int(m.group(1)) if m else None
    except OSError:
        return None


def serve_ready_seconds(work):
    """Seconds from launching `./fairtender serve --port 0` to its first /health 200."""
    t0 = time.monotonic()
    proc = subprocess.Popen([LAUNCHER, "serve", "--port", "0"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace",
                            env=dict(os.environ, JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=" + work))
    port = []
    found = threading.Event()

    def pump():
        for line in proc.stderr:
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
            if m and not port:
                port.append(int(m.group(1)))
                found.set()
        found.set()

    threading.Thread(target=pump, daemon=True).start()
    try:
        if not found.wait(120) or not port:
            return None
        while time.monotonic() - t0 < 120:
            if ftbench.health(port[0], timeout=0.5)[0] == 200:
                return time.monotonic() - t0
            time.sleep(0.02)
        return None
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


def fmt(values):
    if not values:
        return "n/a"
    return "%.2f s (median of %d: %s)" % (statistics.median(values), len(values), ", ".join("%.2f" % v for v in values))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*")
    ap.add_argument("--rounds", type=int, default=3, help="runs of each start-up and OCR timing (median shown)")
    ap.add_argument("--scanned", help="a PDF whose pages need OCR")
    a = ap.parse_args()
    shared = os.path.join(ROOT, "..", "shared", "corpus")
    dirs = a.dirs or [os.path.join(ROOT, "test-docs")] + ([shared] if os.path.isdir(shared) else [])
    scanned = a.scanned or next(iter(sorted(glob.glob(os.path.join(shared, "02_*.pdf")))), None)
    work = tempfile.mkdtemp(prefix="ft-anchors-")

    # warm the launcher once (it builds the jar and the class-data archive on its first run after a build)
    run(["--version"])

    for mode in ([], ["--word"]):
        args = ["bench"] + mode + ["--repeat", "3"] + dirs
        print("== 1%s. %s (./fairtender %s)" % ("b" if mode else "", "Word files against raw Tika" if mode else
              "extraction anchors and the full check", " ".join(args)), flush=True)
        t, p = run(args)
        print(p.stdout.strip())
        if p.returncode != 0:
            print(p.stderr.strip())
        print()

    print("== 3. start-up (%d runs each)" % a.rounds, flush=True)
    text = small_text(work)
    pdf = one_page_pdf()
    text_s = [run(["check", "--format", "json", text])[0] for _ in range(a.rounds)]
    pdf_s = [run(["check", "--format", "json", pdf])[0] for _ in range(a.rounds)]
    serve_s = [s for s in (serve_ready_seconds(work) for _ in range(a.rounds)) if s is not None]
    print("check of a small UTF-8 text (%d bytes): %s" % (os.path.getsize(text), fmt(text_s)))
    print("check of a 1-page PDF (%s): %s" % (os.path.basename(pdf), fmt(pdf_s)))
    print("serve, launch to first /health 200: %s" % fmt(serve_s))

    print("\n== 2. OCR seconds per page", flush=True)
    if not scanned or not os.path.exists(scanned):
        print("no scanned PDF (pass --scanned FILE.pdf, or put ../shared beside the project)")
    else:
        startup = statistics.median(pdf_s)
        for workers in (1, 2):
            per_page = []
            pages = None
            for _ in range(a.rounds):
                t, p = run(["check", "--format", "json", "--ocr-workers", str(workers), scanned])
                try:
                    doc = json.loads(p.stdout)["document"]
                    pages = len(doc.get("ocrPages", [])) or doc["pages"]
                except (ValueError, KeyError):
                    print("check failed: " + p.stderr.strip()[:300])
                    break
                per_page.append((t - startup) / pages)
            print("%d worker%s: %s per page over %s OCR pages of %s (wall time minus the 1-page PDF start-up)"
                  % (workers, "" if workers == 1 else "s", fmt(per_page).replace(" s (", " s/page ("), pages,
                     os.path.basename(scanned)))
    print("\ncores: %d; load average before the run ends: %s" % (os.cpu_count(), " ".join(
        "%.2f" % x for x in os.getloadavg())))


if __name__ == "__main__":
    main()
