package dev.dl4jmnist.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The front door: every command is listed and answers --help and --version. */
class MnistAppTest {
    private static final List<String> COMMANDS =
            List.of("train", "watch", "explore", "evaluate", "compare", "import-keras", "experiment", "predict", "serve", "notebook",
                    "bench");

    @Test
    void topLevelHelpListsEveryCommand() {
        CliRunner r = CliRunner.run("--help");
        assertEquals(0, r.exitCode());
        for (String c : COMMANDS) {
            assertThat(r.out()).contains("  " + c + " ");
        }
        assertEquals(COMMANDS, MnistApp.commandLine().getSubcommands().keySet().stream().filter(c -> !c.equals("help")).toList());
    }

    @Test
    void topLevelHelpGivesEachCommandsWholeSummarySentence() {
        String help = CliRunner.run("--help").out().replaceAll("\\s+", " ");
        MnistApp.commandLine().getSubcommands().forEach((name, cl) -> {
            if (name.equals("help")) {
                return;
            }
            String[] header = cl.getCommandSpec().usageMessage().header();
            assertThat(header).as(name).hasSize(1);
            assertThat(header[0]).as(name).endsWith(".");
            assertThat(help).as(name).contains(" " + name + " " + header[0]);
        });
    }

    @Test
    void everyCommandAnswersHelpAndVersion() {
        for (String c : COMMANDS) {
            CliRunner help = CliRunner.run(c, "--help");
            assertEquals(0, help.exitCode(), c);
            assertThat(help.out()).as(c).contains(System.lineSeparator() + "Usage: dl4j-mnist " + c);
            CliRunner version = CliRunner.run(c, "--version");
            assertEquals(0, version.exitCode(), c);
            assertThat(version.out()).as(c).startsWith("dl4j-mnist 1.0.0");
        }
    }
}
