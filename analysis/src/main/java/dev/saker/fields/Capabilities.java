package dev.saker.fields;

/** Linux capability names by bit, as libsinsp prints capability sets (thread.cap_*). */
final class Capabilities {
    private static final String[] NAMES = {
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
        "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
        "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
        "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
        "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
        "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
        "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
    };

    private Capabilities() {
    }

    /** The names of the set's bits in bit order, space-separated; bits without a name are left out. */
    /** Texts by set, remembered: a capture has few distinct sets, and rules test them per event. */
    private static final Known[] KNOWN = new Known[256];

    private record Known(long set, String text) {
    }

    static String names(long set) {
        int slot = (int) ((set ^ (set >>> 17) ^ (set >>> 31)) & (KNOWN.length - 1));
        Known k = KNOWN[slot];
        if (k != null && k.set == set) {
            return k.text;
        }
        String text = build(set);
        KNOWN[slot] = new Known(set, text);
        return text;
    }

    private static String build(long set) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < NAMES.length; i++) {
            if ((set & (1L << i)) != 0) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(NAMES[i]);
            }
        }
        return sb.toString();
    }
}
