#!/usr/bin/env bash
# Runs two sshdoctor binaries over the same command lines and reports any difference in stdout, stderr or exit code:
# check on the samples and a generated root (text and JSON), --help of every command in every language, explain,
# key commands on samples/keys, and usage errors.   scripts/diff-outputs.sh BASE NEW TREE
# (TREE: a root made by `dotnet run --project bench/SshDoctor.Bench -c Release -- generate TREE 2000`)
set -uo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: diff-outputs.sh BASE NEW TREE} new=${2:?} tree=${3:?}
out=$(mktemp -d /tmp/sshdoctor-diff.XXXXXX)
trap 'rm -rf "$out"' EXIT
cases=()
add() { cases+=("$(printf '%q ' "$@")"); }
key=samples/keys/id_ed25519.pub
for fmt in "--json" "" "--format jsonl"; do
  add check --root samples/broken-volume --user ec2-user --key $key $fmt
  add check --root samples/broken-volume --all-users $fmt
  add check --root samples/ubuntu-24.04-wrong-user --user ec2-user --key $key $fmt
  add check --root samples/al2023-shared-ami --all-users --key samples/keys/id_rsa.pub $fmt
  add check --root "$tree" --user user7 --key "$tree/bench-key.pub" $fmt
  add check --root "$tree" --all-users --key "$tree/bench-key.pub" $fmt
done
for lang in en fr pt ko ja; do
  add check --root samples/broken-volume --user ec2-user --key $key --lang $lang
  add check --root samples/broken-volume --user ec2-user --show-config --lang $lang
  add --help --lang $lang
  for c in check fix undo probe knownhosts userdata ec2 "ec2 fix" "ec2 undo" ssm "ssm compliance" "ssm parameter" explain logs \
           key "key inspect" "key public" "key convert" report ansible-module completion man; do
    # shellcheck disable=SC2086
    add $c --help --lang $lang
  done
  add explain "Server refused our key" --lang $lang
  add check --lang $lang
  add check --root /nonexistent-rss --user ec2-user --lang $lang --json
done
add --version
add
add -h
add explain --id AUTHKEYS_MODE
add explain "Permission denied (publickey)." --json
add key inspect samples/keys/id_ed25519
add key inspect samples/keys/id_ed25519.pub --json
add key inspect samples/keys/id_rsa.pub
add key public samples/keys/id_ed25519
add check --root
add check --bogus
add chek --root samples/broken-volume
add check --root samples/broken-volume --user ec2-user --all-users
add check --root samples/broken-volume --user ec2-user --from not-an-ip --json
add check --root samples/broken-volume --user ec2-user --format xml
add check --root samples/broken-volume --user nosuchuser --json
add --lang fr check --root samples/broken-volume
add --version check
add check --version
add key
add key bogus samples/keys/id_ed25519
add ssm
add --lang ja
add completion bash
add completion zsh
add man
add userdata --user ec2-user --key $key
differ=0
for i in "${!cases[@]}"; do
  eval "set -- ${cases[$i]}"
  LANG=C.UTF-8 "$base" "$@" >"$out/b.out" 2>"$out/b.err" </dev/null; bc=$?
  LANG=C.UTF-8 "$new" "$@" >"$out/n.out" 2>"$out/n.err" </dev/null; nc=$?
  if [ $bc != $nc ] || ! cmp -s "$out/b.out" "$out/n.out" || ! cmp -s "$out/b.err" "$out/n.err"; then
    differ=$((differ + 1)); echo "DIFFERS: ${cases[$i]} (exit $bc vs $nc)"
    diff "$out/b.out" "$out/n.out" | head -5; diff "$out/b.err" "$out/n.err" | head -5
  fi
done
echo "diff-outputs: ${#cases[@]} command lines, $differ differ"
[ $differ = 0 ]
