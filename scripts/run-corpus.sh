#!/usr/bin/env bash
# One command for a fresh Debian machine: install PCRE2's headers, build baoxun in release mode,
# and extract records from Corpus/ into out/ (or the folder given as the first argument).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! pkg-config --exists libpcre2-32 2>/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  $SUDO apt-get install -y libpcre2-dev pkg-config
fi
swift build -c release --product baoxun
.build/release/baoxun run Corpus --out "${1:-out}"
