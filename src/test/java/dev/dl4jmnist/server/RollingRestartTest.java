package dev.dl4jmnist.server;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/rolling-restart.sh}: two serve replicas behind Debian's nginx, restarted one after the other while
 * 32 clients send inference requests through nginx for 30 s (a benchmark that prints hey's figures; the assertions
 * are on outcomes): every request is answered 200, none fails.
 */
@FullTier
class RollingRestartTest {
    @TempDir
    Path dir;

    @Test
    void noRequestFailsWhileBothReplicasRestart() throws Exception {
        assertThat(Path.of("/usr/sbin/nginx")).as("the load balancer: apt-get install nginx").isExecutable();
        assertThat(Path.of("/usr/bin/hey")).as("the load: apt-get install hey").isExecutable();
        ProcessBuilder script = new ProcessBuilder("bash", "deploy/rolling-restart.sh", "30").redirectErrorStream(true);
        Map<String, String> env = script.environment();
        float[] image = TestData.mnist().testImages().scaled(0);
        Path body = Files.writeString(dir.resolve("infer.json"), ServeOpenInferenceTest.request(new float[][]{image}, "rolling"));
        env.put("INFER_BODY", body.toString());
        env.put("SERVE_CLASSPATH", System.getProperty("java.class.path"));
        env.put("LB_PORT", Integer.toString(freePort()));
        env.put("A_PORT", Integer.toString(freePort()));
        env.put("B_PORT", Integer.toString(freePort()));
        Process run = script.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println(output);
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).contains("replica A exited", "replica B exited").containsPattern("replica B ready\\n");
        Matcher answered = Pattern.compile("requests: (\\d+), answered 200: (\\d+)").matcher(output);
        assertThat(answered.find()).as(output).isTrue();
        assertThat(Integer.parseInt(answered.group(2))).isPositive().isEqualTo(Integer.parseInt(answered.group(1)));
        assertThat(output).contains("failed requests: 0\n");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
