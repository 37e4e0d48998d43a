package dev.saker.state;

/**
 * Which libsinsp's state rules apply where the 2022 parser (inside sysdig 0.29.3) and the current one
 * (Falco's) disagree. Today one rule differs: a socket tuple seen on connect() or on a datagram
 * send/receive replaces a peer the socket already has in current libs, and fills it only when
 * unknown in 2022 (a UDP socket connected or sent to a second destination).
 */
public enum ParserRevision {
    LIBS_2022, CURRENT
}
