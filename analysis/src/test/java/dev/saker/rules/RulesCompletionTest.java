package dev.saker.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.Field;
import dev.saker.format.RenderedFields;
import dev.saker.index.FieldValues;
import dev.saker.scap.ConformanceCaptures;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulesCompletionTest {
    static final List<String> FIELDS = RenderedFields.registry().all().stream().map(Field::name).toList();

    static RulesCompletion completion(Path capture) {
        return new RulesCompletion(FIELDS, Set.of("spawned", "opened"), Set.of("shells", "lib_dirs"), f -> {
            try {
                return capture == null ? List.of() : FieldValues.of(capture, f, RenderedFields.registry(), 100, 100_000, () -> false);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void aPrefixOffersFieldsMacrosAndLists() {
        String t = "  condition: spawned and proc.na";
        RulesCompletion.Proposal p = completion(null).at(t, t.length());
        assertThat(p.field()).isNull();
        assertThat(t.substring(p.start(), p.end())).isEqualTo("proc.na");
        assertThat(p.candidates()).contains("proc.name").allMatch(c -> c.startsWith("proc.na"));
        RulesCompletion.Proposal q = completion(null).at("condition: sp", 13);
        assertThat(q.candidates()).containsExactly("spawned");
        assertThat(completion(null).at("x in (sh", 8).candidates()).containsExactly("shells");
    }

    @Test
    void afterAnOperatorTheValuesOfTheFieldInTheCapture() {
        Path capture = ConformanceCaptures.capture("libs/curl_google.scap");
        String t = "condition: proc.name = ";
        RulesCompletion.Proposal p = completion(capture).at(t, t.length());
        assertThat(p.field()).isEqualTo("proc.name");
        assertThat(p.candidates()).contains("curl");
        String s = "condition: evt.type in (open, conn";
        RulesCompletion.Proposal q = completion(capture).at(s, s.length());
        assertThat(q.field()).isEqualTo("evt.type");
        assertThat(q.candidates()).containsExactly("connect");
        String f = "condition: fd.name startswith /usr/lib/x86_64-linux-gnu/libcurl";
        assertThat(completion(capture).at(f, f.length()).candidates())
                .containsExactly("/usr/lib/x86_64-linux-gnu/libcurl-gnutls.so.4");
    }

    @Test
    void insideASetTheRulesListsComeBeforeTheValues() {
        Path capture = ConformanceCaptures.capture("libs/curl_google.scap");
        String t = "condition: proc.name in (";
        RulesCompletion.Proposal p = completion(capture).at(t, t.length());
        assertThat(p.field()).isEqualTo("proc.name");
        assertThat(p.candidates()).startsWith("lib_dirs", "shells").contains("curl");
        String s = "condition: proc.name in (curl, ";
        assertThat(completion(capture).at(s, s.length()).candidates()).startsWith("lib_dirs", "shells").contains("curl");
        String h = "condition: proc.name in (curl, sh";
        assertThat(completion(capture).at(h, h.length()).candidates()).containsExactly("shells");
        // after = a list is no value: only the capture's
        String e = "condition: proc.name = sh";
        assertThat(completion(capture).at(e, e.length()).candidates()).doesNotContain("shells");
    }
}
