#!/usr/bin/env node
// Derives Tessera's offline world basemap from Natural Earth 1:50m via the world-atlas package.
//
//   cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
//   node tools/basemap/build-basemap.js /tmp/package src/main/resources/io/tessera/ui/map/world-50m.bin.gz
//
// Natural Earth rings that cross the antimeridian jump from +180 to -180; here longitudes are
// unwrapped to be continuous (so they may run past ±180, and the renderer draws such features a
// second time shifted by 360°), rings around the south pole (Antarctica) are closed along the pole,
// and degenerate zero-area rings are dropped.
//
// Output (gzip of big-endian data, read by io.tessera.ui.map.WorldBasemap):
//   "TBM1"
//   int polygonCount, then per polygon: int ringCount, then per ring (outer first, then holes):
//     int pointCount, then pointCount × (float32 lonDeg, float32 latDeg)
//   int lineCount (country borders: arcs shared by two countries), then per line:
//     int pointCount, then pointCount × (float32 lonDeg, float32 latDeg)
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const [src, out] = process.argv.slice(2);
if (!src || !out) {
  console.error("usage: build-basemap.js <world-atlas package dir> <output .bin.gz>");
  process.exit(2);
}

function decodeArcs(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

// A ring is a list of arc indices; ~i means arc i reversed. Consecutive arcs share an end point.
function ring(arcs, indices) {
  const points = [];
  for (const index of indices) {
    const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

function unwrap(points) {
  const out = [points[0].slice()];
  for (let i = 1; i < points.length; i++) {
    let lon = points[i][0];
    const previous = out[i - 1][0];
    while (lon - previous > 180) lon -= 360;
    while (lon - previous < -180) lon += 360;
    out.push([lon, points[i][1]]);
  }
  return out;
}

function planarRing(points) {
  const ring = unwrap(points);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (Math.abs(last[0] - first[0]) > 180) {
    // Goes once around a pole: close it along that pole.
    const pole = ring.reduce((sum, p) => sum + p[1], 0) < 0 ? -90 : 90;
    ring.push([last[0], pole], [first[0], pole], first.slice());
  }
  return ring;
}

function area(ring) {
  let twice = 0;
  for (let i = 1; i < ring.length; i++) twice += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return Math.abs(twice / 2);
}

function polygon(arcs, rings) {
  return rings.map((r) => planarRing(ring(arcs, r))).filter((r) => area(r) > 1e-9);
}

function polygons(arcs, geometry) {
  if (geometry.type === "Polygon") return [polygon(arcs, geometry.arcs)];
  if (geometry.type === "MultiPolygon") return geometry.arcs.map((p) => polygon(arcs, p));
  if (geometry.type === "GeometryCollection") return geometry.geometries.flatMap((g) => polygons(arcs, g));
  return [];
}

function sharedBorders(topology) {
  const arcs = decodeArcs(topology);
  const owners = new Map();
  topology.objects.countries.geometries.forEach((country, id) => {
    const visit = (a) => (Array.isArray(a) ? a.forEach(visit) : owners.set(a < 0 ? ~a : a, [...(owners.get(a < 0 ? ~a : a) || []), id]));
    visit(country.arcs || []);
  });
  return [...owners].filter(([, ids]) => new Set(ids).size > 1).map(([arc]) => unwrap(arcs[arc]));
}

const land = JSON.parse(fs.readFileSync(path.join(src, "land-50m.json"), "utf8"));
const countries = JSON.parse(fs.readFileSync(path.join(src, "countries-50m.json"), "utf8"));
const landPolygons = polygons(decodeArcs(land), land.objects.land).filter((p) => p.length > 0);
const borders = sharedBorders(countries);

const chunks = [];
const int = (v) => { const b = Buffer.alloc(4); b.writeInt32BE(v); chunks.push(b); };
const points = (pts) => {
  int(pts.length);
  const b = Buffer.alloc(pts.length * 8);
  pts.forEach(([lon, lat], i) => { b.writeFloatBE(lon, i * 8); b.writeFloatBE(lat, i * 8 + 4); });
  chunks.push(b);
};
chunks.push(Buffer.from("TBM1", "ascii"));
int(landPolygons.length);
for (const polygon of landPolygons) {
  int(polygon.length);
  polygon.forEach(points);
}
int(borders.length);
borders.forEach(points);

fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, zlib.gzipSync(Buffer.concat(chunks), { level: 9 }));
const count = (ps) => ps.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
console.log(`${landPolygons.length} land polygons (${count(landPolygons)} points), ` +
  `${borders.length} border lines (${borders.reduce((n, l) => n + l.length, 0)} points) -> ${out} ` +
  `(${fs.statSync(out).size} bytes)`);
