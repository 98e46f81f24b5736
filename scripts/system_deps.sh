#!/usr/bin/env bash
# Make sure the Debian packages the build and the tests need are here: Chromium for the PDF and
# the browser tests; the fonts the PDF is set in (scripts/project_fonts.py names the families:
# Noto Sans CJK SC and its monospaced face, Noto Color Emoji); poppler-utils to look at a
# rendered PDF page. As root, install what is missing with apt-get; otherwise stop and name it.
set -euo pipefail

has_family() { fc-list "$1" family 2>/dev/null | grep -q .; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v fc-list >/dev/null 2>&1 || missing+=(fontconfig)
has_family "Noto Sans CJK SC" && has_family "Noto Sans Mono CJK SC" || missing+=(fonts-noto-cjk)
has_family "Noto Color Emoji" || missing+=(fonts-noto-color-emoji)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "error: missing Debian packages: ${missing[*]}; install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "installing Debian packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig >/dev/null
fc-cache -f >/dev/null
