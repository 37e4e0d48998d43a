package dev.saker.state;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Socket addresses written the way libsinsp names socket fds ("ip:port->ip:port", IPv6 without brackets). */
public final class SocketNames {
    private SocketNames() {
    }

    public static String ip(byte[] addr) {
        if (addr == null) {
            return "";
        }
        if (addr.length == 4) {
            return (addr[0] & 0xff) + "." + (addr[1] & 0xff) + "." + (addr[2] & 0xff) + "." + (addr[3] & 0xff);
        }
        try {
            InetAddress a = InetAddress.getByAddress(addr);
            if (a instanceof Inet6Address) {
                return compressIpv6(addr);
            }
            return a.getHostAddress();
        } catch (UnknownHostException e) {
            return "";
        }
    }

    /** RFC 5952 text form (longest zero run compressed, lower case), as inet_ntop prints it. */
    static String compressIpv6(byte[] a) {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        boolean v4mapped = w[0] == 0 && w[1] == 0 && w[2] == 0 && w[3] == 0 && w[4] == 0 && w[5] == 0xffff;
        if (v4mapped) {
            return "::ffff:" + (a[12] & 0xff) + "." + (a[13] & 0xff) + "." + (a[14] & 0xff) + "." + (a[15] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(w[i]));
        }
        return sb.toString();
    }

    public static String endpoint(byte[] addr, int port) {
        return ip(addr) + ":" + port;
    }

    public static String tuple(byte[] sip, int sport, byte[] dip, int dport) {
        return endpoint(sip, sport) + "->" + endpoint(dip, dport);
    }
}
