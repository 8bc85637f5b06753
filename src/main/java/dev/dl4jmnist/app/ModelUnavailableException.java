package dev.dl4jmnist.app;

import dev.dl4jmnist.AppException;

/** A request for a model that cannot be had right now: unknown, still loading, or being loaded by another request. */
public final class ModelUnavailableException extends AppException {
    /** Why the model cannot be had. */
    public enum Reason { UNKNOWN, LOADING, BUSY }

    private final Reason reason;

    public ModelUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
