package dev.dl4jmnist.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code --version}: the application's version and the versions of what it runs on. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dl4j-mnist.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[]{
                "dl4j-mnist " + p.getProperty("version", "unknown"),
                "Deeplearning4j " + p.getProperty("dl4j.version", "unknown") + ", Java " + System.getProperty("java.version")
        };
    }
}
