package dev.saker.scap;

/**
 * One file descriptor of an FDL block. Address fields are meaningful only for the socket types;
 * IPv4 addresses are kept as the raw network-order bytes read as a little-endian int, as libscap does.
 */
public record FdEntry(long tid, long fd, long ino, int type, int openFlags, String name, int dev,
                      byte[] sip, byte[] dip, int sport, int dport, int l4proto, long unixSource, long unixDest) {
    public static final int FILE = 1;
    public static final int DIRECTORY = 2;
    public static final int IPV4_SOCK = 3;
    public static final int IPV6_SOCK = 4;
    public static final int IPV4_SERVSOCK = 5;
    public static final int IPV6_SERVSOCK = 6;
    public static final int FIFO = 7;
    public static final int UNIX_SOCK = 8;
    public static final int EVENT = 9;
    public static final int UNSUPPORTED = 10;
    public static final int SIGNALFD = 11;
    public static final int EVENTPOLL = 12;
    public static final int INOTIFY = 13;
    public static final int TIMERFD = 14;
    public static final int NETLINK = 15;
    public static final int FILE_V2 = 16;
    public static final int BPF = 17;
    public static final int USERFAULTFD = 18;
    public static final int IOURING = 19;
    public static final int MEMFD = 20;
    public static final int PIDFD = 21;
}
