#!/usr/bin/env bash
# Byte-for-byte comparison of two sshdoctor binaries on the same inputs: stdout, stderr and exit code of `check`
# (one user, --all-users, with and without --key and --from, text, --json, --format jsonl, --show-config, --lang,
# --candidate) on every tree under samples/ and on the given extra trees (e.g. the 2,000-user bench root); then
# --help of every command in every language, explain, the key commands, userdata, completion, man and usage errors.
#   scripts/compare-outputs.sh BASE_BINARY NEW_BINARY [TREE...]
# Prints one line per difference and exits 1 when any output differs.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
export LANG=C.UTF-8
base=${1:?usage: compare-outputs.sh BASE NEW [TREE...]}
new=${2:?usage: compare-outputs.sh BASE NEW [TREE...]}
shift 2
work=$(mktemp -d /tmp/sshdoctor-compare.XXXXXX)
trap 'rm -rf "$work"' EXIT
key=samples/keys/id_ed25519.pub
rsa=samples/keys/id_rsa.pub
printf 'PasswordAuthentication no\nMatch User ec2-user,user1*\n    PubkeyAuthentication no\n' >"$work/hardening.conf"
cases=0 diffs=0

compare() { # args... (the same for both binaries)
  cases=$((cases + 1))
  "$base" "$@" >"$work/b.out" 2>"$work/b.err" </dev/null; local rb=$?
  "$new" "$@" >"$work/n.out" 2>"$work/n.err" </dev/null; local rn=$?
  if [ $rb -ne $rn ] || ! cmp -s "$work/b.out" "$work/n.out" || ! cmp -s "$work/b.err" "$work/n.err"; then
    diffs=$((diffs + 1))
    echo "DIFFERS (exit $rb vs $rn): $*"
    diff "$work/b.out" "$work/n.out" | head -5
    diff "$work/b.err" "$work/n.err" | head -5
  fi
}

users_of() { # a tree's accounts with a login shell, at most 6
  awk -F: '$7 !~ /(nologin|false)$/ {print $1}' "$1/etc/passwd" | head -6
}

trees=()
for t in samples/*/; do [ -f "$t/etc/passwd" ] && trees+=("${t%/}"); done
trees+=("$@")
for t in "${trees[@]}"; do
  tkey=$key
  [ -f "$t/bench-key.pub" ] && tkey="$t/bench-key.pub"
  for fmt in "" "--json" "--format jsonl"; do
    # shellcheck disable=SC2086
    {
      compare check --root "$t" --all-users $fmt
      compare check --root "$t" --all-users --key "$tkey" $fmt
      compare check --root "$t" --all-users --key "$rsa" --from 203.0.113.7 $fmt
      compare check --root "$t" --all-users --show-config $fmt
      compare check --root "$t" --all-users --key "$tkey" --candidate "$work/hardening.conf" $fmt
    }
  done
  compare check --root "$t" --all-users --key "$tkey" --lang fr
  compare check --root "$t" --all-users --json --lang ja
  compare check --root "$t" --key "$tkey" --json
  for u in $(users_of "$t") user7 user13 nosuchuser; do
    compare check --root "$t" --user "$u" --key "$tkey" --json
    compare check --root "$t" --user "$u" --key "$tkey"
    compare check --root "$t" --user "$u" --show-config --json
  done
done
for lang in en fr pt ko ja; do
  compare check --root samples/broken-volume --user ec2-user --key "$key" --lang $lang
  compare check --root samples/broken-volume --user ec2-user --show-config --lang $lang
  compare --help --lang $lang
  for c in check fix undo probe knownhosts userdata ec2 "ec2 fix" "ec2 undo" ssm "ssm compliance" "ssm parameter" explain logs \
           key "key inspect" "key public" "key convert" report ansible-module completion man; do
    # shellcheck disable=SC2086
    compare $c --help --lang $lang
  done
  compare explain "Server refused our key" --lang $lang
  compare check --lang $lang
  compare check --root /nonexistent-compare --user ec2-user --lang $lang --json
done
compare --version
compare
compare -h
compare --lang ja
compare --version check
compare check --version
compare explain --id AUTHKEYS_MODE
compare explain "Permission denied (publickey)." --json
compare key inspect samples/keys/id_ed25519
compare key inspect samples/keys/id_ed25519.pub --json
compare key inspect samples/keys/id_rsa.pub
compare key public samples/keys/id_ed25519
compare key
compare key bogus samples/keys/id_ed25519
compare ssm
compare check --root
compare check --bogus
compare chek --root samples/broken-volume
compare check --root samples/broken-volume --user ec2-user --all-users
compare check --root samples/broken-volume --user ec2-user --from not-an-ip --json
compare check --root samples/broken-volume --user ec2-user --format xml
compare --lang fr check --root samples/broken-volume
compare completion bash
compare completion zsh
compare man
compare userdata --user ec2-user --key "$key"
echo "compare-outputs: $cases cases, $diffs differ (base $base, new $new)"
[ $diffs -eq 0 ]
