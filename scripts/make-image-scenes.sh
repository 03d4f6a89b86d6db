#!/usr/bin/env bash
# Builds sample-data/images/scenes/: 1024×768 "drone photos" of concrete, each a 4 × 3 grid of real 256 px patches,
# some cracked, most intact, for the demo camera (src/DxGeo.Imagery/Capture/SimulatedCameraOp.cs).
# Sources (see scenes/SOURCE.md): Özgenel concrete patches numbered ≥ 19000 (CC BY 4.0) and quay-wall drone tiles of
# h1__MAX_0032 (CC BY-SA 4.0). The damage model's held-out split avoids these files.
# Needs ImageMagick (apt-get install imagemagick) and the shared datasets beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
D=${DATASETS:-../shared/datasets}
OUT=sample-data/images/scenes
CONVERT=/usr/bin/convert
mkdir -p "$OUT"
mapfile -t POS < <(ls "$D/ozgenel-concrete/positive" | awk '$1>="19000"' | sort)
mapfile -t NEG < <(ls "$D/ozgenel-concrete/negative" | awk '$1>="19000"' | sort)
mapfile -t QW < <(ls "$D/quaywall-drone/images" | grep '^h1__MAX_0032_' | sort | head -8)
# Cracked cells per scene, as col,row (4 columns × 3 rows); q = quay-wall tile, o = Özgenel crack patch.
CRACKS=("1,0,o 2,0,o" "0,2,q" "3,1,o 2,2,q" "" "1,1,q 2,1,o" "0,0,o 3,2,q")
echo "scene,col,row,x_px,y_px,w_px,h_px,damaged,dataset,source_file" > "$OUT/truth.csv"
np=0; nn=0; nq=0
for s in "${!CRACKS[@]}"; do
  name=$(printf "scene_%02d.jpg" "$((s + 1))")
  tiles=()
  for row in 0 1 2; do
    for col in 0 1 2 3; do
      kind=n
      for c in ${CRACKS[$s]}; do
        IFS=, read -r cc rr kk <<<"$c"
        [ "$cc" = "$col" ] && [ "$rr" = "$row" ] && kind=$kk
      done
      case $kind in
        o) f="$D/ozgenel-concrete/positive/${POS[$np]}"; ds=ozgenel-concrete; src="positive/${POS[$np]}"; np=$((np + 1)); dmg=1 ;;
        q) f="$D/quaywall-drone/images/${QW[$nq]}"; ds=quaywall-drone; src="images/${QW[$nq]}"; nq=$((nq + 1)); dmg=1 ;;
        *) f="$D/ozgenel-concrete/negative/${NEG[$nn]}"; ds=ozgenel-concrete; src="negative/${NEG[$nn]}"; nn=$((nn + 1)); dmg=0 ;;
      esac
      tiles+=("$f")
      echo "$name,$col,$row,$((col * 256)),$((row * 256)),256,256,$dmg,$ds,$src" >> "$OUT/truth.csv"
    done
  done
  # Tiles in row order; each resized to 256 × 256 and laid out 4 across.
  $CONVERT "${tiles[@]}" -resize '256x256!' miff:- | /usr/bin/montage - -tile 4x3 -geometry 256x256+0+0 -quality 85 -strip "$OUT/$name"
done
ls -la "$OUT"
