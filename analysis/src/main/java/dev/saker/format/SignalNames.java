package dev.saker.format;

/** Linux signal names 1-31 as libsinsp prints them (sinsp_utils::signal_to_str); real-time signals have none. */
final class SignalNames {
    private static final String[] NAMES = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
            "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM",
            "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
            "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};

    private SignalNames() {
    }

    static String of(int signal) {
        return signal > 0 && signal < NAMES.length ? NAMES[signal] : null;
    }

    /** A signal mask as libsinsp prints it: the names of the set bits (bit n = signal n+1), space separated. */
    static String ofMask(long mask) {
        StringBuilder out = new StringBuilder();
        for (int bit = 0; bit < 32; bit++) {
            if ((mask & (1L << bit)) != 0) {
                String name = of(bit + 1);
                if (name != null) {
                    if (out.length() > 0) {
                        out.append(' ');
                    }
                    out.append(name);
                }
            }
        }
        return out.toString();
    }
}
