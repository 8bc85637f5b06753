package dev.dl4jmnist.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Paths on the command line: a name the system locale cannot represent is one usage error, not a stack trace. */
class PathArgumentsTest {
    @Test
    void aNonAsciiPathUnderTheCLocaleIsOneClearLine() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MnistApp.class.getName(),
                "predict", "--model", "/tmp/m\u00f6del/x.zip", "digit.png");
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(2);
        List<String> lines = err.lines().filter(l -> !l.startsWith("Picked up")).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("error: Invalid value for option '--model': '/tmp/m")
                .endsWith("del/x.zip' is not a usable path here: the system locale (ANSI_X3.4-1968) cannot represent its"
                        + " characters; run with a UTF-8 locale, for example LC_ALL=C.UTF-8");
    }

    @Test
    void ordinaryPathsPassThrough() {
        assertThat(PathConverter.parse("models/model.zip")).isEqualTo(Path.of("models", "model.zip"));
    }
}
