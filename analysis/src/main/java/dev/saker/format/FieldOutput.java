package dev.saker.format;

import dev.saker.fields.EventContext;
import dev.saker.fields.InspectedEvents;
import dev.saker.fields.LibsEdition;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code saker read -p FORMAT} and {@code -j}: a capture's events printed with a field format, as
 * text lines or as one JSON object per line, the way sysdig prints them. The format is parsed
 * before the capture is opened, so a bad format fails with a {@link FormatException} and no output.
 */
public final class FieldOutput {
    private final FieldFormat text;
    private final JsonEventFormat json;

    private FieldOutput(FieldFormat text, JsonEventFormat json) {
        this.text = text;
        this.json = json;
    }

    /** Text lines for {@code -p format}. */
    public static FieldOutput text(String format) {
        return new FieldOutput(FieldFormat.parse(format, RenderedFields.registry()), null);
    }

    /** JSON objects: with {@code format} null, sysdig's default -j fields. */
    public static FieldOutput json(String format) {
        return new FieldOutput(null, format == null ? JsonEventFormat.defaults(RenderedFields.registry())
                : new JsonEventFormat(FieldFormat.parse(format, RenderedFields.registry())));
    }

    /**
     * Prints every event of the capture that has the format's values, each followed by '\n'; stops
     * after event number {@code limit} when it is not negative. Returns the number of lines printed.
     */
    public long write(Path capture, LibsEdition edition, Appendable out, long limit) throws IOException {
        long lines = 0;
        try (InspectedEvents events = InspectedEvents.open(capture, edition)) {
            for (EventContext c; (c = events.next()) != null; ) {
                if (limit >= 0 && c.num() > limit) {
                    break;
                }
                String line = text != null ? text.render(c) : json.render(c);
                if (line != null) {
                    out.append(line).append('\n');
                    lines++;
                }
            }
        }
        return lines;
    }
}
