package dev.saker.scap;

/**
 * One thread of a PL block: the state of a thread when the capture started. Fields absent from
 * older block versions keep the defaults libscap gives them.
 */
public final class ProcessEntry {
    public long tid;
    public long pid;
    public long ptid;
    public long sid = -1;
    public long vpgid = -1;
    public long pgid = -1;
    public String comm = "";
    public String exe = "";
    public String exepath = "";
    /** NUL-separated arguments after argv[0]. */
    public byte[] args = new byte[0];
    public String cwd = "";
    public long fdlimit;
    public int flags;
    public int uid;
    public int gid;
    public int vmsizeKb;
    public int vmrssKb;
    public int vmswapKb;
    public long pfmajor;
    public long pfminor;
    /** NUL-separated environment. */
    public byte[] env = new byte[0];
    public long vtid = -1;
    public long vpid = -1;
    /** NUL-separated "subsys=path" entries. */
    public byte[] cgroups = new byte[0];
    public String root = "";
    public long pidnsInitStartTs;
    public int tty;
    public int loginuid = -1;
    public boolean exeWritable;
    public long capInheritable;
    public long capPermitted;
    public long capEffective;
    public boolean exeUpperLayer;
    public long exeIno;
    public long exeInoCtime;
    public long exeInoMtime;
    public boolean exeFromMemfd;
    public boolean exeLowerLayer;
}
