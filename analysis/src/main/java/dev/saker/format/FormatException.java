package dev.saker.format;

/** A bad output format, with the position in the format text where the problem is. */
public final class FormatException extends IllegalArgumentException {
    private final int position;

    public FormatException(String message, int position) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
