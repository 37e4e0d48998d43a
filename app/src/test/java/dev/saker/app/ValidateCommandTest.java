package dev.saker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final String BAD = """
            - list: shells
              items: [bash, sh]
            - macro: spawned
              condition: evt.type = execve
            - rule: shell in container
              desc: a shell
              condition: spawned and proc.name in (shells) and foo
              output: "shell %proc.name"
              priority: warning
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void invalidFilePrintsFalcosErrorBlockWithCaretAndExitsOne() throws IOException {
        Path bad = write("bad.yaml", BAD);
        CliRun run = CliRun.of("validate", bad.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEqualTo(bad + ": Invalid\n"
                + "1 Errors:\n"
                + "In rules content: (" + bad + ":0:0)\n"
                + "    rule 'shell in container': (" + bad + ":4:2)\n"
                + "    condition expression: (\"spawned and proc....\":5:45)\n"
                + "------\n"
                + "spawned and proc.name in (shells) and foo\n"
                + "                                        ^\n"
                + "------\n"
                + "LOAD_ERR_VALIDATE (Error validating rule/macro/list/exception objects): Undefined macro 'foo' used in filter.\n"
                + "\n");
    }

    @Test
    void jsonHasFalcosLoadResultsShape() throws IOException {
        Path bad = write("bad.yaml", BAD);
        CliRun run = CliRun.of("validate", "--json", bad.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).startsWith("{\"falco_load_results\":[{\"errors\":[{\"code\":\"LOAD_ERR_VALIDATE\","
                + "\"codedesc\":\"Error validating rule/macro/list/exception objects\",\"context\":{\"locations\":["
                + "{\"item_name\":\"\",\"item_type\":\"rules content\",\"position\":{\"column\":0,\"line\":0,\"name\":\""
                + bad + "\",\"offset\":0}},{\"item_name\":\"shell in container\",\"item_type\":\"rule\",\"position\":"
                + "{\"column\":2,\"line\":4,\"name\":\"" + bad + "\",\"offset\":85}},");
        assertThat(run.stdout()).endsWith("\"message\":\"Undefined macro 'foo' used in filter.\"}],\"name\":\"" + bad
                + "\",\"successful\":false,\"warnings\":[]}]}\n");
    }

    @Test
    void fileWithOnlyWarningsIsOkWithWarningsAndWarningsGoToStderr() throws IOException {
        Path p = write("warn.yaml", """
                - macro: unused_one
                  condition: proc.name = x
                - rule: r1
                  desc: d
                  condition: evt.type = open and proc.name = bash
                  output: "x %proc.name"
                  priority: INFO
                """);
        CliRun run = CliRun.of("validate", p.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo(p + ": Ok, with warnings\n");
        assertThat(run.stderr()).contains("LOAD_UNUSED_MACRO (Unused macro): Macro not referred to by any other rule/macro");
    }

    @Test
    void filesAccumulateInOrderSoALaterFileAppendsToAnEarlierOne() throws IOException {
        Path base = write("a.yaml", """
                - list: shells
                  items: [bash]
                - rule: r1
                  desc: d
                  condition: evt.type = execve and proc.name in (shells)
                  output: "x %proc.name"
                  priority: notice
                """);
        Path more = write("b.yaml", """
                - list: shells
                  items: [zsh]
                  override:
                    items: append
                """);
        CliRun run = CliRun.of("validate", base.toString(), more.toString());
        assertThat(run.stdout()).isEqualTo(base + ": Ok\n" + more + ": Ok\n");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aDirectoryLoadsItsYamlFilesInSortedOrder() throws IOException {
        Path rulesDir = Files.createDirectory(dir.resolve("rules.d"));
        Files.writeString(rulesDir.resolve("b.yaml"), """
                - rule: r1
                  enabled: false
                """);
        Files.writeString(rulesDir.resolve("a.yml"), """
                - rule: r1
                  desc: d
                  condition: evt.type = execve
                  output: "x %proc.name"
                  priority: notice
                """);
        Files.writeString(rulesDir.resolve("notes.txt"), "not rules");
        CliRun run = CliRun.of("validate", rulesDir.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo(rulesDir.resolve("a.yml") + ": Ok\n" + rulesDir.resolve("b.yaml")
                + ": Ok, with warnings\n");
    }

    @Test
    void missingFileExitsOneWithOneLine() {
        CliRun run = CliRun.of("validate", dir.resolve("nope.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).startsWith("saker: could not read rules: no such file");
    }
}
