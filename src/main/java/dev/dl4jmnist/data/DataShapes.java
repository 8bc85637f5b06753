package dev.dl4jmnist.data;

/** The shapes of the model-ready arrays, printed as the tutorial prints NumPy shapes. */
public record DataShapes(int trainExamples, int testExamples, int features, int classes) {

    public static DataShapes of(int trainExamples, int testExamples) {
        return new DataShapes(trainExamples, testExamples, MnistData.PIXELS, MnistData.CLASSES);
    }

    /** {@code X_train: (60000, 784)} style lines, for features and one-hot labels. */
    public String format() {
        return String.format("X_train: (%d, %d)   y_train: (%d, %d)%nX_test:  (%d, %d)   y_test:  (%d, %d)",
                trainExamples, features, trainExamples, classes, testExamples, features, testExamples, classes);
    }
}
