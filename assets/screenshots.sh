#!/usr/bin/env bash
# Regenerates the README screenshots of the workbench from the bundled sample repository.
# Usage: bash assets/screenshots.sh [OUTDIR]   (needs Xvfb and imagemagick when no DISPLAY is set)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-assets/src/main/resources/dev/cofferdam/assets/screenshots}
mkdir -p "$out"
[ -x app/target/dist/bin/cofferdam ] || mvn -B -q -pl app -am package -DskipTests
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :97 -screen 0 1400x900x24 >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb' EXIT
  export DISPLAY=:97
  sleep 1
fi
shot() {
  local name=$1
  shift
  app/target/dist/bin/cofferdam ui --sample --size 1280x800 --screenshot "$out/$name.png" "$@"
  # keep the pictures small: 256 colours are plenty for flat UI
  if command -v convert >/dev/null; then
    convert "$out/$name.png" -strip -resize 85% -colors 200 "PNG8:$out/$name.png"
  fi
  echo "wrote $out/$name.png"
}
shot workbench-modules --theme light
shot workbench-blast --theme light --select core/src/main/java/dev/shop/core/Order.java
shot workbench-dark --theme dark --select dev.shop.core.OrderService
