#!/usr/bin/env bash
# Publishes the Native AOT executable for one runtime:  scripts/publish-aot.sh RID OUT_FILE
#   RID: linux-x64 (native here) or linux-arm64 (cross-compiled: installs clang/lld and the arm64 toolchain first).
# Warnings are errors, trim and AOT analysis included; the SDK picks the ILCompiler package.
set -euo pipefail
cd "$(dirname "$0")/.."
rid=${1:?usage: publish-aot.sh RID OUT_FILE}
out=${2:?usage: publish-aot.sh RID OUT_FILE}
case "$rid" in
  linux-x64) ;;
  linux-arm64) bash scripts/install-cross-tools.sh ;;
  *) echo "publish-aot: unsupported runtime $rid (linux-x64, linux-arm64)" >&2; exit 2 ;;
esac
work=$(mktemp -d /tmp/sshdoctor-aot.XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet publish src/SshDoctor -c Release -r "$rid" -o "$work" -nologo -v q >"$work.log" 2>&1 || { cat "$work.log" >&2; rm -f "$work.log"; exit 1; }
rm -f "$work.log"
mkdir -p "$(dirname "$out")"
install -m 0755 "$work/sshdoctor" "$out"
echo "publish-aot: $rid -> $out ($(( $(stat -c %s "$out") / 1024 )) KiB)"
