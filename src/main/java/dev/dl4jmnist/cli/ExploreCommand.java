package dev.dl4jmnist.cli;

import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.app.ExploreData;
import dev.dl4jmnist.visualisation.Exploration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/** {@code explore}: the tutorial's look at the data before training (shapes, sample grid, pixel matrix, label counts). */
@Command(name = "explore",
        description = {"Shows MNIST as the tutorial does before training: the shapes, a 3x3 grid of random training",
                "images (PNG), one digit's 28x28 pixel values and the label counts of both sets. No training."})
public final class ExploreCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--seed", paramLabel = "N", description = "Chooses the sample images; the same seed shows the same"
            + " images (default: a new random seed, printed so the grid can be repeated).")
    Long seed;

    @Option(names = "--index", paramLabel = "N", description = "Training image (0-59999) whose pixel matrix is printed"
            + " (default: the last image of the grid, as the tutorial does).")
    Integer index;

    @Option(names = "--grid", paramLabel = "FILE", defaultValue = "output/train-samples.png",
            description = "Where to write the sample grid PNG (default: ${DEFAULT-VALUE}).")
    Path grid;

    @Override
    public Integer call() {
        if (index != null && (index < 0 || index >= MnistData.TRAIN_SIZE)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--index must be between 0 and " + (MnistData.TRAIN_SIZE - 1) + ", got " + index);
        }
        long s = seed != null ? seed : ThreadLocalRandom.current().nextLong(1_000_000);
        PrintWriter out = spec.commandLine().getOut();
        Exploration e = ExploreData.run(new ExploreData.Request(data.dataDir(), s, index, grid), location -> {
            out.println("MNIST: " + location.source() + " (verified)");
            out.flush();
        });
        out.println(e.shapesText());
        out.println("Sample training images (seed " + e.seed() + "): indices " + Arrays.toString(e.sampleIndices())
                + ", labels " + Arrays.toString(e.sampleLabels()));
        out.println("Wrote " + e.gridFile());
        out.println();
        out.println("Pixel matrix of training image " + e.matrixIndex() + " (label " + e.matrixLabel() + "):");
        out.print(e.pixelMatrix());
        out.println();
        out.println("Label counts:");
        out.print(e.labelCountsText());
        out.flush();
        return 0;
    }
}
