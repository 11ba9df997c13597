#!/usr/bin/env bash
# Measures `fairtender scan` on a tree of about 300 documents made of copies of the real corpus (../shared/corpus):
# wall time and peak memory with 1 and 2 workers, resume after kill -9 half-way (nothing lost, nothing checked twice),
# and the Spark job in local[2] on the same tree. Usage: bench/scan.sh [COPIES, default 9] [CORPUS]
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-9}
corpus=${2:-../shared/corpus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f target/fairtender.jar ] || mvn -B -q package -DskipTests

tree="$work/tree"
for i in $(seq 1 "$copies"); do
  mkdir -p "$tree/batch-$i"
  for f in "$corpus"/[0-9][0-9]_*; do
    case "$f" in *.source.txt) continue;; esac
    # PDF, HTML and JSON copies differ by a trailing comment or space, so that they are checked, not reused;
    # Word, OFD and ZIP copies stay identical and are reused (checked once, reported under each name)
    cp "$f" "$tree/batch-$i/"
    case "$f" in
      *.pdf) printf '\n%% copy %s\n' "$i" >> "$tree/batch-$i/$(basename "$f")";;
      *.html) printf '\n<!-- copy %s -->\n' "$i" >> "$tree/batch-$i/$(basename "$f")";;
      *.json) printf '%*s\n' "$i" '' >> "$tree/batch-$i/$(basename "$f")";;
    esac
  done
done
n=$(find "$tree" -type f | wc -l)
echo "tree: $n documents ($copies copies of the corpus)"

run() { # workers out-dir
  /usr/bin/time -f "%e s wall, %M KiB max RSS" java -Xmx2g -jar target/fairtender.jar scan "$tree" --out "$2" \
    --workers "$1" --no-ocr --progress none 2>&1 | tail -2 || true # exit 1: the scanned file 02 is unreadable without OCR
}
echo "== 1 worker";  run 1 "$work/out1"
echo "== 2 workers"; run 2 "$work/out2"

echo "== kill -9 half-way, then resume (2 workers)"
java -Xmx2g -jar target/fairtender.jar scan "$tree" --out "$work/out3" --workers 2 --no-ocr --progress none \
  > /dev/null 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  sleep 0.2
  done_rows=$(sqlite3 "$work/out3/scan.db" "select count(*) from document" 2>/dev/null || echo 0)
  [ "${done_rows:-0}" -ge $((n / 2)) ] && break
done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
before=$(sqlite3 "$work/out3/scan.db" "select count(*) from document")
echo "killed with $before of $n recorded"
java -Xmx2g -jar target/fairtender.jar scan "$tree" --out "$work/out3" --workers 2 --no-ocr --progress none 2>&1 | tail -1 || true
after=$(sqlite3 "$work/out3/scan.db" "select count(*) from document")
echo "after resume: $after of $n recorded"
diff <(cut -d, -f1,9-12 "$work/out2/summary.csv" | sort) <(cut -d, -f1,9-12 "$work/out3/summary.csv" | sort) > /dev/null \
  && echo "resumed summary equals the uninterrupted one" || echo "RESUMED SUMMARY DIFFERS"

echo "== Spark local[2]"
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/spark.cp > /dev/null
opens=$(sed -n 's:.*<spark.opens>\(.*\)</spark.opens>.*:\1:p' pom.xml)
start=$(date +%s.%N)
java -Xmx2g $opens -Dspark.master='local[2]' -Dspark.ui.enabled=false -cp "target/classes:$(cat target/spark.cp)" \
  io.fairtender.spark.SparkScan --in "$tree" --out "$work/spark" --no-ocr > "$work/spark.log" 2>&1 \
  || { tail -20 "$work/spark.log"; exit 1; }
end=$(date +%s.%N)
echo "spark local[2]: $(echo "$end - $start" | bc) s wall (including JVM and Spark start-up)"
