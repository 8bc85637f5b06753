package dev.dl4jmnist.cli;

import dev.dl4jmnist.training.EpochStats;
import dev.dl4jmnist.training.TrainingProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Keras-style training output. On a terminal: a progress bar per epoch (steps, ETA, running loss and
 * accuracy). Elsewhere (pipes, logs, CI): one plain line per epoch. Both end each epoch with
 * {@code loss - accuracy - val_loss - val_accuracy} and the seconds it took.
 */
final class ConsoleProgress implements TrainingProgress {
    private final PrintWriter out;
    private final PrintStream terminal;
    private ProgressBar bar;

    /** @param terminal the terminal to draw bars on, or null for plain lines */
    ConsoleProgress(PrintWriter out, PrintStream terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Bars only when the process runs on a terminal (never under tests, pipes or CI). */
    static ConsoleProgress forOutput(PrintWriter out) {
        boolean tty = System.console() != null;
        return new ConsoleProgress(out, tty ? System.out : null);
    }

    @Override
    public void epochStarted(int epoch, int epochs, int steps) {
        out.printf(Locale.ROOT, "Epoch %d/%d%n", epoch, epochs);
        out.flush();
        if (terminal != null) {
            bar = new ProgressBarBuilder().setTaskName("").setInitialMax(steps).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200).setMaxRenderedLength(120).continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(terminal)).build();
        }
    }

    @Override
    public void stepFinished(int step, double runningLoss, double runningAccuracy) {
        if (bar != null) {
            bar.stepTo(step);
            bar.setExtraMessage(String.format(Locale.ROOT, " loss: %.4f - accuracy: %.4f", runningLoss, runningAccuracy));
            if (step >= bar.getMax()) {             // training steps done; validation follows without a bar
                bar.close();
                bar = null;
            }
        }
    }

    @Override
    public void epochFinished(EpochStats s, int epochs) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        out.println(format(s));
        out.flush();
    }

    static String format(EpochStats s) {
        return s.kerasLine();
    }
}
