#!/usr/bin/env bash
# The system programs the test suite drives for real: Debian's Chromium (browser tests) and
# redis-server (scale-out tests). Installed when missing and this user may; otherwise it says what
# to install. Runs before `npm test` and in `.ci/run`.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing for the tests: ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "the tests need: ${need[*]} (Debian: sudo apt-get install -y ${need[*]})" >&2
  exit 1
fi
