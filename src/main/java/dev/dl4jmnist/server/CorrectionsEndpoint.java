package dev.dl4jmnist.server;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.prediction.Corrections;
import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;

/**
 * {@code POST /api/corrections?label=D}: the drawing page's "that's wrong, it is a …" — the picture (a
 * body or upload, as for a prediction) is kept with its label in the corrections folder (append-only,
 * atomic, size-limited; {@code train --fine-tune MODEL --corrections DIR} learns from it). Like a
 * management endpoint it answers loopback clients only, unless a token is set: then every client must
 * send it ({@code Authorization: Bearer TOKEN}).
 *
 * @param token null: loopback clients only
 */
public record CorrectionsEndpoint(Path folder, long maxBytes, String token) {
    /** The default size limit of the folder: 100 MB. */
    public static final long DEFAULT_MAX_BYTES = 100L << 20;

    void handle(Context ctx, long maxBodyBytes) {
        if (token == null ? !loopback(ctx.req().getRemoteAddr()) : !tokenMatches(ctx.header("Authorization"))) {
            ImageUpload.discardBody(ctx, maxBodyBytes);
            throw new ApiException(token == null ? 403 : 401, token == null
                    ? "corrections are accepted from this machine only (serve --token TOKEN allows others)"
                    : "corrections need the server's token (Authorization: Bearer TOKEN)");
        }
        int label = label(ctx.queryParam("label"));
        ImageUpload.Picture picture = ImageUpload.from(ctx, maxBodyBytes);
        Path saved;
        try {
            saved = Corrections.append(folder, label, picture.bytes(), maxBytes);
        } catch (Corrections.FolderFullException e) {
            throw new ApiException(507, e.getMessage());
        } catch (AppException e) {
            throw new ApiException(422, "not kept: " + e.getMessage());
        }
        ctx.status(201).contentType("application/json")
                .result("{\"label\":" + label + ",\"saved\":\"" + folder.relativize(saved).toString().replace('\\', '/') + "\"}");
    }

    private static int label(String value) {
        if (value == null || !value.matches("[0-9]")) {
            throw new ApiException(400, "label must be one digit, 0 to 9, got " + (value == null ? "none" : "\"" + value + "\""));
        }
        return value.charAt(0) - '0';
    }

    private boolean tokenMatches(String header) {
        String expected = "Bearer " + token;
        return header != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The endpoint's answer when no folder was given: what to start serve with. */
    static Map<String, String> notCollected() {
        return Map.of("error", "this server keeps no corrections (serve --corrections DIR)");
    }
}
