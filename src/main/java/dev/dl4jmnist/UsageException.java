package dev.dl4jmnist;

/**
 * A problem with what the user asked for (an option value, a configuration file): one line, and the
 * command-line usage exit code (2) rather than the failure code (1).
 */
public class UsageException extends AppException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
