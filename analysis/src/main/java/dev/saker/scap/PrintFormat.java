package dev.saker.scap;

/** How a numeric parameter is rendered (ppm_print_format). */
public enum PrintFormat {
    NA, DEC, HEX, PADDED_DEC_10, ID, DIR, OCT;

    private static final PrintFormat[] BY_ID = values();

    public static PrintFormat of(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : NA;
    }
}
