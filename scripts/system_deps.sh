#!/usr/bin/env bash
# Make sure the Debian packages the build and the tests need are here: Chromium for the PDF and
# the browser tests; the fonts the PDF is set in (scripts/project_fonts.py names the families:
# Noto Sans CJK SC and its monospaced face, Noto Color Emoji); poppler-utils to look at a
# rendered PDF page; epubcheck (it brings Java) for the tests that validate the e-book. As root,
# install what is missing with apt-get; otherwise stop and name it. epubcheck alone only gets a
# note when it cannot be installed: the build makes the e-book without it (the deploy workflow
# installs the others itself), and the tests that need it name it when it is missing.
set -euo pipefail

has_family() { fc-list "$1" family 2>/dev/null | grep -q .; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v fc-list >/dev/null 2>&1 || missing+=(fontconfig)
has_family "Noto Sans CJK SC" && has_family "Noto Sans Mono CJK SC" || missing+=(fonts-noto-cjk)
has_family "Noto Color Emoji" || missing+=(fonts-noto-color-emoji)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
for_tests=()
{ [ -f /usr/share/java/epubcheck.jar ] && command -v java >/dev/null 2>&1; } || for_tests+=(epubcheck)
[ ${#missing[@]} -eq 0 ] && [ ${#for_tests[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  if [ ${#missing[@]} -gt 0 ]; then
    echo "error: missing Debian packages: ${missing[*]}; install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "note: the e-book tests need the Debian package epubcheck: sudo apt-get install epubcheck" >&2
  exit 0
fi
missing+=("${for_tests[@]}")
echo "installing Debian packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig >/dev/null
fc-cache -f >/dev/null
