package dev.dl4jmnist;

/** A problem that passes: the resource the request needs is busy, and the same request a moment later will find room. */
public class TryAgainException extends AppException {
    public TryAgainException(String message) {
        super(message);
    }
}
