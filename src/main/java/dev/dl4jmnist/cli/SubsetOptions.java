package dev.dl4jmnist.cli;

import dev.dl4jmnist.data.MnistData;
import picocli.CommandLine.Option;

/** How many images to train and test on: all by default, fewer for quick runs. Shared by train and experiment. */
public final class SubsetOptions {
    @Option(names = "--train-examples", paramLabel = "N", description = "Use only the first N training images (quick runs; default: all 60000).")
    Integer trainExamples;

    @Option(names = "--test-examples", paramLabel = "N", description = "Use only the first N test images (quick runs; default: all 10000).")
    Integer testExamples;

    public int trainExamples() {
        return trainExamples != null ? trainExamples : MnistData.TRAIN_SIZE;
    }

    public int testExamples() {
        return testExamples != null ? testExamples : MnistData.TEST_SIZE;
    }
}
