#!/usr/bin/env bash
# Installs the Debian packages some tests use, when missing: chromium and chromium-driver (browser
# tests), prometheus (promtool checks the alert rules). Needs apt-get and root (or sudo).
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v promtool >/dev/null || missing+=(prometheus)
[ ${#missing[@]} -eq 0 ] && exit 0
command -v apt-get >/dev/null || { echo "install-os-tools: no apt-get; missing: ${missing[*]}"; exit 1; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo -n"
echo "install-os-tools: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
