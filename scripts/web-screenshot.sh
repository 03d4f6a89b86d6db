#!/usr/bin/env bash
# docs/img/map.png: the web map of a workspace (default: the demo's out/demo/town.gpkg) drawn by Debian's Chromium.
# Usage: scripts/web-screenshot.sh [workspace.gpkg] [out.png]
set -euo pipefail
cd "$(dirname "$0")/.."
ws=${1:-out/demo/town.gpkg}
out=${2:-docs/img/map.png}
port=5399
dotnet run --project src/DxGeo.Cli -c Release -- serve -w "$ws" --base-map none --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars --window-size=1280,800 \
  --virtual-time-budget=15000 --screenshot="$out" "http://127.0.0.1:$port/index.html?lang=en"
rm -rf "$profile"
