package dev.saker.scap;

/** The MI block: the machine the capture was taken on. */
public record MachineInfo(int numCpus, long memoryBytes, long maxPid, String hostname, long bootTsEpoch, long flags) {
}
