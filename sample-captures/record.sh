#!/usr/bin/env bash
# Re-records Saker's sample captures with saker-capture, for real, in a Pod-shaped sandbox.
#
#   sample-captures/record.sh [-o OUTDIR] [SCENARIO...]     (as root; default: every scenario, into
#                                                           the directory of this script)
#
# The sandbox is what a kubelet + containerd would make for one nginx Pod, built from parts every
# Debian machine has: a Debian root file system (debootstrap, cached outside the repository in
# $SAKER_SAMPLES_CACHE, default /var/cache/saker-samples), mounted as an overlay so each recording
# starts from the same pristine files; its own mount, pid, uts, ipc and network namespaces; a
# Kubernetes-style cgroup (kubepods.slice/.../cri-containerd-<id>.scope) in every cgroup hierarchy;
# and container metadata (name, image, io.kubernetes.* labels) handed to saker-capture. The Pod's
# network is a veth pair to a second namespace standing for "the rest of the world" (the attacker's
# listener, a client); nothing routes further, so name lookups and outside connections fail at once.
#
# `kubectl exec -it POD -- CMD` is reproduced as containerd's runc does it: a new process joins the
# container's cgroup, enters its namespaces and root, and starts CMD with a terminal. The entering
# program is util-linux's nsenter copied to /run/saker-samples/bin/runc, so the process tree recorded
# is the one a node shows: CMD's parent is `runc`.
#
# saker-capture records only the Pod's cgroup (--pod, found through the metadata), so nothing of this
# machine outside the sandbox (its processes, command lines, environment) gets into a capture. The ids
# are fixed, so every re-recording carries the same metadata.
set -euo pipefail

HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(dirname "$HERE")"
CACHE="${SAKER_SAMPLES_CACHE:-/var/cache/saker-samples}"
CAPTURE="${SAKER_CAPTURE:-$ROOT/capture-helper/target/native/saker-capture}"
MIRROR="${SAKER_SAMPLES_MIRROR:-http://deb.debian.org/debian}"
SUITE=bookworm
PACKAGES=nginx-light,curl,procps,ncat,ca-certificates,iproute2

# The Pod. Fixed, so re-recordings give the same metadata.
POD_NAME=nginx-7c5ddbdf54-q7rwm
POD_NAMESPACE=default
POD_UID=3f6d2c1e-8b4a-4c6e-9a57-2d1f0e7b9c41
CONTAINER_NAME=nginx
CONTAINER_IMAGE=docker.io/library/nginx:1.19   # the pod spec's nginx:1.19, as containerd names it
CONTAINER_ID=67c3ee1208176b9e27751e028804b52dca8ed5c4b3bc2e3f0be4a00e32c8772c
CGROUP="kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${POD_UID//-/_}.slice/cri-containerd-$CONTAINER_ID.scope"
POD_IP=10.244.0.17
GATEWAY_IP=10.244.0.1        # the other end of the Pod's veth
OUTSIDE_IP=198.51.100.7      # "the internet": the attacker's listener and the mining pool (TEST-NET-2)

SCENARIOS=(tutorial reverse-shell shadow-read persistence nsenter-escape miner benign)

log() { echo "record.sh: $*" >&2; }
die() { log "$*"; exit 1; }

usage() {
    echo "usage: record.sh [-o OUTDIR] [SCENARIO...]   scenarios: ${SCENARIOS[*]}" >&2
    exit 2
}

OUT="$HERE"
while getopts "o:h" opt; do
    case "$opt" in
        o) OUT="$OPTARG" ;;
        *) usage ;;
    esac
done
shift $((OPTIND - 1))
WANTED=("$@")
(( ${#WANTED[@]} )) || WANTED=("${SCENARIOS[@]}")
for s in "${WANTED[@]}"; do
    [[ " ${SCENARIOS[*]} " == *" $s "* ]] || { log "unknown scenario '$s'"; usage; }
done

[[ "$(id -u)" == 0 ]] || die "needs root (namespaces, cgroups, mounts and saker-capture's eBPF probes)"
for tool in unshare nsenter flock script ip mount pgrep; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found (Debian packages util-linux, bsdutils, iproute2, mount, procps)"
done
mkdir -p "$OUT" "$CACHE"
OUT="$(cd "$OUT" && pwd)"

# One recording at a time: the ids (and so the cgroup) are fixed.
exec 8>"$CACHE/record.lock"
flock 8

# --- the root file system, cached outside the repository -------------------------------------
ROOTFS="$CACHE/rootfs-$SUITE-$(echo "$PACKAGES" | sha256sum | cut -c1-12)"
if [[ ! -x "$ROOTFS/usr/sbin/nginx" ]]; then
    command -v debootstrap >/dev/null 2>&1 || die "debootstrap not found (Debian package debootstrap)"
    log "making the Debian root file system in $ROOTFS (debootstrap, about a minute)"
    rm -rf "$ROOTFS.tmp"
    debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$ROOTFS.tmp" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
        || die "debootstrap failed; see $CACHE/debootstrap.log"
    rm -f "$ROOTFS.tmp"/var/cache/apt/archives/*.deb
    mv "$ROOTFS.tmp" "$ROOTFS"
fi
# `runc`: nsenter under the name containerd's exec path shows (see the top of this file).
RUNC=/run/saker-samples/bin/runc
if [[ ! -x "$RUNC" ]] || ! cmp -s "$RUNC" "$(command -v nsenter)"; then
    mkdir -p "$(dirname "$RUNC")"
    cp "$(command -v nsenter)" "$RUNC"
fi
if [[ -z "${SAKER_CAPTURE:-}" ]]; then
    # make is incremental: this rebuilds only what changed since the last build
    make -s -C "$ROOT/capture-helper" >&2 || die "cannot build saker-capture (see capture-helper/Makefile)"
fi
[[ -x "$CAPTURE" ]] || die "no saker-capture at $CAPTURE"
# A stop by signal still takes the sandbox down (the EXIT trap of record_scenario).
trap 'exit 143' TERM
trap 'exit 130' INT

source "$HERE/sandbox.sh"
source "$HERE/scenarios.sh"

for s in "${WANTED[@]}"; do
    record_scenario "$s"
done
