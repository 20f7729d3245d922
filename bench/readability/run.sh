#!/usr/bin/env bash
# Mozilla Readability.js on the benchmark pages, for comparison with NewsMiner's extractor.
# Usage: run.sh <manifest.tsv> <out.json>   (manifest lines: id<TAB>path-to-utf8-html<TAB>url)
# The npm packages go into a temporary folder (reused between runs), never into the repository.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
modules="${NEWSMINER_READABILITY_DIR:-${TMPDIR:-/tmp}/newsminer-readability}"
if [ ! -d "$modules/node_modules/@mozilla/readability" ] || [ ! -d "$modules/node_modules/jsdom" ]; then
  mkdir -p "$modules"
  cp "$here/package.json" "$modules/package.json"
  npm install --prefix "$modules" --no-audit --no-fund --loglevel=error >&2
fi
exec node --max-old-space-size=4096 "$here/readability.mjs" "$1" "$2" "$modules/node_modules"
