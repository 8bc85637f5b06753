package dev.dl4jmnist.data;

import dev.dl4jmnist.AppException;

/** The one rule for how many training or test images a run may use: between 1 (or a given least) and the size of the set. */
public final class SubsetLimits {
    private SubsetLimits() {
    }

    /** @throws AppException "training examples must be between 1 and 60000, got N" */
    public static void requireTrainExamples(int n) {
        require("training examples", n, MnistData.TRAIN_SIZE);
    }

    /** @throws AppException "test examples must be between 1 and 10000, got N" */
    public static void requireTestExamples(int n) {
        require("test examples", n, MnistData.TEST_SIZE);
    }

    /** @throws AppException "{@code name} must be between 1 and {@code max}, got {@code n}" */
    public static void require(String name, int n, int max) {
        require(name, n, max, 1);
    }

    /** @throws AppException "{@code name} must be between {@code min} and {@code max}, got {@code n}" */
    public static void require(String name, int n, int max, int min) {
        if (n < min || n > max) {
            throw new AppException(name + " must be between " + min + " and " + max + ", got " + n);
        }
    }
}
