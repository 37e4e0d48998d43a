package dev.saker.scap;

/** One group of a UL block. */
public record GroupEntry(int gid, String name) {
}
