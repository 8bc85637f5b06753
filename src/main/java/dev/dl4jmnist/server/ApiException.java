package dev.dl4jmnist.server;

/** A request the server refuses: an HTTP status and one sentence for the client (sent as {@code {"error": ...}}). */
final class ApiException extends RuntimeException {
    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
