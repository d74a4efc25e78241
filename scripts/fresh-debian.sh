#!/usr/bin/env bash
# The fresh-machine tier of CI: the README's two commands on a clean Debian 12, so that a missing
# install step can never pass. It builds a minimal root with debootstrap (--variant=minbase, what
# a bare bookworm has and nothing the development machine happens to have), copies a clone of
# this checkout in, and runs
#   1. `./test -LE browser` as root, the checkout in /root (mode 0700, as a root user's home is), and
#   2. `./test -L 'cpu|gl'` as an ordinary user (uid 1000), the checkout in a 0700 home folder,
#      in a folder whose name has a space, after root's run installed the packages.
# Only downloaded packages are kept between runs (PSOAS_PACKAGE_CACHE); the root and both build
# trees are made anew every run, their compilers reading this machine's ccache (below). Needs
# root (debootstrap, chroot, mounts) and the machine's apt sources; the root is made where
# PSOAS_FRESH_DIR says (default /var/tmp/psoas-atlas-fresh). Cost here (2 cores, session 16):
# ~1 min to bootstrap, 7 min as root (install, build from ccache, tests), 4.5 min as the user.
set -euo pipefail
cd "$(dirname "$0")/.."
source=$PWD

[[ $(id -u) -eq 0 ]] || { echo "error: scripts/fresh-debian.sh needs root (debootstrap, chroot, mount)" >&2; exit 1; }
work=${PSOAS_FRESH_DIR:-/var/tmp/psoas-atlas-fresh}
cache=${PSOAS_PACKAGE_CACHE:-/var/cache/psoas-atlas-ci}
root=$work/root
say() { echo "fresh-debian: $*"; }
timings=()
phase_start=$SECONDS
phase_done() { timings+=("$1: $((SECONDS - phase_start)) s"); say "$1 took $((SECONDS - phase_start)) s"; phase_start=$SECONDS; }

command -v debootstrap >/dev/null || {
  say "installing debootstrap on this machine"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
}
[[ -n "$(git status --porcelain --untracked-files=no)" ]] && say "note: uncommitted changes are not tested; the clone takes what is committed"

# The Debian archive this machine's apt already uses (no host is written into this script).
mirror=$(apt-get indextargets --format '$(REPO_URI)' 'Codename: bookworm' | head -n 1)
[[ -n "$mirror" ]] || { echo "error: this machine's apt has no Debian 12 (bookworm) source to bootstrap from" >&2; exit 1; }

# A root left by an interrupted run may still hold mounts: each run mounts in its own namespace,
# so they went with it, and the folder can go.
rm -rf "$work"
mkdir -p "$work" "$cache/debootstrap" "$cache/apt/partial"
say "bootstrapping a minimal Debian 12 in $root"
debootstrap --variant=minbase --cache-dir="$cache/debootstrap" bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
  { tail -n 20 "$work/debootstrap.log" >&2; echo "error: debootstrap failed (log: $work/debootstrap.log)" >&2; exit 1; }
# apt inside sees the same archives as apt here (updates and security included), as a newly
# installed Debian 12 does; its package cache is the kept one.
rm -f "$root"/etc/apt/sources.list
cp -a /etc/apt/sources.list* "$root"/etc/apt/ 2>/dev/null || true
cp -a /etc/apt/apt.conf.d/. "$root"/etc/apt/apt.conf.d/
cp /etc/resolv.conf "$root"/etc/resolv.conf
# An ordinary user, as a newcomer is: home folder 0700, checkout path with a space in it.
chroot "$root" useradd --create-home --uid 1000 --shell /bin/bash student
chmod 0700 "$root"/home/student "$root"/root
git clone --quiet --no-hardlinks "$source" "$root"/root/psoas-atlas
git clone --quiet --no-hardlinks "$source" "$root/home/student/Psoas Atlas"
chroot "$root" chown -R student:student "/home/student/Psoas Atlas"
# CI's copy of shared/ sits beside the checkout; the tests do not need it, and a newcomer has none.
phase_done "bootstrap"

# The compiled objects of this machine's builds (ccache; ./test ran just before in CI): the root's
# builds take them instead of compiling the same sources again, which took two thirds of this
# check's time. It checks no less: an object is taken only when the compiler, its options and every
# header it read are the same (a header missing in the root is a miss, then the compiler's error),
# and linking, the install step and every test run as on a machine without them. Empty when this
# machine has no ccache.
objects=""
command -v ccache >/dev/null && objects=$(ccache --get-config cache_dir) && mkdir -p "$objects"
mkdir -p "$root/var/cache/host-objects"

# Runs a command in the root as HOME's owner, in a private mount namespace: the mounts vanish with
# it, whatever happens. Usage: inside HOME UID COMMAND...
inside() {
  local uid=$2 ccache_env=()
  if [[ -n "$objects" ]]; then
    ccache_env=(CCACHE_DIR=/var/cache/host-objects)
    # The user only reads them: the files are root's. Its temporary files go to the root's /tmp.
    [[ $uid -ne 0 ]] && ccache_env+=(CCACHE_READONLY=1 CCACHE_NOSTATS=1 CCACHE_TEMPDIR=/tmp)
  fi
  unshare --mount -- bash -c '
    set -e
    root=$1 cache=$2 objects=$3 home=$4 uid=$5 nenv=$6; shift 6
    envs=("${@:1:$nenv}"); shift "$nenv"
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount -t tmpfs tmpfs "$root/tmp" -o mode=1777
    mount --bind "$cache/apt" "$root/var/cache/apt/archives"  # the downloads kept between runs
    [[ -z "$objects" ]] || mount --bind "$objects" "$root/var/cache/host-objects"
    chroot "$root" chown _apt:root /var/cache/apt/archives/partial  # apt downloads as _apt
    exec chroot "$root" /usr/bin/setpriv --reuid="$uid" --regid="$uid" --init-groups \
      /usr/bin/env -i HOME="$home" PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 CI=true "${envs[@]}" "$@"
  ' inside "$root" "$cache" "$objects" "$1" "$uid" "${#ccache_env[@]}" "${ccache_env[@]}" "${@:3}"
}
# The lines worth seeing as it goes; the whole log stays in a file.
progress() { tee "$1" | { grep -E --line-buffered '^install-deps:|tests passed|tests failed|\*\*\*|Failed|^error' || true; }; }

# Not the browser tier: its clean build of Debian's library sources for WebAssembly takes ~13 min on
# two cores; it runs in CI's first ./test, on the fresh clone.
say "as root: ./test -LE browser in /root/psoas-atlas (installs the packages, builds, runs the CPU and GL tiers)"
if ! inside /root 0 bash -c 'cd /root/psoas-atlas && ./test -LE browser' 2>&1 | progress "$work/root-test.log"; then
  tail -n 60 "$work/root-test.log" >&2
  echo "error: ./test as root on a fresh Debian 12 failed (log: $work/root-test.log)" >&2
  exit 1
fi
phase_done "root: install, build and ./test"

say "as an ordinary user (uid 1000): ./test -L 'cpu|gl' in '/home/student/Psoas Atlas'"
if ! inside /home/student 1000 bash -c 'cd "/home/student/Psoas Atlas" && ./test -L "cpu|gl"' 2>&1 | progress "$work/user-test.log"; then
  tail -n 60 "$work/user-test.log" >&2
  echo "error: ./test as an ordinary user on a fresh Debian 12 failed (log: $work/user-test.log)" >&2
  exit 1
fi
phase_done "user: build and ./test -L 'cpu|gl'"

say "passed: ${timings[*]}"
rm -rf "$work"
