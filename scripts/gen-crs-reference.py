#!/usr/bin/python3
"""Regenerates tests/DxGeo.Core.Tests/Crs/Data/gdaltransform-reference.txt: reference coordinates computed by
GDAL/PROJ's `gdaltransform` for the CRS tests (DxGeo must agree within 1 mm). Needs gdal-bin.
Lines: source_epsg target_epsg x y expected_x expected_y   (x = lon/easting, y = lat/northing)."""
import os, subprocess

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "tests/DxGeo.Core.Tests/Crs/Data/gdaltransform-reference.txt")

# One or two places per JGD plane rectangular zone I..XIX (lon, lat), inside the zone's area.
ZONE_PLACES = {
    1: [(129.87, 32.75), (129.29, 34.20)], 2: [(130.40, 33.59), (131.42, 31.91)], 3: [(132.46, 34.39), (133.05, 35.47)],
    4: [(133.53, 33.56), (134.55, 34.07)], 5: [(135.19, 34.69), (134.24, 35.50)], 6: [(135.50, 34.69), (136.22, 36.06)],
    7: [(136.91, 35.18), (137.21, 36.70)], 8: [(139.02, 37.92), (138.38, 34.98)], 9: [(139.767, 35.681), (140.47, 37.76)],
    10: [(140.87, 38.27), (140.74, 40.82)], 11: [(140.73, 41.77), (141.00, 43.19)], 12: [(141.35, 43.06), (141.67, 45.42)],
    13: [(144.38, 42.98), (145.58, 43.33)], 14: [(142.19, 27.09)], 15: [(127.68, 26.21)], 16: [(124.16, 24.34)],
    17: [(131.24, 25.85)], 18: [(136.08, 20.42)], 19: [(153.98, 24.28)],
}
UTM_PLACES = {51: [(123.0, 24.5), (125.3, 24.8)], 52: [(127.7, 26.2), (129.9, 32.8)], 53: [(133.5, 33.6), (137.2, 36.7)],
              54: [(139.77, 35.68), (141.35, 43.06)], 55: [(144.4, 43.0), (145.6, 43.3)], 56: [(153.98, 24.28), (151.0, 40.0)]}
WEB_PLACES = [(139.767, 35.681), (141.35, 43.06), (127.68, 26.21), (-0.1276, 51.5072), (-70.0, -33.4), (0.0, 0.0)]


def gdaltransform(src, tgt, pts):
    text = "".join(f"{x!r} {y!r}\n" for x, y in pts)
    out = subprocess.run(["gdaltransform", "-s_srs", f"EPSG:{src}", "-t_srs", f"EPSG:{tgt}", "-output_xy"],
                         input=text, capture_output=True, text=True, check=True).stdout.split("\n")
    return [tuple(float(v) for v in line.split()[:2]) for line in out if line.strip()]


def main():
    jobs = []  # (src, tgt, points)
    for zone, places in ZONE_PLACES.items():
        for geog, proj in ((4326, 6668 + zone), (6668, 6668 + zone), (4612, 2442 + zone)):
            jobs.append((geog, proj, places))
    for zone, places in UTM_PLACES.items():
        jobs.append((4326, 32600 + zone, places))
    jobs.append((4326, 3857, WEB_PLACES))
    jobs.append((6668, 4326, ZONE_PLACES[9]))
    jobs.append((4612, 6668, ZONE_PLACES[10]))
    lines = ["# Reference coordinates from gdaltransform (GDAL/PROJ); regenerate with scripts/gen-crs-reference.py.",
             "# " + subprocess.run(["gdalinfo", "--version"], capture_output=True, text=True).stdout.strip(),
             "# source target x y expected_x expected_y"]
    for src, tgt, pts in jobs:
        fwd = gdaltransform(src, tgt, pts)
        for (x, y), (ex, ey) in zip(pts, fwd):
            lines.append(f"{src} {tgt} {x!r} {y!r} {ex!r} {ey!r}")
        # the inverse direction, from the projected values back to lon/lat
        back = gdaltransform(tgt, src, fwd)
        for (x, y), (ex, ey) in zip(fwd, back):
            lines.append(f"{tgt} {src} {x!r} {y!r} {ex!r} {ey!r}")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {OUT}: {len(lines) - 3} reference points")


if __name__ == "__main__":
    main()
