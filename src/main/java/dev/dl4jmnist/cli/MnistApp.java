package dev.dl4jmnist.cli;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.UsageException;
import dev.dl4jmnist.platform.NativePlatform;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The application's front door: {@code dl4j-mnist <command>}; each stage of the tutorial is a subcommand. */
// scope INHERIT: every subcommand gets --help and --version from here
@Command(name = "dl4j-mnist", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "The Keras MNIST tutorial (784-512-512-10 MLP), reproduced and verified in Deeplearning4j.",
        subcommands = {TrainCommand.class, WatchCommand.class, ExploreCommand.class, EvaluateCommand.class, CompareCommand.class,
                ImportKerasCommand.class, ExperimentCommand.class, PredictCommand.class, ServeCommand.class,
                NotebookCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class MnistApp implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try 'train')");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Parses and runs {@code args}, returning the exit code. A native build this CPU cannot run is
     * reported in one line before anything loads it.
     */
    public static int execute(String... args) {
        CommandLine cl;
        try {
            cl = commandLine();
        } catch (AppException e) {
            System.err.println("error: " + e.getMessage());
            return EXIT_FAILURE;
        }
        return cl.execute(args);
    }

    /** A configured command line; tests set its out/err writers to capture output. */
    public static CommandLine commandLine() {
        System.setProperty("java.awt.headless", "true");
        NativePlatform.configure();
        CommandLine cl = new CommandLine(new MnistApp());
        cl.registerConverter(java.nio.file.Path.class, new PathConverter());
        cl.setExecutionExceptionHandler(MnistApp::handleExecutionException);
        cl.setParameterExceptionHandler(MnistApp::handleParameterException);
        return cl;
    }

    /** Exit code for a problem the user can fix (bad input, missing files). */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for invalid command-line usage, and for a model the application refuses as unsupported. */
    public static final int EXIT_USAGE = 2;

    private static int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        AppException user = findAppException(ex);
        if (user != null) {
            err.println("error: " + user.getMessage());
            err.flush();
            return user instanceof UsageException ? EXIT_USAGE : EXIT_FAILURE;
        }
        err.println("internal error: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return EXIT_FAILURE;
    }

    private static AppException findAppException(Throwable t) {
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof AppException a) {
                return a;
            }
        }
        return null;
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String hint = "";
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            hint = " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
        }
        err.println("error: " + ex.getMessage() + hint);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return EXIT_USAGE;
    }
}
