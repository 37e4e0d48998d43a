# The Pod-shaped sandbox and the capture around it; sourced by record.sh (which sets ROOTFS, RUNC,
# CAPTURE, the ids and the addresses).

POD_PID=""       # host pid of the Pod's pid 1 (nginx's master)
OUTSIDE_PID=""   # host pid holding the "outside world" network namespace
WORK=""          # per-Pod scratch: overlay layers, metadata file, logs
CAPTURE_PID=""

# The environment of the Pod's processes: the image's and the Kubernetes service variables, nothing
# of this machine's (execve events and the start-up process table record environments).
POD_ENV=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOSTNAME="$POD_NAME"
    NGINX_VERSION=1.19.10 NJS_VERSION=0.5.3 PKG_RELEASE=1~buster
    KUBERNETES_SERVICE_HOST=10.96.0.1 KUBERNETES_SERVICE_PORT=443 KUBERNETES_SERVICE_PORT_HTTPS=443
    KUBERNETES_PORT=tcp://10.96.0.1:443 KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443
    KUBERNETES_PORT_443_TCP_PROTO=tcp KUBERNETES_PORT_443_TCP_PORT=443 KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1
    HOME=/root)

# Replaces this (sub)shell's environment with the Pod's; before joining the cgroup, so no process in
# the cgroup ever sees the machine's variables.
use_pod_env() {
    local v
    cd /
    exec 8>&-   # record.sh's lock
    for v in $(compgen -e); do
        unset "$v" 2>/dev/null || true
    done
    for v in "${POD_ENV[@]}" "$@"; do
        export "$v"
    done
}

# Every mounted cgroup hierarchy (v1 controllers and the v2 unified tree): a Pod's processes sit in
# the same path in each, as kubelet's systemd driver puts them.
cgroup_roots() {
    awk '$3 == "cgroup" || $3 == "cgroup2" { print $2 }' /proc/self/mounts
}

join_cgroup() {   # join_cgroup PID
    local r
    for r in $(cgroup_roots); do
        echo "$1" > "$r/$CGROUP/cgroup.procs"
    done
}

make_cgroup() {   # make_cgroup HIERARCHY_ROOT
    local dir="$1" part f
    for part in ${CGROUP//\// }; do
        mkdir -p "$dir/$part"
        # A v1 cpuset cgroup takes no process until it has CPUs and memory nodes: its parent's.
        for f in cpuset.cpus cpuset.mems; do
            if [[ -f "$dir/$part/$f" && -z "$(cat "$dir/$part/$f")" ]]; then
                cat "$dir/$f" > "$dir/$part/$f"
            fi
        done
        dir="$dir/$part"
    done
}

# What saker-capture is told about the container (capture-helper's --container-meta format): what
# containerd's CRI reports for it.
write_container_meta() {   # write_container_meta FILE
    cat > "$1" <<EOF
{"containers": [
  {"id": "$CONTAINER_ID",
   "name": "$CONTAINER_NAME",
   "image": "$CONTAINER_IMAGE",
   "type": "containerd",
   "labels": {"io.kubernetes.container.name": "$CONTAINER_NAME",
              "io.kubernetes.pod.name": "$POD_NAME",
              "io.kubernetes.pod.namespace": "$POD_NAMESPACE",
              "io.kubernetes.pod.uid": "$POD_UID"}}
]}
EOF
}

pod_up() {
    # A fixed place (record.sh's lock makes it ours), laid out as containerd's task directories, so the
    # root the start-up process table records is the same in every recording.
    WORK="/run/saker-samples/k8s.io/$CONTAINER_ID"
    umount "$WORK/rootfs" 2>/dev/null || true
    rm -rf "$WORK"
    mkdir -p "$WORK/upper" "$WORK/work" "$WORK/rootfs"
    mount -t overlay overlay -o "lowerdir=$ROOTFS,upperdir=$WORK/upper,workdir=$WORK/work" "$WORK/rootfs"
    local m="$WORK/rootfs"
    # What kubelet and containerd put in a Pod's files.
    printf 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n' > "$m/etc/resolv.conf"
    echo "$POD_NAME" > "$m/etc/hostname"
    printf '127.0.0.1\tlocalhost\n%s\t%s\n' "$POD_IP" "$POD_NAME" > "$m/etc/hosts"
    printf '<!DOCTYPE html>\n<html><body><h1>Welcome to nginx!</h1></body></html>\n' > "$m/var/www/html/index.html"
    write_container_meta "$WORK/container.json"

    local r pid
    for r in $(cgroup_roots); do
        make_cgroup "$r"
        # what an interrupted recording left behind would be recorded with the new one
        for pid in $(cat "$r/$CGROUP/cgroup.procs"); do
            kill -KILL "$pid" 2>/dev/null || true
        done
    done

    unshare --net sleep 100000 &
    OUTSIDE_PID=$!

    # The Pod's pid 1 joins the cgroup first, so nginx and everything it starts is in it. The overlay
    # becomes its root with pivot_root, as runc does, so its paths are the Pod's (/usr/sbin/nginx),
    # not where this machine mounted them; its output goes to a pipe, as to containerd's shim.
    ( use_pod_env
      join_cgroup "$BASHPID"
      echo "$BASHPID" > "$WORK/unshare.pid"
      exec unshare --mount --uts --ipc --net --pid --fork --propagation private -- bash -c '
        set -e
        mount -t proc proc "$1/proc"
        cd "$1"
        pivot_root . .
        umount -l .
        cd /
        hostname "$2"
        exec /usr/sbin/nginx -g "daemon off;"' pod "$m" "$POD_NAME" ) 2>&1 | cat > "$WORK/pod.log" &
    local i
    for i in $(seq 100); do
        [[ -s "$WORK/unshare.pid" ]] && POD_PID="$(pgrep -P "$(cat "$WORK/unshare.pid")" -x nginx || true)"
        [[ -n "$POD_PID" ]] && break
        sleep 0.05
    done
    [[ -n "$POD_PID" ]] || die "the Pod did not start: $(cat "$WORK/pod.log")"

    local veth="skrs$$"
    ip link add "$veth" type veth peer name eth0 netns "$POD_PID"
    ip link set "$veth" netns "$OUTSIDE_PID"
    nsenter -t "$POD_PID" -n sh -c "ip link set lo up && ip link set eth0 up &&
        ip addr add $POD_IP/24 dev eth0 && ip route add 198.51.100.0/24 via $GATEWAY_IP"
    nsenter -t "$OUTSIDE_PID" -n sh -c "ip link set lo up && ip link set $veth up &&
        ip addr add $GATEWAY_IP/24 dev $veth && ip addr add $OUTSIDE_IP/32 dev $veth"
    # nginx answers before any recording starts.
    for i in $(seq 100); do
        outside curl -s -o /dev/null "http://$POD_IP/" && return 0
        sleep 0.1
    done
    die "nginx in the Pod does not answer: $(cat "$WORK/pod.log")"
}

pod_down() {
    [[ -n "$CAPTURE_PID" ]] && { kill -INT "$CAPTURE_PID" 2>/dev/null; wait "$CAPTURE_PID" 2>/dev/null || true; }
    [[ -n "$POD_PID" ]] && kill -KILL "$POD_PID" 2>/dev/null
    [[ -n "$OUTSIDE_PID" ]] && kill -KILL "$OUTSIDE_PID" 2>/dev/null
    wait 2>/dev/null || true
    if [[ -n "$WORK" ]]; then
        umount "$WORK/rootfs" 2>/dev/null || umount -l "$WORK/rootfs" 2>/dev/null || true
        rm -rf "$WORK"
    fi
    local r d i
    for r in $(cgroup_roots); do
        d="$r/$CGROUP"
        for i in $(seq 50); do
            [[ -d "$d" ]] || break
            rmdir "$d" 2>/dev/null && break
            sleep 0.1
        done
        # the slices above the container, if nothing else uses them
        rmdir "$(dirname "$d")" "$(dirname "$(dirname "$d")")" "$(dirname "$(dirname "$(dirname "$d")")")" 2>/dev/null || true
    done
    POD_PID="" OUTSIDE_PID="" WORK="" CAPTURE_PID=""
}

# A command in the outside network namespace, with the sandbox's programs (ncat, curl).
outside() {
    nsenter -t "$OUTSIDE_PID" -n -- chroot "$ROOTFS" "$@"
}

outside_listening() {   # outside_listening PORT: waits until a listener outside has the port open
    local i
    for i in $(seq 100); do
        [[ -n "$(nsenter -t "$OUTSIDE_PID" -n ss -Hltn "sport = :$1")" ]] && return 0
        sleep 0.05
    done
    die "nothing listens on $OUTSIDE_IP:$1"
}

# `kubectl exec POD -- CMD...`: join the container's cgroup, enter its namespaces and root, run CMD.
pod_exec() {
    ( use_pod_env
      join_cgroup "$BASHPID"
      exec "$RUNC" --target "$POD_PID" --mount --uts --ipc --net --pid --root --wd -- "$@" )
}

# `kubectl exec -it POD -- CMD...`: the same with a terminal (a pty from script(1)); what is typed
# comes from stdin.
pod_exec_tty() {
    local procs="" r
    for r in $(cgroup_roots); do
        procs+=" $r/$CGROUP/cgroup.procs"
    done
    (cd / && exec 8>&- && exec env -i "${POD_ENV[@]}" TERM=xterm SHELL=/bin/sh script -q -e -c "for f in $procs; do echo \$\$ > \$f; done;
        exec $RUNC --target $POD_PID --mount --uts --ipc --net --pid --root --wd -- $*" /dev/null)
}

# `kubectl exec -it POD -- CMD` with a person typing LINES into it, one a second.
pod_exec_typing() {   # pod_exec_typing CMD LINE...
    local cmd="$1" fifo="$WORK/typed"
    shift
    mkfifo "$fifo"
    ( sleep 0.5
      for line in "$@"; do
          printf '%s\n' "$line"
          sleep 1
      done
      exec sleep 60 ) > "$fifo" &
    local typist=$!
    pod_exec_tty "$cmd" < "$fifo" >/dev/null || true
    kill "$typist" 2>/dev/null || true
    wait "$typist" 2>/dev/null || true
}

capture_start() {   # capture_start FILE
    local flags=(--snaplen 80)
    if "$CAPTURE" --help 2>&1 | grep -q -- '--cgroup'; then
        flags+=(--pod "$POD_NAMESPACE/$POD_NAME" --container-meta "$WORK/container.json")
    elif [[ "${SAKER_SAMPLES_WHOLE_NODE:-}" == 1 ]]; then
        log "WARNING: this saker-capture has no --cgroup: recording the whole machine (never commit this)"
    else
        die "$CAPTURE has no --cgroup option, so it would record the whole machine; build a newer one"
    fi
    : > "$WORK/capture.log"
    "$CAPTURE" -w "$1" "${flags[@]}" 2>"$WORK/capture.log" &
    CAPTURE_PID=$!
    local i
    for i in $(seq 200); do
        grep -q "capturing to" "$WORK/capture.log" && return 0
        kill -0 "$CAPTURE_PID" 2>/dev/null || die "saker-capture failed: $(cat "$WORK/capture.log")"
        sleep 0.05
    done
    die "saker-capture did not start: $(cat "$WORK/capture.log")"
}

capture_stop() {
    sleep 0.5   # let the last events reach the ring buffer
    kill -INT "$CAPTURE_PID"
    wait "$CAPTURE_PID" || die "saker-capture failed: $(cat "$WORK/capture.log")"
    CAPTURE_PID=""
    log "$(grep 'events written' "$WORK/capture.log")"
}
