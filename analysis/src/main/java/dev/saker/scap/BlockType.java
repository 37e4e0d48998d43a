package dev.saker.scap;

/** Savefile block type ids (scap_savefile.h). */
public final class BlockType {
    public static final int SHB = 0x0A0D0D0A;
    public static final int MI = 0x201;
    public static final int MI_INT = 0x8002ABCD;
    public static final int PL_V1 = 0x202;
    public static final int PL_V1_INT = 0x8000ABCD;
    public static final int PL_V2 = 0x207;
    public static final int PL_V2_INT = 0x8013ABCD;
    public static final int PL_V3 = 0x209;
    public static final int PL_V3_INT = 0x8014ABCD;
    public static final int PL_V4 = 0x210;
    public static final int PL_V5 = 0x211;
    public static final int PL_V6 = 0x212;
    public static final int PL_V7 = 0x213;
    public static final int PL_V8 = 0x214;
    public static final int PL_V9 = 0x215;
    public static final int FDL = 0x203;
    public static final int FDL_INT = 0x8001ABCD;
    public static final int FDL_V2 = 0x218;
    public static final int EV = 0x204;
    public static final int EV_INT = 0x8010ABCD;
    public static final int EVF = 0x208;
    public static final int EV_V2 = 0x216;
    public static final int EVF_V2 = 0x217;
    public static final int EV_V2_LARGE = 0x221;
    public static final int EVF_V2_LARGE = 0x222;
    public static final int IL = 0x205;
    public static final int IL_INT = 0x8011ABCD;
    public static final int IL_V2 = 0x219;
    public static final int UL = 0x206;
    public static final int UL_INT = 0x8012ABCD;
    public static final int UL_V2 = 0x220;

    public static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;

    private BlockType() {
    }

    public static boolean isEvent(int type) {
        return type == EV || type == EV_INT || type == EVF || type == EV_V2 || type == EVF_V2 || type == EV_V2_LARGE
                || type == EVF_V2_LARGE;
    }

    /** v1 event blocks carry a 22-byte event header without nparams. */
    public static boolean isV1Event(int type) {
        return type == EV || type == EV_INT || type == EVF;
    }

    public static boolean hasDumpFlags(int type) {
        return type == EVF || type == EVF_V2 || type == EVF_V2_LARGE;
    }

    /** Process-list block version 1..9, or 0 when the type is no process list. */
    public static int processListVersion(int type) {
        return switch (type) {
            case PL_V1, PL_V1_INT -> 1;
            case PL_V2, PL_V2_INT -> 2;
            case PL_V3, PL_V3_INT -> 3;
            case PL_V4 -> 4;
            case PL_V5 -> 5;
            case PL_V6 -> 6;
            case PL_V7 -> 7;
            case PL_V8 -> 8;
            case PL_V9 -> 9;
            default -> 0;
        };
    }
}
