package dev.dl4jmnist.server;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve} as its own process: the start line, and SIGTERM finishing the request in flight and exiting 0 within 5 s;
 * started as the jar starts it (through the launcher, in a JVM with serve's heap), SIGTERM stops both JVMs.
 */
@FullTier
class ServeProcessTest {
    private static final Pattern SERVING = Pattern.compile("Serving http://127\\.0\\.0\\.1:(\\d+)/ with (.+)");

    @TempDir
    Path dir;

    @Test
    void sigtermFinishesTheRequestInFlightAndExitsZero() throws Exception {
        Path output = dir.resolve("serve.out");
        Path model = TestModels.quickModelPath();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                "dev.dl4jmnist.cli.MnistApp", "serve", "--port", "0", "--model", model.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(output.toFile()).start();
        try {
            String first = firstLine(output, process);
            Matcher m = SERVING.matcher(first);
            assertThat(m.matches()).as(first).isTrue();
            assertThat(m.group(2)).isEqualTo(model.toAbsolutePath().normalize().toString());
            int port = Integer.parseInt(m.group(1));

            byte[] picture = DrawnDigits.stroke(140, 50, 140, 230);
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                OutputStream request = socket.getOutputStream();
                request.write(("POST /api/predict HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nConnection: close\r\n"
                        + "Content-Length: " + picture.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                request.write(picture, 0, picture.length / 2);
                request.flush();
                Thread.sleep(500);                                    // the request is being read by the server
                long stopAsked = System.nanoTime();
                process.destroy();                                    // SIGTERM
                Thread.sleep(500);
                request.write(picture, picture.length / 2, picture.length - picture.length / 2);
                request.flush();
                InputStream in = socket.getInputStream();
                String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(response).startsWith("HTTP/1.1 200 ").contains("\"prediction\":1");

                assertThat(process.waitFor(5, TimeUnit.SECONDS)).as("exited within 5 s of SIGTERM").isTrue();
                assertThat((System.nanoTime() - stopAsked) / 1e9).isLessThan(5.0);
                assertThat(process.exitValue()).isZero();
            }
            assertThat(Files.readAllLines(output)).containsExactly(first, "Stopping: finishing requests in flight");
            assertThat(refused(port)).as("no longer accepting").isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void theJarsLauncherServesInAJvmWithAHeapCapAndSigtermStopsBoth() throws Exception {
        Path output = dir.resolve("launcher.out");
        Path errors = dir.resolve("launcher.err");
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                "dev.dl4jmnist.cli.Launcher", "serve", "--port", "0", "--model", TestModels.quickModelPath().toString())
                .redirectError(errors.toFile()).redirectOutput(output.toFile()).start();
        try {
            String first = firstLine(output, launcher);
            Matcher m = SERVING.matcher(first);
            assertThat(m.matches()).as(first).isTrue();
            int port = Integer.parseInt(m.group(1));
            List<ProcessHandle> servers = launcher.children().toList();
            assertThat(servers).hasSize(1);
            ProcessHandle server = servers.get(0);
            List<String> arguments = List.of(Files.readString(Path.of("/proc", String.valueOf(server.pid()), "cmdline")).split("\0"));
            assertThat(arguments).as("the server's command line").contains("dev.dl4jmnist.cli.MnistApp").anyMatch(a -> a.startsWith("-Xmx"));

            launcher.destroy();                                       // SIGTERM to the process the user started
            assertThat(launcher.waitFor(5, TimeUnit.SECONDS)).as("exited within 5 s of SIGTERM").isTrue();
            assertThat(launcher.exitValue()).isZero();
            assertThat(server.onExit().get(1, TimeUnit.SECONDS).isAlive()).as("the server's JVM stopped too").isFalse();
            assertThat(Files.readAllLines(output)).containsExactly(first, "Stopping: finishing requests in flight");
            assertThat(Files.readString(errors)).doesNotContain("Exception");
            assertThat(refused(port)).as("no longer accepting").isTrue();
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    /** Waits (up to a minute) for the process's first line of output. */
    private static String firstLine(Path output, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline && process.isAlive()) {
            String text = Files.readString(output);
            if (text.contains("\n")) {
                return text.substring(0, text.indexOf('\n'));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve printed no line: " + Files.readString(output));
    }

    private static boolean refused(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
