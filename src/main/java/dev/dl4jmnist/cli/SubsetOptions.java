package dev.dl4jmnist.cli;

import dev.dl4jmnist.data.MnistData;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How many images to train and test on: all by default, fewer for quick runs. Shared by train and experiment;
 * a count outside 1..N is a usage error (exit 2) as soon as it is parsed.
 */
public final class SubsetOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    private Integer trainExamples;
    private Integer testExamples;

    @Option(names = "--train-examples", paramLabel = "N", description = "Train on N training images, drawn at random from the seed (quick runs; default: all that are not held out).")
    void trainExamples(int n) {
        trainExamples = Usage.examples(mixee, "--train-examples", n, MnistData.TRAIN_SIZE);
    }

    @Option(names = "--test-examples", paramLabel = "N", description = "Use only the first N test images (quick runs; default: all 10000).")
    void testExamples(int n) {
        testExamples = Usage.examples(mixee, "--test-examples", n, MnistData.TEST_SIZE);
    }

    public int trainExamples() {
        return trainExamplesOr(MnistData.TRAIN_SIZE);
    }

    /** The count asked for, or {@code all} when none was. */
    public int trainExamplesOr(int all) {
        return trainExamples != null ? trainExamples : all;
    }

    public int testExamples() {
        return testExamples != null ? testExamples : MnistData.TEST_SIZE;
    }
}
