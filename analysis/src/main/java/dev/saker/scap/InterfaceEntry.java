package dev.saker.scap;

/** One network interface address of an IL block; {@code family} is 4 or 6. */
public record InterfaceEntry(String name, int family, byte[] addr, byte[] netmask, byte[] bcast, long linkspeed) {
}
