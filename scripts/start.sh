#!/bin/sh
# Builds poolkit and serves the demo page with Vite, which prints the URL.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
sh scripts/build.sh
exec npx vite --config web/vite.config.js "$@"
