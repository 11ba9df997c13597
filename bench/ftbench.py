"""Shared helpers for the bench scripts: build the jar, run a real server as a child process with a private
temp folder, send requests (stdlib http.client, HTTP/1.1), read the server's peak RSS and list files left behind.
Python 3 standard library only."""
import atexit
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "fairtender.jar")
TEST_DOCS = os.path.join(ROOT, "test-docs")


def ensure_jar(rebuild=False):
    """Builds target/fairtender.jar with Maven (offline first) when it is missing or asked to."""
    if os.path.exists(JAR) and not rebuild:
        return JAR
    for offline in (["-o"], []):
        cmd = ["mvn", "-B", "-q"] + offline + ["package", "-DskipTests"]
        print("building the jar: " + " ".join(cmd), file=sys.stderr)
        if subprocess.call(cmd, cwd=ROOT) == 0 and os.path.exists(JAR):
            return JAR
    sys.exit("could not build " + JAR)


class Server:
    """`fairtender serve` on a free loopback port, its temp folder a private directory inside `work`."""

    def __init__(self, work, args=(), heap="1g", java="java"):
        self.work = work
        self.tmp = os.path.join(work, "a", "b", "tmp")  # nested, so a ../../ escape still lands inside `work`
        os.makedirs(self.tmp, exist_ok=True)
        self.log_path = os.path.join(work, "server.log")
        # an OutOfMemoryError ends the process (as a supervised deployment should) instead of leaving it wedged
        cmd = [java, "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError", "-Xmx" + heap, "-Djava.io.tmpdir=" + self.tmp, "-jar", ensure_jar(),
               "serve", "--port", "0"] + list(args)
        self.log = open(self.log_path, "w", encoding="utf-8", errors="replace")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                     encoding="utf-8", errors="replace")
        atexit.register(self.stop)
        self.port = None
        found = threading.Event()

        def pump():
            for line in self.proc.stderr:
                self.log.write(line)
                self.log.flush()
                m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
                if m and self.port is None:
                    self.port = int(m.group(1))
                    found.set()
            found.set()

        threading.Thread(target=pump, daemon=True).start()
        if not found.wait(180) or self.port is None:
            self.stop()
            sys.exit("the server did not start; see " + self.log_path)
        self.started = time.time()
        self.wait_ready()

    def wait_ready(self, seconds=60):
        end = time.time() + seconds
        while time.time() < end:
            if health(self.port)[0] == 200:
                return
            time.sleep(0.2)
        sys.exit("the server never became ready")

    def alive(self):
        return self.proc.poll() is None

    def peak_rss_mb(self):
        """Peak resident set size (VmHWM) since the last reset_peak(), in MiB."""
        try:
            with open("/proc/%d/status" % self.proc.pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) // 1024
        except OSError:
            pass
        return -1

    def reset_peak(self):
        """Resets VmHWM to the current RSS (Linux: write 5 to clear_refs), so each row reports its own peak."""
        try:
            with open("/proc/%d/clear_refs" % self.proc.pid, "w") as f:
                f.write("5")
        except OSError:
            pass

    def files_left(self):
        """Files anywhere under the work folder but the server log: in the temp folder or escaped from it."""
        left = []
        for d, _, files in os.walk(self.work):
            for name in files:
                p = os.path.join(d, name)
                if p != self.log_path:
                    left.append(os.path.relpath(p, self.work))
        for d, dirs, _ in os.walk(self.tmp):
            for name in dirs:
                left.append(os.path.relpath(os.path.join(d, name), self.work) + "/")
        return sorted(left)

    def clear_tmp(self):
        for name in os.listdir(self.tmp):
            p = os.path.join(self.tmp, name)
            shutil.rmtree(p, ignore_errors=True) if os.path.isdir(p) else os.remove(p)

    def stop(self):
        if self.log.closed:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def health(port, timeout=1.0):
    """(status, seconds) of GET /health; status -1 when it did not answer within `timeout`."""
    t0 = time.monotonic()
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        c.request("GET", "/health")
        r = c.getresponse()
        r.read()
        c.close()
        return r.status, time.monotonic() - t0
    except (OSError, http.client.HTTPException):
        return -1, time.monotonic() - t0


CONTENT_TYPES = {
    "pdf": "application/pdf", "txt": "text/plain", "html": "text/html", "ofd": "application/ofd",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "zip": "application/zip",
    "doc": "application/msword", "json": "application/json", "rtf": "application/rtf",
}


def multipart(name, data, ctype=None):
    boundary = "ftbench" + uuid.uuid4().hex
    ext = name.rsplit(".", 1)[-1].lower()
    ctype = ctype or CONTENT_TYPES.get(ext, "application/octet-stream")
    head = ('--%s\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\nContent-Type: %s\r\n\r\n'
            % (boundary, name, ctype)).encode("utf-8")
    return head + data + ("\r\n--%s--\r\n" % boundary).encode(), "multipart/form-data; boundary=" + boundary


class Result:
    def __init__(self, status, code, seconds, body_len, error=None, retry_after=None, findings=None):
        self.status, self.code, self.seconds, self.findings = status, code, seconds, findings
        self.body_len, self.error, self.retry_after = body_len, error, retry_after


def post(port, path, body, ctype, timeout=300, headers=None):
    """POSTs a body; Result with status (-1 on a connection failure or timeout) and the problem code if any."""
    t0 = time.monotonic()
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        h = {"Content-Type": ctype, "Connection": "close"}
        h.update(headers or {})
        c.request("POST", path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        c.close()
        return Result(r.status, problem_code(r, data), time.monotonic() - t0, len(data),
                      retry_after=r.getheader("Retry-After"), findings=findings(r, data))
    except (OSError, http.client.HTTPException) as e:
        return Result(-1, None, time.monotonic() - t0, 0, error=type(e).__name__)


def post_file(port, name, data, query="", timeout=300):
    body, ctype = multipart(name, data)
    return post(port, "/v1/check" + query, body, ctype, timeout)


def problem_code(resp, data):
    ctype = resp.getheader("Content-Type") or ""
    if "json" not in ctype:
        return None
    try:
        doc = json.loads(data)
    except ValueError:
        return "UNPARSABLE_JSON"
    if isinstance(doc, dict) and "code" in doc:
        return doc["code"]
    if resp.status == 200:
        return "report" if isinstance(doc, (dict, list)) else None
    return None


def findings(resp, data):
    """The number of findings of a JSON report, else None."""
    if resp.status != 200 or "json" not in (resp.getheader("Content-Type") or ""):
        return None
    try:
        doc = json.loads(data)
    except ValueError:
        return None
    return len(doc.get("findings", [])) if isinstance(doc, dict) else None


def work_dir(prefix):
    return tempfile.mkdtemp(prefix=prefix)


def percentile(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1)))))
    return s[k]
