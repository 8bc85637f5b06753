package dev.dl4jmnist;

/**
 * A model file the application refuses because it cannot run it faithfully (an unsupported Keras layer or
 * layer option): one line naming the layer, and the usage exit code (2), like other requests it cannot serve.
 */
public class UnsupportedModelException extends UsageException {
    public UnsupportedModelException(String message) {
        super(message);
    }
}
