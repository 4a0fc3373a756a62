#!/usr/bin/env bash
# Install the Debian packages the build (and, with "test", the tests) need.
# Runs apt-get only for what is missing, and only as root; otherwise it prints
# the command a non-root user asks an administrator to run.
set -euo pipefail

build_pkgs=(
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0   # WeasyPrint (PDF)
  fonts-dejavu-core fonts-liberation2                      # embedded PDF fonts
  libvoikko1 voikko-fi                                     # Finnish hyphenation and search
)
test_pkgs=(
  chromium            # browser tests (Playwright drives /usr/bin/chromium)
  fonts-noto-core     # readable screenshots for the browser tests
  poppler-utils       # pdftotext, pdfinfo, pdffonts for the PDF tests
  nginx               # the intranet server configuration test
  curl                # the IT guide's smoke test after a deploy, run by tests/test_nginx.py
  webkit2gtk-driver   # WebKit, the engine of every iPhone: WebKitWebDriver and MiniBrowser
  xvfb                # a screen for WebKit in CI (tests/test_webkit_journeys.py)
)

bench_pkgs=(
  nodejs npm          # Lighthouse for `make bench` (only when npm is missing)
)

pkgs=("${build_pkgs[@]}")
case "${1:-build}" in
  test) pkgs+=("${test_pkgs[@]}") ;;
  bench) pkgs+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Puuttuvat Debian-paketit: ${missing[*]}" >&2
  echo "Asenna ne: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Asennetaan Debian-paketit: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
