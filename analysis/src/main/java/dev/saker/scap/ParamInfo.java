package dev.saker.scap;

import java.util.List;

/**
 * One parameter of an event type.
 *
 * @param flags      the flag or enum table for FLAGS/ENUMFLAGS/MODE parameters, else null
 * @param dynamic    the alternatives of a PT_DYN parameter, selected by its first byte, else empty
 * @param dirfdIndex for FSRELPATH parameters the index of the dirfd parameter it is relative to, else -1
 */
public record ParamInfo(String name, ParamType type, PrintFormat format, FlagTable flags, List<ParamInfo> dynamic,
                        int dirfdIndex) {
}
