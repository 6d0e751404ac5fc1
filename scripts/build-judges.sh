#!/usr/bin/env bash
# Builds the lab's five sshd judges once and caches them OUTSIDE the clone, so every CI run on this machine
# reuses them and a run on a new machine builds them:
#   bookworm         the machine's own /usr/sbin/sshd (Debian 12, OpenSSH 9.2p1): nothing to build, checked only
#   bullseye         Debian 11's openssh-server (8.4p1) in a minimal chroot (mmdebstrap --variant=apt)
#   trixie           Debian 13's openssh-server (10.0p1) in a minimal chroot
#   upstream-9.2p1   OpenSSH portable 9.2p1 from Debian's orig tarball, no Debian patches (stands in for RHEL/Amazon Linux)
#   upstream-10.0p1  the same for 10.0p1
# Usage: scripts/build-judges.sh [NAME...]   (default: all five)
# Cache: $SSHDOCTOR_JUDGES_DIR (default /var/cache/sshdoctor/judges)/NAME, each with a stamp file judge.env
# written last. Idempotent: a judge whose stamp matches this recipe is not rebuilt. A judge that cannot be built
# fails the run with a message. The machine's apt configuration is never changed: Debian sources are fetched
# through a private apt configuration in a temporary directory.
set -euo pipefail
# A recipe number per kind of judge: raising one rebuilds only those judges.
RECIPE_HOST=1
RECIPE_CHROOT=2   # 2: login too (trixie's minimal chroot lacks /usr/sbin/nologin, which every real install has)
RECIPE_UPSTREAM=1
CACHE="${SSHDOCTOR_JUDGES_DIR:-/var/cache/sshdoctor/judges}"
MIRROR="${SSHDOCTOR_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
ALL=(bookworm bullseye trixie upstream-9.2p1 upstream-10.0p1)
names=("$@"); [ ${#names[@]} -gt 0 ] || names=("${ALL[@]}")

die() { echo "build-judges: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "needs root (chroots, privilege-separation directories)"

need_packages() { # installs build tools from the machine's Debian packages when missing
  local missing=() p
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "build-judges: installing ${missing[*]}"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
    die "cannot install ${missing[*]}"
  fi
}

recipe_of() { case "$1" in bookworm) echo "$RECIPE_HOST" ;; upstream-*) echo "$RECIPE_UPSTREAM" ;; *) echo "$RECIPE_CHROOT" ;; esac; }

stamp_ok() { [ -f "$CACHE/$1/judge.env" ] && grep -qx "RECIPE=$(recipe_of "$1")" "$CACHE/$1/judge.env"; }

write_stamp() { # NAME KIND VERSION ROOT SSHD SECONDS
  printf 'RECIPE=%s\nNAME=%s\nKIND=%s\nVERSION=%s\nROOT=%s\nSSHD=%s\nBUILD_SECONDS=%s\n' "$(recipe_of "$1")" "$1" "$2" "$3" "$4" "$5" "$6" \
    > "$CACHE/$1/judge.env.tmp" && mv "$CACHE/$1/judge.env.tmp" "$CACHE/$1/judge.env"
}

build_host() {
  [ -x /usr/sbin/sshd ] || die "bookworm: /usr/sbin/sshd is missing (scripts/install-lab-tools.sh installs openssh-server)"
  local v; v=$(dpkg-query -W -f='${Version}' openssh-server 2>/dev/null) || die "bookworm: openssh-server is not a Debian package here"
  case "$v" in *:9.2p1-*) ;; *) die "bookworm: the machine's openssh-server is $v, not Debian 12's 9.2p1" ;; esac
  mkdir -p "$CACHE/bookworm"
  write_stamp bookworm host 9.2p1 / /usr/sbin/sshd 0
}

build_chroot() { # NAME SUITE
  local name=$1 suite=$2 dir="$CACHE/$1" start=$SECONDS
  need_packages mmdebstrap debian-archive-keyring
  rm -rf "$dir.build" && mkdir -p "$dir.build"
  echo "build-judges: $name: mmdebstrap --variant=apt --include=openssh-server,login $suite (about 2 minutes)"
  mmdebstrap --quiet --variant=apt --include=openssh-server,login --keyring="$KEYRING" "$suite" "$dir.build/root" "$MIRROR" \
    > "$dir.build/mmdebstrap.log" 2>&1 || { tail -n 20 "$dir.build/mmdebstrap.log" >&2; die "$name: mmdebstrap $suite failed"; }
  local sshd="$dir.build/root/usr/sbin/sshd"
  [ -x "$sshd" ] || die "$name: the chroot has no /usr/sbin/sshd"
  [ -x "$dir.build/root/usr/sbin/nologin" ] || die "$name: the chroot has no /usr/sbin/nologin"
  local v; v=$(sed -n '/^Package: openssh-server$/,/^$/s/^Version: //p' "$dir.build/root/var/lib/dpkg/status")
  v=${v#*:}; v=${v%%-*}
  [ -n "$v" ] || die "$name: no openssh-server version in the chroot's dpkg status"
  rm -rf "$dir" && mv "$dir.build" "$dir"
  write_stamp "$name" chroot "$v" "$dir/root" /usr/sbin/sshd $((SECONDS - start))
}

fetch_orig() { # SUITE DEST -> path of the orig tarball, via a private apt configuration
  local suite=$1 dest=$2 apt
  apt=$(mktemp -d /tmp/sshdoctor-apt.XXXXXX)
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/parts" "$apt/prefs.d"
  echo "deb-src [signed-by=$KEYRING] $MIRROR $suite main" > "$apt/sources.list"
  local opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=$apt/parts"
    -o "Dir::Etc::PreferencesParts=$apt/prefs.d" -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache"
    -o "APT::Sandbox::User=root" -o "Debug::NoLocking=1")
  apt-get -qq "${opts[@]}" update >"$dest/apt.log" 2>&1 || { rm -rf "$apt"; tail -n 20 "$dest/apt.log" >&2; return 1; }
  (cd "$dest" && apt-get -qq "${opts[@]}" source --download-only "openssh/$suite") >>"$dest/apt.log" 2>&1 \
    || { rm -rf "$apt"; tail -n 20 "$dest/apt.log" >&2; return 1; }
  rm -rf "$apt"
}

build_upstream() { # NAME SUITE VERSION
  local name=$1 suite=$2 version=$3 dir="$CACHE/$1" start=$SECONDS
  need_packages build-essential libssl-dev zlib1g-dev libpam0g-dev debian-archive-keyring
  rm -rf "$dir.build" && mkdir -p "$dir.build/src"
  echo "build-judges: $name: orig tarball of openssh/$suite, ./configure --with-pam, make (2-3 minutes)"
  fetch_orig "$suite" "$dir.build/src" || die "$name: cannot fetch openssh/$suite's sources from $MIRROR"
  local tarball="$dir.build/src/openssh_$version.orig.tar.gz"
  [ -f "$tarball" ] || die "$name: openssh/$suite is not $version (no $(basename "$tarball"))"
  tar -xzf "$tarball" -C "$dir.build/src"
  local src="$dir.build/src/openssh-$version" prefix="$dir"
  # The privilege-separation directory must be root-owned and not writable by others; sshd-session and
  # sshd-auth (9.8+, 10.0+) land in $prefix/libexec, where this sshd looks for them.
  (cd "$src" && ./configure --prefix="$prefix" --sysconfdir="$prefix/etc" --with-pam --with-privsep-user=sshd \
      --with-privsep-path="$prefix/var/empty" --with-pid-dir=/run --without-zlib-version-check >"$dir.build/configure.log" 2>&1) \
    || { tail -n 20 "$dir.build/configure.log" >&2; die "$name: configure failed"; }
  (cd "$src" && make -j"$(nproc)" >"$dir.build/make.log" 2>&1) || { tail -n 20 "$dir.build/make.log" >&2; die "$name: make failed"; }
  mkdir -p "$dir.build/out/sbin" "$dir.build/out/libexec" "$dir.build/out/var/empty" "$dir.build/out/etc"
  install -m 0755 "$src/sshd" "$dir.build/out/sbin/sshd"
  local helper
  for helper in sshd-session sshd-auth; do
    [ -f "$src/$helper" ] && install -m 0755 "$src/$helper" "$dir.build/out/libexec/$helper"
  done
  chmod 0755 "$dir.build/out/var/empty"
  finish_upstream "$name" "$version" $((SECONDS - start))
}

finish_upstream() { # NAME VERSION SECONDS: checks the built sshd, moves it in place, writes the stamp
  local name=$1 version=$2 dir="$CACHE/$1" reported
  # `sshd -V` prints "OpenSSH_9.2, OpenSSL …" for 9.2 and "OpenSSH_10.0p2, OpenSSL …" for Debian's 10.0p1 tarball
  # (the portable release it packages is 10.0p2): the major.minor must match; the stamp keeps what sshd reports.
  reported=$("$dir.build/out/sbin/sshd" -V 2>&1 | sed -n 's/^OpenSSH_\([^,]*\),.*/\1/p')
  case "$reported" in "${version%p*}" | "${version%p*}"p*) ;; *) die "$name: the built sshd reports '${reported}', not OpenSSH ${version%p*}" ;; esac
  rm -rf "$dir" && mv "$dir.build/out" "$dir"
  mkdir -p "$dir/build" && mv "$dir.build"/*.log "$dir/build/" && rm -rf "$dir.build"
  [[ "$reported" == *p* ]] && version=$reported
  write_stamp "$name" upstream "$version" "$dir" "$dir/sbin/sshd" "$3"
}

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9 # two runs on one machine build each judge once
for name in "${names[@]}"; do
  if stamp_ok "$name"; then echo "build-judges: $name: cached ($(grep '^VERSION=' "$CACHE/$name/judge.env" | cut -d= -f2))"; continue; fi
  case "$name" in
    bookworm) build_host ;;
    bullseye) build_chroot bullseye bullseye ;;
    trixie) build_chroot trixie trixie ;;
    upstream-9.2p1) build_upstream upstream-9.2p1 bookworm 9.2p1 ;;
    upstream-10.0p1) build_upstream upstream-10.0p1 trixie 10.0p1 ;;
    *) die "unknown judge '$name' (known: ${ALL[*]})" ;;
  esac
  echo "build-judges: $name: built ($(grep '^VERSION=' "$CACHE/$name/judge.env" | cut -d= -f2), $(grep '^BUILD_SECONDS=' "$CACHE/$name/judge.env" | cut -d= -f2) s)"
done
