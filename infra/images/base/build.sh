#!/usr/bin/env bash
# Builds the local base image (default paas/base:bookworm) from Debian's mirror with debootstrap, no registry needed.
# Usage: build.sh IMAGE MIRROR [SECURITY_MIRROR] [LABEL=VALUE ...]
set -euo pipefail

image=${1:?usage: build.sh IMAGE MIRROR [SECURITY_MIRROR] [LABEL=VALUE ...]}
mirror=${2:?usage: build.sh IMAGE MIRROR [SECURITY_MIRROR] [LABEL=VALUE ...]}
security=${3:-}
shift 3 2>/dev/null || shift $#
suite=bookworm

work=$(mktemp -d "${TMPDIR:-/tmp}/paas-base.XXXXXX")
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"

echo "debootstrap --variant=minbase $suite from $mirror (about 30 s)"
debootstrap --variant=minbase --include=ca-certificates,curl "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 || {
  tail -n 30 "$work/debootstrap.log" >&2
  echo "debootstrap failed (log above)" >&2
  exit 1
}

# apt sources inside the image: the same mirror the host uses.
{
  echo "deb $mirror $suite main"
  echo "deb $mirror $suite-updates main"
  if [[ -n $security ]]; then echo "deb $security $suite-security main"; fi
} >"$root/etc/apt/sources.list"

# Container tweaks (as Docker's own debootstrap image script does): no service starts during apt installs,
# no docs/man/locales in later installs either, no recommends, no package caches left in layers.
cat >"$root/usr/sbin/policy-rc.d" <<'POLICY'
#!/bin/sh
exit 101
POLICY
chmod 755 "$root/usr/sbin/policy-rc.d"
cat >"$root/etc/dpkg/dpkg.cfg.d/90-paas-nodoc" <<'DPKG'
path-exclude=/usr/share/doc/*
path-include=/usr/share/doc/*/copyright
path-exclude=/usr/share/man/*
path-exclude=/usr/share/info/*
path-exclude=/usr/share/locale/*
path-include=/usr/share/locale/locale.alias
path-exclude=/usr/share/lintian/*
DPKG
echo 'force-unsafe-io' >"$root/etc/dpkg/dpkg.cfg.d/90-paas-unsafe-io"
cat >"$root/etc/apt/apt.conf.d/90-paas" <<'APT'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
Acquire::Languages "none";
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
APT

# Trim.
find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/lintian/*
find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} + 2>/dev/null || true
rm -rf "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/var/log/*.log \
  "$root"/var/cache/debconf/*-old "$root"/tmp/* "$root"/root/.bash_history
# /etc/hostname, /etc/hosts and /etc/resolv.conf are managed by Docker.
: >"$root/etc/hostname"; rm -f "$root/etc/resolv.conf"

changes=(--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  --change 'ENV LANG=C.UTF-8'
  --change 'CMD ["bash"]')
for label in "$@"; do changes+=(--change "LABEL $label"); done

echo "docker import -> $image ($(du -sh "$root" | cut -f1) root filesystem)"
tar --numeric-owner -C "$root" -c . | docker import "${changes[@]}" - "$image" >/dev/null
