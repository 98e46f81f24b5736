#!/usr/bin/env bash
# Make sure the Debian packages the tests need are here: Chromium for the browser tests and the
# PDF, Noto CJK and Noto Color Emoji for rendering the article's text (stand-ins, PDF), and
# poppler-utils to look at a rendered PDF page. As root, install what is missing with apt-get;
# otherwise stop and name what to install.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -qi "noto sans cjk" || missing+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -qi "noto color emoji" || missing+=(fonts-noto-color-emoji)
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
