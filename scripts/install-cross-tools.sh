#!/usr/bin/env bash
# Installs what the linux-arm64 Native AOT cross build and its proof need on an x64 Debian host, when missing:
# clang and lld (the linker the SDK drives), Debian's aarch64 cross toolchain (its gcc-cross runtime files and
# the arm64 libc under /usr/aarch64-linux-gnu, which clang finds for --target=aarch64-linux-gnu), Debian's own
# arm64 libc by multiarch (what qemu runs the binary with) and
# qemu-user-static to run the result. Idempotent; needs root only when something is missing.
set -euo pipefail
missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
command -v ld.lld >/dev/null 2>&1 || missing+=(lld)
command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || missing+=(gcc-aarch64-linux-gnu)
[ -e /lib/ld-linux-aarch64.so.1 ] && [ -e /usr/lib/aarch64-linux-gnu/libz.so ] || missing+=(libc6:arm64 zlib1g-dev:arm64)   # the libc qemu runs arm64 binaries with
command -v qemu-aarch64-static >/dev/null 2>&1 || missing+=(qemu-user-static)
command -v file >/dev/null 2>&1 || missing+=(file)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "install-cross-tools: need root to install: ${missing[*]}" >&2
  exit 1
fi
echo "install-cross-tools: installing ${missing[*]}"
dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
