#!/usr/bin/env bash
# Refresh the JavaScript/CSS the web app serves from src/retold/web/static/vendor/ (so /docs and
# the story graph work offline): each package is fetched from the npm registry with `npm pack`
# at the pinned version, and only the files the app serves are copied, with their licences.
# Usage: scripts/vendor-assets.sh    (needs npm; run it to move to a new version, then commit)
set -euo pipefail
cd "$(dirname "$0")/.."
SWAGGER_UI=5.35.0   # swagger-ui-dist: the OpenAPI docs UI of /docs (Apache-2.0)
ELKJS=0.12.1        # elkjs: the layered graph layout of the story view (EPL-2.0)
VENDOR=src/retold/web/static/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
( cd "$work" && npm pack --silent "swagger-ui-dist@$SWAGGER_UI" "elkjs@$ELKJS" >/dev/null )
mkdir -p "$work/s" "$work/e"
tar xzf "$work/swagger-ui-dist-$SWAGGER_UI.tgz" -C "$work/s"
tar xzf "$work/elkjs-$ELKJS.tgz" -C "$work/e"
rm -rf "$VENDOR/swagger-ui" "$VENDOR/elkjs"
mkdir -p "$VENDOR/swagger-ui" "$VENDOR/elkjs"
for f in swagger-ui-bundle.js swagger-ui.css LICENSE NOTICE swagger-ui-bundle.js.LICENSE.txt; do
  cp "$work/s/package/$f" "$VENDOR/swagger-ui/"
done
cp "$work/e/package/lib/elk.bundled.js" "$work/e/package/LICENSE.md" "$VENDOR/elkjs/"
{
  echo "# Vendored front-end assets (written by scripts/vendor-assets.sh; do not edit)"
  echo
  echo "| package | version | licence | files |"
  echo "| --- | --- | --- | --- |"
  echo "| swagger-ui-dist | $SWAGGER_UI | Apache-2.0 (swagger-ui/LICENSE, NOTICE; bundled third-party notices in swagger-ui-bundle.js.LICENSE.txt) | swagger-ui-bundle.js, swagger-ui.css |"
  echo "| elkjs | $ELKJS | EPL-2.0 (elkjs/LICENSE.md) | elk.bundled.js |"
  echo
  echo "sha256 of each file as fetched:"
  echo
  ( cd "$VENDOR" && sha256sum swagger-ui/* elkjs/* | sed 's/^/    /' )
} > "$VENDOR/README.md"
echo "vendor-assets: swagger-ui-dist $SWAGGER_UI and elkjs $ELKJS in $VENDOR"
