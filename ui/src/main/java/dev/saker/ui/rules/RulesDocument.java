package dev.saker.ui.rules;

import dev.saker.rules.HelmValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the editor has open: a rules source by name, backed by a rules file, by one embedded file of
 * a Helm values file's {@code customRules}, or by nothing yet (the bundled rules: save needs a path).
 */
public record RulesDocument(String sourceName, Path file, String helmEntry) {

    public static RulesDocument unsaved(String sourceName) {
        return new RulesDocument(sourceName, null, null);
    }

    public static RulesDocument file(Path file) {
        return new RulesDocument(file.toString(), file, null);
    }

    /** Named as {@link dev.saker.rules.RulesSource#expand} names a values file's embedded files. */
    public static RulesDocument helm(Path values, String entry) {
        return new RulesDocument(values + ":customRules/" + entry, values, entry);
    }

    public boolean helm() {
        return helmEntry != null;
    }

    /** A short title: the file name (and entry). */
    public String title() {
        if (file == null) {
            return sourceName;
        }
        return file.getFileName() + (helm() ? " > customRules/" + helmEntry : "");
    }

    /** Writes {@code text}: the whole file, or the entry in place inside the values file. */
    public void save(String text) throws IOException {
        if (file == null) {
            throw new IOException("no file chosen for " + sourceName);
        }
        String out = helm() ? HelmValues.replace(Files.readString(file, StandardCharsets.UTF_8), helmEntry, text) : text;
        Path tmp = file.resolveSibling(file.getFileName() + ".saving");
        Files.writeString(tmp, out, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
