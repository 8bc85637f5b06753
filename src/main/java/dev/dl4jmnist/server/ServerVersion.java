package dev.dl4jmnist.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application's version, as the build wrote it into {@code dl4j-mnist.properties}. */
final class ServerVersion {
    private static final String VERSION = read();

    private ServerVersion() {
    }

    static String get() {
        return VERSION;
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = ServerVersion.class.getResourceAsStream("/dl4j-mnist.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
