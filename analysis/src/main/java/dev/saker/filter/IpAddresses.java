package dev.saker.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * IP address and network literals of the condition language, read as libsinsp reads them: a text
 * with a '.' is IPv4 (dotted quad, as inet_pton), anything else IPv6; a network is {@code addr/len}.
 * Addresses are network-order bytes, 4 or 16 long.
 */
final class IpAddresses {
    private IpAddresses() {
    }

    /** A CIDR network: the address and its prefix length in bits. */
    record Net(byte[] addr, int prefix) {
        boolean contains(byte[] a) {
            if (a == null || a.length != addr.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != addr[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0 || full >= addr.length) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (addr[full] & mask);
        }
    }

    /** An address literal, or null when it is not one. */
    static byte[] address(String text) {
        return text.indexOf('.') >= 0 && text.indexOf(':') < 0 ? v4(text) : text.indexOf('.') >= 0 ? null : v6(text);
    }

    /** A network literal ({@code 10.0.0.0/8}, {@code fe80::/10}), or null when it is not one. */
    static Net network(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String a = text.substring(0, slash);
        String len = text.substring(slash + 1);
        boolean four = text.indexOf('.') >= 0;
        byte[] addr = four ? v4(a) : v6(a);
        if (addr == null || len.isEmpty() || len.length() > 3 || !len.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int prefix = Integer.parseInt(len);
        if (prefix > addr.length * 8) {
            return null;
        }
        return new Net(addr, prefix);
    }

    static byte[] v4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')
                    || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    static byte[] v6(String s) {
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        List<Integer> head = words(dbl >= 0 ? s.substring(0, dbl) : s, dbl < 0);
        List<Integer> tail = dbl >= 0 ? words(s.substring(dbl + 2), true) : List.of();
        if (head == null || tail == null) {
            return null;
        }
        int n = head.size() + tail.size();
        if (dbl < 0 ? n != 8 : n > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            put(out, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            put(out, 8 - tail.size() + i, tail.get(i));
        }
        return out;
    }

    private static void put(byte[] out, int word, int v) {
        out[2 * word] = (byte) (v >> 8);
        out[2 * word + 1] = (byte) v;
    }

    /** 16-bit words of a colon-separated part; a dotted quad may end the last part. */
    private static List<Integer> words(String part, boolean last) {
        List<Integer> out = new ArrayList<>();
        if (part.isEmpty()) {
            return out;
        }
        String[] pieces = part.split(":", -1);
        for (int i = 0; i < pieces.length; i++) {
            String p = pieces[i];
            if (last && i == pieces.length - 1 && p.indexOf('.') >= 0) {
                byte[] q = v4(p);
                if (q == null) {
                    return null;
                }
                out.add(((q[0] & 0xff) << 8) | (q[1] & 0xff));
                out.add(((q[2] & 0xff) << 8) | (q[3] & 0xff));
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                int d = Character.digit(p.charAt(k), 16);
                if (d < 0) {
                    return null;
                }
                v = v * 16 + d;
            }
            out.add(v);
        }
        return out;
    }
}
