#!/usr/bin/env bash
# Vendor the front-end libraries from the npm registry into haicap/static/vendor and record
# exact versions in VERSIONS.txt. Run by a maintainer; the running system never fetches them.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=haicap/static/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$dest"
fetch() {  # package@range file-in-package target-name
  local spec=$1 file=$2 target=$3
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null)
  local tgz
  tgz=$(ls "$tmp"/*.tgz)
  tar -xzf "$tgz" -C "$tmp"
  cp "$tmp/package/$file" "$dest/$target"
  local version
  version=$(node -p "require('$tmp/package/package.json').version")
  licence=$(node -p "require('$tmp/package/package.json').license")
  echo "$spec -> ${spec%@*}@$version: $file -> $target (npm registry, licence $licence)" >> "$tmp/versions"
  rm -rf "$tmp/package" "$tgz"
}
fetch "htmx.org@2" dist/htmx.min.js htmx.min.js
fetch "echarts@6" dist/echarts.min.js echarts.min.js
fetch "leaflet@1.9" dist/leaflet.js leaflet.js
fetch "leaflet@1.9" dist/leaflet.css leaflet.css
# clusters of report markers on the public map (Leaflet's own plugin, github.com/Leaflet/Leaflet.markercluster)
fetch "leaflet.markercluster@1.5" dist/leaflet.markercluster.js leaflet.markercluster.js
fetch "leaflet.markercluster@1.5" dist/MarkerCluster.css MarkerCluster.css
fetch "leaflet.markercluster@1.5" dist/MarkerCluster.Default.css MarkerCluster.Default.css
{ echo "# Vendored front-end files (scripts/vendor_static.sh), $(date -u +%Y-%m-%d)"; cat "$tmp/versions"; } > "$dest/VERSIONS.txt"
cat "$dest/VERSIONS.txt"
