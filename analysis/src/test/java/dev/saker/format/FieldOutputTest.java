package dev.saker.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.saker.fields.LibsEdition;
import dev.saker.scap.ConformanceCaptures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FieldOutputTest {
    private static Path curl() {
        return ConformanceCaptures.capture("libs/curl_google.scap");
    }

    @Test
    void textLinesStopAtTheLimit() throws Exception {
        StringBuilder out = new StringBuilder();
        long n = FieldOutput.text("*%evt.num %proc.name %evt.type").write(curl(), LibsEdition.SYSDIG_2022, out, 213).lines();
        assertThat(out.toString()).isEqualTo("211 curl execve\n212 curl brk\n213 curl brk\n");
        assertThat(n).isEqualTo(3);
    }

    @Test
    void jsonWithoutFormatHasSysdigsDefaultMembers() throws Exception {
        StringBuilder out = new StringBuilder();
        FieldOutput.json(null).write(curl(), LibsEdition.SYSDIG_2022, out, 212);
        assertThat(out.toString()).endsWith("{\"evt.cpu\":0,\"evt.dir\":\">\",\"evt.info\":\"addr=0 \",\"evt.num\":212,"
                + "\"evt.outputtime\":1534527348514648551,\"evt.type\":\"brk\",\"proc.name\":\"curl\",\"thread.tid\":17497}\n");
    }

    @Test
    void badFormatFailsBeforeReading() {
        assertThatThrownBy(() -> FieldOutput.text("%no.such.field")).isInstanceOf(FormatException.class);
    }
}
