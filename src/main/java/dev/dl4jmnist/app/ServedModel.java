package dev.dl4jmnist.app;

import dev.dl4jmnist.model.DigitAnswer;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.prediction.DigitPredictor;

/**
 * One loaded version of a model, ready to answer: its classifier and what the APIs report about it. Each call
 * labels one image as its own batch, so an answer never depends on what else is being labelled.
 */
public final class ServedModel {
    private final ModelInfo info;
    private final DigitClassifier classifier;
    private final boolean convolutional;
    private final DigitPredictor pictures;

    ServedModel(ModelInfo info, DigitClassifier classifier) {
        this.info = info;
        this.classifier = classifier;
        this.convolutional = classifier.isConvolutional();
        this.pictures = new DigitPredictor(classifier, DigitPredictor.Options.defaults());
    }

    public String name() {
        return info.name();
    }

    public long version() {
        return info.version();
    }

    public ModelInfo info() {
        return info;
    }

    /** Whether it convolves the image (so it also takes a {@code [N, 28, 28, 1]} tensor over the inference protocol). */
    public boolean convolutional() {
        return convolutional;
    }

    /** The answer for one image of 784 pixels in [0, 1] (row by row), exactly as {@code predict} computes it. */
    DigitAnswer answer(float[] pixels) {
        return classifier.answers(new float[][]{pixels})[0];
    }

    /** The one path from a picture to its answer, as {@code predict} takes it. */
    DigitPredictor pictures() {
        return pictures;
    }
}
