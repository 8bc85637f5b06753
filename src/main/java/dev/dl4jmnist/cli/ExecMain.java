package dev.dl4jmnist.cli;

/**
 * Entry point for {@code mvn exec:java}, which runs inside Maven's own JVM: returns normally on
 * success (so Maven finishes and reports its status) and exits with the command's code on failure.
 */
public final class ExecMain {
    private ExecMain() {
    }

    public static void main(String[] args) {
        int code = MnistApp.execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
