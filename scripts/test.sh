#!/usr/bin/env bash
# The test command (README "Run the tests"). Installs what the tests need on a fresh Debian machine
# (GDAL for interoperability, node-mavlink for MAVLink conformance), then runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v ogrinfo >/dev/null 2>&1 || need_apt+=(gdal-bin)
command -v sqlite3 >/dev/null 2>&1 || need_apt+=(sqlite3)
# GDAL's GeoPackage validator (workspace conformance tests).
[ -f /usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py ] || need_apt+=(python3-gdal)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
# exiftool (imagery EXIF/XMP tests) and djpeg (imagery ingest benchmark peer).
command -v exiftool >/dev/null 2>&1 || need_apt+=(libimage-exiftool-perl)
command -v djpeg >/dev/null 2>&1 || need_apt+=(libjpeg-turbo-progs)
# Debian's Chromium for the web map's browser tests (Playwright drives it; no browser download).
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# A Japanese font, so the pages' Japanese labels render in the browser tests' screenshots (not as empty boxes).
fc-list 2>/dev/null | grep -qi "IPAGothic" || need_apt+=(fonts-ipafont-gothic)
# PyQGIS: QGIS's OAPIF provider reads the served layers (web interop test).
/usr/bin/python3 -c 'import qgis.core' >/dev/null 2>&1 || need_apt+=(python3-qgis)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing ${need_apt[*]} (apt)…"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# npm peers used by interoperability tests (lockfile pinned).
for d in tests/interop/*/; do
  [ -f "$d/package.json" ] && [ ! -d "$d/node_modules" ] && (cd "$d" && npm ci --no-audit --no-fund --loglevel=error)
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
set +e
dotnet test DxGeo.sln -c Release --logger "console;verbosity=normal" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
# One closing line over all test assemblies: "N passed, N failed".
passed=$({ grep -Eo 'Passed: +[0-9]+' "$log" || true; } | awk '{s+=$2} END {print s+0}')
failed=$({ grep -Eo 'Failed: +[0-9]+' "$log" || true; } | awk '{s+=$2} END {print s+0}')
skipped=$({ grep -Eo 'Skipped: +[0-9]+' "$log" || true; } | awk '{s+=$2} END {print s+0}')
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $rc
