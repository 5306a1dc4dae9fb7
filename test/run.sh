#!/usr/bin/env bash
# The whole suite, as CI and the README run it: static gates, build, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
# Under npm, node_modules/.bin comes first on PATH: this is the Node pinned in package.json.
echo "tests on Node $(node --version) ($(command -v node))"
# Each gate is single-threaded: two at a time use both cores. All run; any failure stops here.
failed=0
pair() {
  npm run --silent "$1" &
  local first=$!
  npm run --silent "$2" || failed=1
  wait "$first" || failed=1
}
pair typecheck build
pair lint format:check
[ "$failed" = 0 ] || { echo "a static gate or the build failed" >&2; exit 1; }
mapfile -t files < <(find test/unit test/integration test/e2e -name '*.test.ts' | sort)
node --test --test-timeout=120000 "${files[@]}"
