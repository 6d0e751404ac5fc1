#!/usr/bin/env bash
# Proof that the cross-compiled linux-arm64 binary works, under qemu-user on this x64 host:
# the README's sample check, key inspect (fingerprint equal to ssh-keygen's), explain, and the lab's probe tests
# against the real sshd with the arm64 binary as the CLI under test.
#   scripts/test-arm64.sh ARM64_BINARY
set -uo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:?usage: test-arm64.sh ARM64_BINARY}")
bash scripts/install-cross-tools.sh || exit 1
file -b "$bin" | grep -q 'ARM aarch64' || { echo "test-arm64: $bin is not an arm64 executable"; exit 1; }
wrapper=$(mktemp /tmp/sshdoctor-arm64.XXXXXX)
trap 'rm -f "$wrapper"' EXIT
printf '#!/bin/sh\nexec qemu-aarch64-static -L / %s "$@"\n' "'$bin'" > "$wrapper"
chmod 755 "$wrapper"
fail=0
ok() { echo "arm64 ok:   $*"; }
bad() { echo "arm64 FAIL: $*"; fail=1; }

out=$("$wrapper" check --root samples/broken-volume --user ec2-user --key samples/keys/id_ed25519.pub --json --lang en); code=$?
if [ $code -eq 1 ] && grep -q '"USER_DENIED"' <<<"$out" && grep -q '"KEY_LINE_INVALID"' <<<"$out"; then ok "sample check (exit 1, USER_DENIED + KEY_LINE_INVALID)"; else bad "sample check exit $code: $out"; fi

want=$(ssh-keygen -l -f samples/keys/id_ed25519.pub | awk '{print $2}')
out=$("$wrapper" key inspect samples/keys/id_ed25519.pub --lang en); code=$?
if [ $code -eq 0 ] && grep -qF "$want" <<<"$out"; then ok "key inspect ($want)"; else bad "key inspect exit $code, want $want: $out"; fi

out=$("$wrapper" explain --json "Server refused our key" --lang en); code=$?
if [ $code -eq 0 ] && grep -q '"recognized": true' <<<"$out" && grep -q '"id": "KEY_NOT_AUTHORIZED"' <<<"$out"; then ok "explain (exit 0)"; else bad "explain exit $code: $out"; fi

out=$(echo "Permission denied (publickey)." | "$wrapper" explain - --lang en); code=$?
if [ $code -eq 0 ]; then ok "explain - (stdin)"; else bad "explain - exit $code: $out"; fi

# Probe against the lab's real sshd, through the arm64 binary (the lab's ProbeCli runs SSHDOCTOR_BIN). Left out:
# the one test that times the whole process (refused in under 3 s), which measures qemu, not the binary.
log=$(mktemp /tmp/sshdoctor-arm64-lab.XXXXXX)
SSHDOCTOR_BIN="$wrapper" dotnet test tests/SshDoctor.Lab -c Release --no-build -nologo \
  --filter 'FullyQualifiedName~SshDoctor.Lab.Probe.ProbeLabTests&FullyQualifiedName!~A_port_with_no_listener_is_refused_quickly' >"$log" 2>&1
code=$?
summary=$(grep -E '^(Passed!|Failed!)' "$log")
if [ $code -eq 0 ] && grep -q '^Passed!' <<<"$summary"; then ok "probe lab tests: $summary"; else bad "probe lab tests: $(grep -E '\[FAIL\]|Failed!' "$log" | head -20)"; fi
rm -f "$log"
exit $fail
