#!/usr/bin/env bash
# Installs what the tests need (the real OpenSSH server and client, PuTTY's tools, openssl, shellcheck, zsh, fish) from Debian's
# packages when they are missing. Never starts the sshd service.
set -euo pipefail
missing=()
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
{ [ -x /usr/bin/ssh ] && [ -x /usr/bin/ssh-keygen ]; } || missing+=(openssh-client)
command -v puttygen >/dev/null 2>&1 || missing+=(putty-tools)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
command -v nft >/dev/null 2>&1 || missing+=(nftables)          # probe --trace lab: packets dropped in a network namespace
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)   # userdata's script must pass shellcheck -s sh
[ -x /usr/bin/ansible-playbook ] || missing+=(ansible)              # the Ansible pre-flight is tested with Debian's ansible
[ -x /usr/sbin/ip ] || missing+=(iproute2)                          # lab hosts in their own network namespaces
command -v zsh >/dev/null 2>&1 || missing+=(zsh)                  # the generated completion scripts must load
command -v fish >/dev/null 2>&1 || missing+=(fish)
command -v cloud-init >/dev/null 2>&1 || missing+=(cloud-init)    # the EC2 emulator boots user data with cloud-init's own MIME handling and fingerprint table
command -v setfacl >/dev/null 2>&1 || missing+=(acl)                # lab: POSIX ACLs on homes and authorized_keys
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "install-lab-tools: need root to install: ${missing[*]}" >&2
  exit 1
fi
echo "install-lab-tools: installing ${missing[*]}"
# Keep package scripts from starting the ssh service on this machine.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && created_policy=1
fi
trap '[ "$created_policy" = 1 ] && rm -f "$policy"' EXIT
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
