package dev.saker.state;

/**
 * Which libsinsp's state rules apply where the 2022 parser (inside sysdig 0.29.3) and the current one
 * (Falco's) disagree. A socket tuple seen on connect() or on a datagram send/receive replaces a peer
 * the socket already has in current libs, and fills it only when unknown in 2022 (a UDP socket
 * connected or sent to a second destination). And 2022 libscap read a process-list entry only up to
 * its capabilities: tty, pid-namespace start and the exe inode fields stay unknown (0).
 */
public enum ParserRevision {
    LIBS_2022, CURRENT
}
