#!/usr/bin/env bash
# Renders an overview PNG of the sample town (a test-only helper for eyeballing the generator):
#   tests/DxGeo.SampleTown.Tests/preview/render-overview.sh sample-data/town /tmp/town.png [width]
# Optional TE="lon0 lat0 lon1 lat1" to zoom. Needs gdal-bin (gdal_rasterize, gdal_translate).
set -euo pipefail
src=$1; out=$2; W=${3:-1800}
te=${TE:-"140.908 38.166 140.972 38.209"}
tif=$(mktemp --suffix=.tif)
read x0 y0 x1 y1 <<< "$te"; H=$(python3 -c "print(int($W*($y1-$y0)/($x1-$x0)/0.787))")
gdal_rasterize -q -burn 236 -burn 232 -burn 220 -te $te -ts $W $H -ot Byte -of GTiff -init 236 -l water_areas "$src/water_areas.geojson" "$tif" 2>/dev/null || true
burn() { # layer r g b [extra]
  local f=$1; shift; local r=$1 g=$2 b=$3; shift 3
  gdal_rasterize -q -b 1 -b 2 -b 3 -burn $r -burn $g -burn $b "$@" "$src/$f.geojson" "$tif"
}
burn flood_zones 215 225 245 -where "depth_class=1"
burn flood_zones 190 205 240 -where "depth_class=2"
burn flood_zones 165 180 235 -where "depth_class=3"
burn flood_zones 140 150 225 -where "depth_class>=4"
burn water_areas 70 130 200
burn no_fly_zones 240 170 170
burn road_works 255 200 0
burn roads 150 150 150
burn roads 90 90 90 -where "road_class<>'local'"
burn water_pipes 60 160 60 -where "material in ('DCIP','PE')"
burn water_pipes 230 120 0 -where "material in ('VP','SP')"
burn water_pipes 200 0 0 -where "material in ('CIP','ACP')"
burn water_pipes 120 0 160 -where "material='UNK'"
burn levees 120 70 20 -at
burn bridges 0 0 0 -at
burn pipe_breaks 255 0 255
burn facilities 0 0 0
gdal_translate -q -of PNG "$tif" "$out"
rm -f "$tif"
