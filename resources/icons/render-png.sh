#!/bin/sh
# Renders the application icon's PNG sizes from the scalable SVG. The PNGs are committed, so building
# needs no SVG renderer; run this (needs rsvg-convert, Debian package librsvg2-bin) after changing
# hicolor/scalable/apps/org.qracoon.qracoon.svg.
set -eu
cd "$(dirname "$0")/hicolor"
command -v rsvg-convert >/dev/null || { echo "render-png: rsvg-convert missing (apt-get install librsvg2-bin)" >&2; exit 1; }
for size in 16 22 24 32 48 64 128 256; do
    mkdir -p "${size}x${size}/apps"
    rsvg-convert -w "$size" -h "$size" -o "${size}x${size}/apps/org.qracoon.qracoon.png" scalable/apps/org.qracoon.qracoon.svg
done
