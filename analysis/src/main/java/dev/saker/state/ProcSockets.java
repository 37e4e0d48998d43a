package dev.saker.state;

import dev.saker.scap.FdEntry;
import java.util.HashSet;
import java.util.Set;

/**
 * The process list records IPv4 connections without saying which end is this machine's server. Once
 * the list is loaded, libsinsp (fix_sockets_coming_from_proc) takes every port some listening socket
 * is bound to as a server port: a connection whose source port is one is turned around and marked as
 * the server end, any other IPv4 connection is the client end.
 */
final class ProcSockets {
    private ProcSockets() {
    }

    static void orient(ThreadTable threads) {
        Set<Integer> serverPorts = new HashSet<>();
        for (ThreadInfo t : threads.all()) {
            for (FdInfo f : t.fdTable.view().values()) {
                if (f.type == FdEntry.IPV4_SERVSOCK || f.type == FdEntry.IPV6_SERVSOCK) {
                    serverPorts.add(f.sport);
                }
            }
        }
        for (ThreadInfo t : threads.all()) {
            for (FdInfo f : t.fdTable.view().values()) {
                if (f.type != FdEntry.IPV4_SOCK) {
                    continue;
                }
                if (serverPorts.contains(f.sport)) {
                    byte[] ip = f.sip;
                    int port = f.sport;
                    f.sip = f.dip;
                    f.sport = f.dport;
                    f.dip = ip;
                    f.dport = port;
                    f.name = SocketNames.tuple(f.sip, f.sport, f.dip, f.dport);
                    f.flags |= FdInfo.FLAG_ROLE_SERVER;
                } else {
                    f.flags |= FdInfo.FLAG_ROLE_CLIENT;
                }
            }
        }
    }
}
