package dev.dl4jmnist.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The application's logging, set up in code when Logback starts: warnings and errors only, on standard
 * error, as {@code LEVEL logger - message}. ND4J and DL4J report their start-up at INFO, which users do
 * not need; {@code -Dlog.level=INFO} (or DEBUG) shows it. A Logback file given with
 * {@code -Dlogback.configurationFile} replaces this. (In code rather than a {@code logback.xml}: reading
 * XML loads a parser that a cold start pays about 50 ms for.)
 */
public final class QuietLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;                  // the user's file, read by Logback itself
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%-5level %logger{20} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> err = new ConsoleAppender<>();
        err.setContext(context);
        err.setName("ERR");
        err.setTarget("System.err");
        err.setEncoder(encoder);
        err.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("log.level"), Level.WARN));
        root.addAppender(err);
        // Keras import builds layers whose sizes are filled in later; DL4J warns once about that.
        context.getLogger("org.deeplearning4j.nn.conf.inputs.InputType").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
