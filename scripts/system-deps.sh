#!/usr/bin/env bash
# Installs the Debian packages the generator and its tests need, only when they are missing.
# graphviz: `dot` renders topology diagrams; librsvg2-bin: rsvg-convert for SVG checks;
# poppler-utils: pdftotext/pdftoppm for PDF checks; fonts-dejavu-core: the runbook PDFs' fonts
# (Typst stops rather than substitute a missing font); fonts-ipaexfont-gothic: Japanese text in
# runbook PDFs; chromium: browser tests of the site.
set -euo pipefail
need=()
command -v dot >/dev/null 2>&1 || need+=(graphviz)
command -v rsvg-convert >/dev/null 2>&1 || need+=(librsvg2-bin)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ -f /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf ] || need+=(fonts-ipaexfont-gothic)
if [ "${WITH_BROWSER:-1}" = "1" ] && ! command -v chromium >/dev/null 2>&1; then need+=(chromium); fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing system packages: ${need[*]}." >&2
  echo "Install them with your package manager (Debian: sudo apt-get install -y ${need[*]}) and re-run." >&2
  exit 1
fi
echo "Installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
