#!/usr/bin/env bash
# Fetch the page's front-end files from the npm registry once and vendor them
# into src/dateline/web/static/vendor/ with their version in the file name.
# Nothing is fetched at run time; re-run this only to upgrade (and change the
# versions below, so the upgrade shows in the diff).
#
# Needs: node + npm (only for this script), network access to registry.npmjs.org.
set -euo pipefail

LEAFLET=1.9.4
MARKERCLUSTER=1.5.3
WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0
SWAGGER_UI=5.35.0   # the /docs page (FastAPI's default fetches it from a CDN)

here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/src/dateline/web/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts \
  "leaflet@$LEAFLET" "leaflet.markercluster@$MARKERCLUSTER" \
  "world-atlas@$WORLD_ATLAS" "topojson-client@$TOPOJSON_CLIENT" \
  "swagger-ui-dist@$SWAGGER_UI" >/dev/null

mkdir -p "$dest/images"
cp node_modules/leaflet/dist/leaflet.js        "$dest/leaflet-$LEAFLET.js"
cp node_modules/leaflet/dist/leaflet.css       "$dest/leaflet-$LEAFLET.css"
cp node_modules/leaflet/dist/images/*.png      "$dest/images/"
cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
   "$dest/leaflet.markercluster-$MARKERCLUSTER.js"
cp node_modules/leaflet.markercluster/dist/MarkerCluster.css \
   "$dest/MarkerCluster-$MARKERCLUSTER.css"
cp node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css \
   "$dest/MarkerCluster.Default-$MARKERCLUSTER.css"
cp node_modules/leaflet/LICENSE "$dest/LICENSE-leaflet-$LEAFLET.txt"
cp node_modules/leaflet.markercluster/MIT-LICENCE.txt "$dest/LICENSE-leaflet.markercluster-$MARKERCLUSTER.txt"
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js "$dest/swagger-ui-bundle-$SWAGGER_UI.js"
cp node_modules/swagger-ui-dist/swagger-ui.css       "$dest/swagger-ui-$SWAGGER_UI.css"
cp node_modules/swagger-ui-dist/LICENSE              "$dest/LICENSE-swagger-ui-$SWAGGER_UI.txt"
cp node_modules/world-atlas/LICENSE "$dest/LICENSE-world-atlas-$WORLD_ATLAS.txt"

# Country outlines: world-atlas countries-110m (Natural Earth, public domain),
# converted once from TopoJSON to GeoJSON so the page needs no converter, and
# coordinates rounded to 0.01 degree to keep the file small.
node -e '
const topo = require("topojson-client");
const w = require("world-atlas/countries-110m.json");
const fc = topo.feature(w, w.objects.countries);
const round = (p) => [Math.round(p[0]*100)/100, Math.round(p[1]*100)/100];
// Rings that cross the antimeridian (Russia, Fiji) jump from +180 to -180; unwrap them
// (continue past 180) so Leaflet does not draw a band across the whole map.
const fixRing = (ring) => { const out = []; let shift = 0;
  for (let i = 0; i < ring.length; i++) {
    if (i > 0) { const d = ring[i][0] - ring[i-1][0]; if (d > 180) shift -= 360; else if (d < -180) shift += 360; }
    out.push(round([ring[i][0] + shift, ring[i][1]])); }
  return out; };
const fix = (c) => Array.isArray(c[0][0]) ? c.map(fix) : fixRing(c);
for (const f of fc.features) { f.geometry.coordinates = fix(f.geometry.coordinates); }
process.stdout.write(JSON.stringify(fc));
' > "$dest/countries-110m-world-atlas-$WORLD_ATLAS.geojson"

ls -l "$dest"
