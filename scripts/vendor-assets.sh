#!/usr/bin/env bash
# Refresh the JavaScript/CSS the web app serves from src/retold/web/static/vendor/ (so /docs and
# the story graph work offline): each package is fetched from the npm registry with `npm pack`
# at the pinned version, and only the files the app serves are copied, with their licences.
# Usage: scripts/vendor-assets.sh    (needs npm; run it to move to a new version, then commit)
set -euo pipefail
cd "$(dirname "$0")/.."
SWAGGER_UI=5.35.0   # swagger-ui-dist: the OpenAPI docs UI of /docs (Apache-2.0)
D3DAG=1.2.2         # d3-dag: the layered (Sugiyama) layout of the story graph (MIT)
VENDOR=src/retold/web/static/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
( cd "$work" && npm pack --silent "swagger-ui-dist@$SWAGGER_UI" "d3-dag@$D3DAG" >/dev/null )
mkdir -p "$work/s" "$work/d"
tar xzf "$work/swagger-ui-dist-$SWAGGER_UI.tgz" -C "$work/s"
tar xzf "$work/d3-dag-$D3DAG.tgz" -C "$work/d"
rm -rf "$VENDOR/swagger-ui" "$VENDOR/d3-dag"
mkdir -p "$VENDOR/swagger-ui" "$VENDOR/d3-dag"
for f in swagger-ui-bundle.js swagger-ui.css LICENSE NOTICE swagger-ui-bundle.js.LICENSE.txt; do
  cp "$work/s/package/$f" "$VENDOR/swagger-ui/"
done
cp "$work/d/package/dist/d3-dag.iife.min.js" "$work/d/package/LICENSE" "$VENDOR/d3-dag/"
{
  echo "# Vendored front-end assets (written by scripts/vendor-assets.sh; do not edit)"
  echo
  echo "| package | version | licence | files |"
  echo "| --- | --- | --- | --- |"
  echo "| swagger-ui-dist | $SWAGGER_UI | Apache-2.0 (swagger-ui/LICENSE, NOTICE; bundled third-party notices in swagger-ui-bundle.js.LICENSE.txt) | swagger-ui-bundle.js, swagger-ui.css |"
  echo "| d3-dag | $D3DAG | MIT (d3-dag/LICENSE) | d3-dag.iife.min.js |"
  echo
  echo "sha256 of each file as fetched:"
  echo
  ( cd "$VENDOR" && sha256sum swagger-ui/* d3-dag/* | sed 's/^/    /' )
} > "$VENDOR/README.md"
echo "vendor-assets: swagger-ui-dist $SWAGGER_UI and d3-dag $D3DAG in $VENDOR"
