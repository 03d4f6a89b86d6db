#!/usr/bin/env bash
# A 2,000-photo flight through the product's own commands: N distinct copies of the 12-MP survey photos (a unique
# trailer after each JPEG's end-of-image marker changes the content hash, not the pixels), `dxgeo images ingest`, then
# `dxgeo images score` under GNU time: wall time, photos/s and peak resident memory of the scoring process.
# Usage: benchmarks/scripts/score-batch.sh [N=2000] [PHOTOS=../shared/datasets/drone-photos-caliterra] [extra score args…]
set -euo pipefail
n=${1:-2000}
photos=${2:-../shared/datasets/drone-photos-caliterra}
shift $(( $# > 2 ? 2 : $# )) || true
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dotnet build "$root/src/DxGeo.Cli" -c Release -v q -nologo >/dev/null
dx() { dotnet "$root/src/DxGeo.Cli/bin/Release/net10.0/dxgeo.dll" --workspace "$tmp/flight.gpkg" "$@"; }
mapfile -t src < <(find "$photos" -maxdepth 1 -iname '*.jpg' | sort)
mkdir "$tmp/photos"
for ((i = 0; i < n; i++)); do
  f=${src[$((i % ${#src[@]}))]}
  out=$(printf '%s/photos/P%05d.jpg' "$tmp" "$i")
  cp "$f" "$out" && printf 'dxgeo-copy-%d' "$i" >> "$out"
done
dx init >/dev/null
start=$(date +%s.%N)
# The survey photos carry only sea-level GPS altitude; 230 m is the ground there (as in the images-ingest suite).
dx images ingest "$tmp/photos" --no-thumbnails --ground-elevation 230 > "$tmp/ingest.txt"
mid=$(date +%s.%N)
/usr/bin/time -v -o "$tmp/time.txt" dotnet "$root/src/DxGeo.Cli/bin/Release/net10.0/dxgeo.dll" --workspace "$tmp/flight.gpkg" \
  images score --model "$root/models/damage" "$@" > "$tmp/score.txt"
end=$(date +%s.%N)
tail -1 "$tmp/ingest.txt"
if command -v sqlite3 >/dev/null; then
  echo "GSD (cm/px) mean of the batch: $(sqlite3 "$tmp/flight.gpkg" 'select round(avg(gsd_cm_per_px), 2) from images')"
fi
tail -1 "$tmp/score.txt"
rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time.txt")
awk -v n="$n" -v a="$start" -v b="$mid" -v c="$end" -v rss="$rss" 'BEGIN {
  printf "photos %d: ingest %.0f s (%.1f/s); score %.0f s (%.2f/s); scoring peak RSS %.0f MB\n", n, b - a, n / (b - a), c - b, n / (c - b), rss / 1024 }'
