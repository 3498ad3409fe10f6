#!/bin/sh
# cpp/ is layered by family, and each family includes only from the ones below it:
#   core                  <- nothing (no op's name, no op's header)
#   pool, conv, activation <- core
#   unet                  <- core, pool, conv
#   bindings              <- anything
# Every include is a path from cpp/ ("core/simd.h"), so its first folder says where it points.
# Prints each include that points up or sideways and fails; ctest runs this natively.
set -eu
cd "$(dirname "$0")/.."
bad=$(grep -H '^#include "' cpp/*/*.h cpp/*/*.cpp | awk -F'"' '
  BEGIN {
    allowed["core"] = " core ";
    allowed["pool"] = " core pool ";
    allowed["conv"] = " core conv ";
    allowed["activation"] = " core activation ";
    allowed["unet"] = " core pool conv unet ";
    allowed["bindings"] = " core pool conv activation unet bindings ";
  }
  {
    split($1, from, "/"); split($2, to, "/");
    family = from[2];
    if (!(family in allowed)) { print $0 "  (a folder this check does not know)"; next }
    if (index(to[2], ".") == 0 || index(allowed[family], " " to[1] " ") == 0) print $0;
  }')
if [ -n "$bad" ]; then
  echo "check-layers: these includes point up or sideways (see scripts/check-layers.sh):" >&2
  echo "$bad" >&2
  exit 1
fi
echo "check-layers: cpp/ depends downward only"
