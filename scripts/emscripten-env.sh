# Sourced by the build scripts. Debian's Emscripten (3.1.6) finds its JavaScript dependencies
# (acorn, ...) only through NODE_PATH; an emsdk on PATH needs nothing.
if [ -d /usr/share/nodejs ] && [ -z "${NODE_PATH:-}" ]; then
  export NODE_PATH=/usr/share/nodejs
fi
