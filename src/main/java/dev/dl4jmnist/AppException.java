package dev.dl4jmnist;

/** A problem the user can fix (bad input, missing files, wrong options): shown as one line, never as a stack trace. */
public class AppException extends RuntimeException {
    public AppException(String message) {
        super(message);
    }

    public AppException(String message, Throwable cause) {
        super(message, cause);
    }
}
