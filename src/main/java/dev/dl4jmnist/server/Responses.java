package dev.dl4jmnist.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.util.Map;

/** Writes JSON answers and {@code {"error": ...}} answers, and records each error's reason for the metrics. */
final class Responses {
    /** The request attribute that holds an error's reason (a metrics label). */
    static final String ERROR_REASON = "error.reason";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** An error answer; the reason for the metrics follows from the status. */
    static void error(Context ctx, int status, String message) {
        error(ctx, status, message, reasonOf(status));
    }

    static void error(Context ctx, int status, String message, String reason) {
        ctx.attribute(ERROR_REASON, reason);
        json(ctx, status, Map.of("error", message));
    }

    /** A few words for each error status, as the metrics' {@code reason} label. */
    static String reasonOf(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 401, 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "slow_body";
            case 409 -> "conflict";
            case 413 -> "body_too_large";
            case 415 -> "unsupported_media_type";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "other";
        };
    }
}
