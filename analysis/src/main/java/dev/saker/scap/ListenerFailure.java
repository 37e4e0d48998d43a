package dev.saker.scap;

/** A caller's listener threw: its bug, not damage in the capture, so it propagates as it was. */
final class ListenerFailure extends RuntimeException {
    final RuntimeException original;

    ListenerFailure(RuntimeException original) {
        super(null, null, false, false);
        this.original = original;
    }
}
