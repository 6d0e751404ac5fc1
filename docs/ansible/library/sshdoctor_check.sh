#!/bin/sh
# WANT_JSON
# Ansible module wrapper: runs the sshdoctor installed on the managed host with Ansible's JSON arguments file.
# (Or copy the sshdoctor binary itself to library/sshdoctor_check and remove this file: Ansible then ships the
# binary to each host as a binary module.)
set -eu
for exe in "${SSHDOCTOR:-}" /usr/local/bin/sshdoctor /usr/bin/sshdoctor; do
  if [ -n "$exe" ] && [ -x "$exe" ]; then exec "$exe" ansible-module "$1"; fi
done
printf '{"changed": false, "failed": true, "msg": "sshdoctor is not installed on this host (looked for $SSHDOCTOR, /usr/local/bin/sshdoctor, /usr/bin/sshdoctor)"}\n'
exit 1
