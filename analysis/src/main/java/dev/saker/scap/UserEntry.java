package dev.saker.scap;

/** One user of a UL block. */
public record UserEntry(int uid, int gid, String name, String home, String shell) {
}
