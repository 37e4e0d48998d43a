#!/usr/bin/env bash
# The one test command: installs the Debian packages the tests need (when root), then runs every
# module's tests. Extra arguments go to Maven, e.g. scripts/test.sh -pl analysis -Dtest=ArchitectureTest
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"

# What the tests need, in one place: "debian-package|check". The check is a shell command that
# succeeds when the thing is usable; an empty check means "dpkg says the package is installed".
# A command check (rather than dpkg) lets a JDK or Maven installed some other way count.
REQUIREMENTS=(
    "openjdk-17-jdk-headless|javac -version"
    "maven|mvn -v"
    "sysdig|sysdig --version"   # the oracle the conformance tests compare against
    # saker-capture (capture-helper/, bpf/): the eBPF program and its C user space
    "make|make --version"
    "clang|clang --version"
    "llvm|command -v llvm-strip || ls /usr/bin/llvm-strip-*"
    "bpftool|command -v bpftool || test -x /usr/sbin/bpftool"
    "libbpf-dev|test -f /usr/include/bpf/libbpf.h"
    "zlib1g-dev|test -f /usr/include/zlib.h"
    "libelf-dev|test -f /usr/include/libelf.h"
    "util-linux|command -v setpriv && command -v unshare"   # the workload's setuid step; the Pod test's namespaces
    "strace|command -v strace"        # the capture workload's ptrace step
    "perl-base|command -v perl"       # ExePathCaptureTest's exec of a memfd (memfd_create + fexecve)
    # the workbench's headless tests (JavaFX on Monocle): JavaFX renders text through pango,
    # fontconfig and freetype, and needs a font; no display, no GTK
    "libpangoft2-1.0-0|"
    "fonts-dejavu-core|"
    # sample-captures/record.sh (SampleRecordingTest re-records the tutorial): the Pod-shaped sandbox
    "debootstrap|command -v debootstrap || test -x /usr/sbin/debootstrap" # its Debian root file system (cached in /var/cache/saker-samples)
    "iproute2|command -v ip || test -x /usr/sbin/ip || test -x /sbin/ip" # the Pod's veth
    "bsdutils|command -v script"           # the terminal of `kubectl exec -it`
    "procps|command -v pgrep"
    "mount|command -v mount"
)

log() { echo "test.sh: $*" >&2; }

usable() {   # usable PACKAGE CHECK
    if [[ -n "$2" ]]; then
        bash -c "$2" >/dev/null 2>&1 </dev/null
    else
        [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
    fi
}

missing_packages() {
    local entry
    for entry in "${REQUIREMENTS[@]}"; do
        usable "${entry%%|*}" "${entry#*|}" || printf '%s\n' "${entry%%|*}"
    done
}

mapfile -t MISSING < <(missing_packages)
if (( ${#MISSING[@]} > 0 )); then
    if [[ "$(id -u)" != 0 ]]; then
        log "missing Debian package(s): ${MISSING[*]}"
        log "install them with: sudo apt-get install ${MISSING[*]}   (or run this script as root)"
        exit 1
    fi
    command -v apt-get >/dev/null 2>&1 || { log "missing package(s) ${MISSING[*]} and no apt-get to install them"; exit 1; }
    log "installing: ${MISSING[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update </dev/null || log "apt-get update failed; trying the install with the package lists at hand"
    # sysdig pulls in falcosecurity-scap-dkms, whose kernel-module build may fail (no headers for the
    # running kernel, a container, ...) and make apt-get exit non-zero. Reading captures needs no
    # module, so apt's status does not decide: the checks below do.
    apt-get install -y "${MISSING[@]}" </dev/null || log "apt-get install returned $?; checking what works"
    mapfile -t STILL_MISSING < <(missing_packages)
    if (( ${#STILL_MISSING[@]} > 0 )); then
        log "still not usable after installing: ${STILL_MISSING[*]}"
        exit 1
    fi
fi

cd "$ROOT"
# All modules; no stdin so a CI run can never wait on a prompt. Maven's status is ours.
exec mvn -B -ntp test "$@" </dev/null
