#!/usr/bin/env bash
# Regenerates the README sections that come from code (data dictionary), so README and schemas never drift.
set -euo pipefail
cd "$(dirname "$0")/.."
# Build first, separately: build warnings on stdout must never end up in the README.
dotnet build src/DxGeo.Cli -c Release -v q >/dev/null
dict=$(dotnet run --project src/DxGeo.Cli -c Release --no-build -- dictionary)
DICT="$dict" python3 - <<'PY'
import os, re
p = "README.md"
s = open(p, encoding="utf-8").read()
begin, end = "<!-- data-dictionary:begin -->", "<!-- data-dictionary:end -->"
i, j = s.index(begin) + len(begin), s.index(end)
s = s[:i] + "\n" + os.environ["DICT"].strip() + "\n" + s[j:]
open(p, "w", encoding="utf-8").write(s)
PY
