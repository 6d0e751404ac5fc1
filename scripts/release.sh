#!/usr/bin/env bash
# Builds what a release ships, into artifacts/ (or DIR):
#   sshdoctor-linux-x64, sshdoctor-linux-arm64   Native AOT executables (the arm64 one cross-compiled here)
#   sshdoctor.<version>.nupkg                    the `dotnet tool` package (framework-dependent, for hosts with .NET)
#   SHA256SUMS                                   sha256sum of the three, checkable with `sha256sum -c SHA256SUMS`
#   scripts/release.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-artifacts}
mkdir -p "$dir"
dir=$(realpath "$dir")
rm -f "$dir"/sshdoctor-linux-* "$dir"/sshdoctor.*.nupkg "$dir/SHA256SUMS"
for rid in linux-x64 linux-arm64; do
  bash scripts/publish-aot.sh "$rid" "$dir/sshdoctor-$rid"
done
dotnet pack src/SshDoctor -c Release -p:PackAsTool=true -o "$dir" -nologo -v q >/dev/null
(cd "$dir" && sha256sum sshdoctor-linux-x64 sshdoctor-linux-arm64 sshdoctor.*.nupkg > SHA256SUMS)
echo "release: $dir"
(cd "$dir" && ls -l sshdoctor-linux-x64 sshdoctor-linux-arm64 sshdoctor.*.nupkg && cat SHA256SUMS)
