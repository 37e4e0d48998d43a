package dev.saker.filter;

import dev.saker.fields.BoundField;
import dev.saker.fields.DerivedTexts;
import dev.saker.fields.EventContext;
import dev.saker.fields.LibsEdition;
import dev.saker.state.FdInfo;
import java.util.Arrays;
import java.util.Set;

/**
 * The filter-only socket fields with libsinsp's own comparisons (sinsp_filter_check_fd's
 * compare_ip, compare_net and compare_port), and the network fields fd.cnet/snet/lnet/rnet, whose
 * value is an end's address compared against CIDR networks.
 *
 * <p>fd.ip, fd.net, fd.port and fd.proto look at both ends of a connected socket: {@code =} and
 * {@code in} hold when either end matches, {@code !=} when neither does; a listening socket has one
 * address and port. {@code exists} holds for any known fd. A right-hand value of the other address
 * family never equals (so {@code !=} holds), except under 2022 libs (see Ip). As in libsinsp, fd.net compares with the first value
 * of an {@code in} list only, and fd.proto compares port numbers, exactly like fd.port.
 */
final class NetChecks {
    /** The fields compiled here rather than as plain value checks. */
    static final Set<String> NAMES = Set.of("fd.ip", "fd.net", "fd.port", "fd.proto",
            "fd.cnet", "fd.snet", "fd.lnet", "fd.rnet");

    private NetChecks() {
    }

    /** The fd an fd field looks at, or null. */
    static FdInfo fd(EventContext c) {
        return c.fdRelated() ? c.fd() : null;
    }


    /** fd.ip: address equality against either end. */
    record Ip(Operator op, byte[][] values, String source) implements Filter {
        @Override
        public boolean matches(EventContext c) {
            FdInfo f = fd(c);
            if (f == null) {
                return false;
            }
            if (op == Operator.EXISTS) {
                return true;
            }
            boolean padded = c.edition() == LibsEdition.SYSDIG_2022;
            if (f.isInetConnection()) {
                boolean s = eq(orZero(f.sip, f), padded);
                boolean d = eq(orZero(f.dip, f), padded);
                return op == Operator.NE ? !s && !d : s || d;
            } else if (f.isInetServer()) {
                boolean s = eq(f.sip, padded);
                return op == Operator.NE ? !s : s;
            }
            return false;
        }

        /** libsinsp zeroes a new socket's tuple: an address not known yet compares as 0.0.0.0 or ::. */
        private static byte[] orZero(byte[] a, FdInfo f) {
            return a != null ? a : f.type == dev.saker.scap.FdEntry.IPV6_SOCK ? ZERO16 : ZERO4;
        }

        private static final byte[] ZERO4 = new byte[4];
        private static final byte[] ZERO16 = new byte[16];

        private boolean eq(byte[] a, boolean padded) {
            if (a == null) {
                return false;
            }
            if (op == Operator.IN) {
                for (byte[] v : values) {
                    if (same(a, v, padded)) {
                        return true;
                    }
                }
                return false;
            }
            return same(a, values[0], padded);
        }

        /**
         * Current libs: a value of the other family never equals. 2022 libs compared the socket's
         * address width in bytes from the value's storage, zero-filled past the value: an IPv4 value
         * equals an IPv6 address that is those 4 bytes then zeros (0.0.0.0 equals an unconnected
         * IPv6 socket's ::), an IPv6 value an IPv4 address equal to its first 4 bytes.
         */
        private static boolean same(byte[] a, byte[] v, boolean padded) {
            if (a.length == v.length) {
                return Arrays.equals(a, v);
            }
            if (!padded) {
                return false;
            }
            if (a.length < v.length) {
                return Arrays.equals(a, 0, a.length, v, 0, a.length);
            }
            for (int i = v.length; i < a.length; i++) {
                if (a[i] != 0) {
                    return false;
                }
            }
            return Arrays.equals(a, 0, v.length, v, 0, v.length);
        }

        @Override
        public String toString() {
            return "(check ip " + source + ")";
        }
    }

    /** fd.net: an end's address in a network (the first value only, even for in). */
    record Net(Operator op, IpAddresses.Net net, String source) implements Filter {
        @Override
        public boolean matches(EventContext c) {
            FdInfo f = fd(c);
            if (f == null) {
                return false;
            }
            if (op == Operator.EXISTS) {
                return true;
            }
            boolean positive = op != Operator.NE;
            if (f.isInetServer()) {
                if (f.sip == null || f.sip.length != net.addr().length) {
                    return !positive;
                }
                return net.contains(f.sip) == positive;
            }
            if (!f.isInetConnection()) {
                return false;
            }
            byte[] s = f.sip;
            if (s == null || s.length != net.addr().length) {
                return !positive;
            }
            boolean sIn = net.contains(s);
            boolean dIn = net.contains(f.dip);
            return switch (op) {
                case EQ, EQEQ, IN -> sIn || dIn;
                case NE -> !sIn && !dIn;
                default -> false;
            };
        }

        @Override
        public String toString() {
            return "(check net " + source + ")";
        }
    }

    /** fd.port and fd.proto: a port of either end against numbers. */
    record Port(Operator op, long[] values, String source) implements Filter {
        @Override
        public boolean matches(EventContext c) {
            FdInfo f = fd(c);
            if (f == null) {
                return false;
            }
            if (op == Operator.EXISTS) {
                return true;
            }
            long s;
            long d;
            if (f.isInetConnection()) {
                s = f.sport;
                d = f.dport;
            } else if (f.isInetServer()) {
                s = f.sport;
                d = f.sport;
            } else {
                return false;
            }
            if (op == Operator.NE) {
                return s != values[0] && d != values[0];
            }
            if (op == Operator.IN) {
                for (long v : values) {
                    if (s == v || d == v) {
                        return true;
                    }
                }
                return false;
            }
            return ValueTest.Number.compare(op, s, values[0]) || ValueTest.Number.compare(op, d, values[0]);
        }

        @Override
        public String toString() {
            return "(check port " + source + ")";
        }
    }

    /** fd.cnet, fd.snet, fd.lnet, fd.rnet: one end's address (that of fd.cip, ...) against networks. */
    record EndNet(BoundField address, Operator op, IpAddresses.Net[] nets, String source) implements Filter {
        @Override
        public boolean matches(EventContext c) {
            Object v = address.extract(c);
            if (v == null) {
                return false;
            }
            if (op == Operator.EXISTS) {
                return true;
            }
            // the field's text came from an address the state holds: get those bytes back unparsed
            byte[] a = v instanceof String s && DerivedTexts.addressOf(s) != null ? DerivedTexts.addressOf(s)
                    : IpAddresses.address(v.toString());
            if (a == null) {
                return false;
            }
            if (op == Operator.IN || op == Operator.INTERSECTS) {
                for (IpAddresses.Net n : nets) {
                    if (n.contains(a)) {
                        return true;
                    }
                }
                return false;
            }
            boolean in = nets[0].contains(a);
            return op == Operator.NE ? !in : in;
        }

        @Override
        public String toString() {
            return "(check net " + source + ")";
        }
    }
}
