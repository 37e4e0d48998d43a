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
}
