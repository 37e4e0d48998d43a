package dev.saker.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line adds only the subcommand it names; everything else sees every subcommand. */
class SakerCommandLineTest {

    @Test
    void eachSubcommandIsRegisteredUnderItsOwnName() {
        for (String name : Saker.SUBCOMMANDS) {
            assertThat(Saker.subcommand(name).name()).isEqualTo(name);
        }
    }

    @Test
    void usageWithoutACommandListsEverySubcommandInOrder() {
        CliRun run = CliRun.of();
        assertThat(run.stdout()).contains("Usage: saker [-hV] [COMMAND]");
        String commands = run.stdout().substring(run.stdout().indexOf("Commands:"));
        int at = 0;
        for (String name : Saker.SUBCOMMANDS) {
            int i = commands.indexOf("\n  " + name + " ");
            assertThat(i).as(name).isGreaterThan(at);
            at = i;
        }
        assertThat(CliRun.of("--help").stdout()).isEqualTo(run.stdout());
    }

    @Test
    void aMistypedCommandIsReportedWithTheFullUsage() {
        CliRun run = CliRun.of("sacn", "x.scap");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("Unmatched arguments from index 0: 'sacn', 'x.scap'")
                .contains("  scan ").contains("  validate ");
    }

    @Test
    void aNamedCommandReportsItsOwnUsage() {
        CliRun run = CliRun.of("scan");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("Missing required parameter: 'CAPTURE'\nUsage: saker scan ");
    }

    @Test
    void wrongValuesAndOptionsNameTheOptionAndShowTheCommandsUsage() {
        String capture = "no-such.scap";   // picocli rejects the arguments before anything is read
        assertThat(CliRun.of("read", "-n", "abc", capture).stderr())
                .startsWith("Invalid value for option '-n': 'abc' is not a long\nUsage: saker read ");
        assertThat(CliRun.of("read", "--as", "bogus", capture).stderr()).startsWith("Invalid value for option "
                + "'--as': expected one of [sysdig, falco] (case-sensitive) but was 'bogus'\nUsage: saker read ");
        assertThat(CliRun.of("read", "--bogus", capture).stderr()).startsWith("Unknown option: '--bogus'\n");
        assertThat(CliRun.of("scan", "-r").stderr()).startsWith("Missing required parameter for option '-r' (RULES)");
        CliRun explain = CliRun.of("explain");
        assertThat(explain.exitCode()).isEqualTo(2);
        assertThat(explain.stderr())
                .startsWith("Missing required options and parameters: '--rule=NAME', '--event=N', 'CAPTURE'");
    }

    @Test
    void readsUsageListsItsOptionsButNotTheHiddenOne() {
        String usage = CliRun.of("read").stderr();
        assertThat(usage).contains("Usage: saker read [-j] [--as=SEMANTICS] [-n=N] [-p=FORMAT] CAPTURE [FILTER]")
                .contains("%field references").doesNotContain("--chunk-events");
    }

    @Test
    void versionAndHelpExitZero() {
        CliRun version = CliRun.of("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout()).isEqualTo("saker 0.1.0" + System.lineSeparator());
        assertThat(CliRun.of("-h").exitCode()).isZero();
    }
}
