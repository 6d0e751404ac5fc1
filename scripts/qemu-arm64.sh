#!/usr/bin/env bash
# Runs a linux-arm64 executable on this x64 host under qemu-user, with Debian's arm64 libc (multiarch, /lib/aarch64-linux-gnu).
#   scripts/qemu-arm64.sh BINARY [ARGS...]
# (The cross toolchain's /usr/aarch64-linux-gnu libc hangs the .NET runtime under qemu 7.2; the multiarch one does not.)
exec qemu-aarch64-static -L / "$@"
