#!/usr/bin/env bash
# Installs the `dotnet tool` package from a local feed (DIR, default artifacts/) into a temp tool path, and runs it.
#   scripts/test-tool-package.sh [DIR]
set -uo pipefail
cd "$(dirname "$0")/.."
feed=$(realpath "${1:-artifacts}")
ls "$feed"/sshdoctor.*.nupkg >/dev/null 2>&1 || { echo "tool package: no sshdoctor.*.nupkg in $feed"; exit 1; }
tools=$(mktemp -d /tmp/sshdoctor-tool.XXXXXX)
trap 'rm -rf "$tools"' EXIT
# --tool-path is `-g` into a throwaway directory: the same install, without touching ~/.dotnet/tools.
dotnet tool install sshdoctor --add-source "$feed" --tool-path "$tools" >/dev/null || { echo "tool package: install failed"; exit 1; }
out=$("$tools/sshdoctor" check --root samples/broken-volume --user ec2-user --key samples/keys/id_ed25519.pub --json --lang en); code=$?
if [ $code -eq 1 ] && grep -q '"USER_DENIED"' <<<"$out"; then
  echo "tool package: installed from $feed and ran (sample check exit 1, USER_DENIED)"
else
  echo "tool package: the installed tool answered exit $code: $out"; exit 1
fi
