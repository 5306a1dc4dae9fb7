#!/usr/bin/env bash
# The whole suite, as CI and the README run it: static gates, build, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
# Under npm, node_modules/.bin comes first on PATH: this is the Node pinned in package.json.
echo "tests on Node $(node --version) ($(command -v node))"
npm run --silent typecheck
npm run --silent lint
npm run --silent format:check
npm run --silent build
mapfile -t files < <(find test/unit test/integration test/e2e -name '*.test.ts' | sort)
node --test --test-timeout=120000 "${files[@]}"
