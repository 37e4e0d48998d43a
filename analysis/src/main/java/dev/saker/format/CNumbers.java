package dev.saker.format;

import dev.saker.scap.PrintFormat;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The printf conversions libsinsp uses for numeric parameters, reproduced bit for bit: C promotes
 * 8- and 16-bit values to int, prints a uint32 with %d (so it can come out negative) and a uint64
 * with PRId64, and the hex and octal forms are those of the promoted value.
 */
final class CNumbers {
    private CNumbers() {
    }

    /** A value of at most 32 bits as C's int after promotion, in libsinsp's print format. */
    static String int32(int value, PrintFormat format) {
        return switch (format) {
            case HEX -> Integer.toHexString(value).toUpperCase();
            case OCT -> value == 0 ? "0" : "0" + Integer.toOctalString(value);
            case PADDED_DEC_10 -> padded(Integer.toString(value));
            default -> Integer.toString(value);
        };
    }

    /** A 64-bit value in libsinsp's print format (decimal is signed even for unsigned parameters). */
    static String int64(long value, PrintFormat format) {
        return switch (format) {
            case HEX -> Long.toHexString(value).toUpperCase();
            case OCT -> value == 0 ? "0" : "0" + Long.toOctalString(value);
            case PADDED_DEC_10 -> padded(Long.toString(value));
            default -> Long.toString(value);
        };
    }

    /** "%09d": zero-padded to nine characters, the sign counting as one. */
    private static String padded(String digits) {
        boolean negative = digits.startsWith("-");
        String body = negative ? digits.substring(1) : digits;
        int width = negative ? 8 : 9;
        StringBuilder out = new StringBuilder(negative ? "-" : "");
        for (int i = body.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(body).toString();
    }

    /** C's "%g" (six significant digits, trailing zeros dropped, exponent form outside 1e-4..1e6). */
    static String g(double value) {
        if (value == 0) {
            return "0";
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= -4 && exponent < 6) {
            return rounded.stripTrailingZeros().toPlainString();
        }
        BigDecimal stripped = rounded.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        StringBuilder out = new StringBuilder(rounded.signum() < 0 ? "-" : "");
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            out.append('0');
        }
        return out.append(abs).toString();
    }
}
