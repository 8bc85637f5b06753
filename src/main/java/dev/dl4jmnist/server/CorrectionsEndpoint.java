package dev.dl4jmnist.server;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.app.KeepCorrections;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/corrections?label=D}: the drawing page's "that's wrong, it is a …". The picture (a body
 * or upload, as for a prediction) is kept with its label when serve keeps corrections; like the model
 * repository's endpoints it answers clients on this machine only, unless the management token is set.
 */
final class CorrectionsEndpoint {
    private final KeepCorrections corrections;
    private final ManagementAccess access;
    private final long maxBodyBytes;

    /** @param corrections null: this server keeps none (403) */
    CorrectionsEndpoint(KeepCorrections corrections, ManagementAccess access, long maxBodyBytes) {
        this.corrections = corrections;
        this.access = access;
        this.maxBodyBytes = maxBodyBytes;
    }

    void handle(Context ctx) {
        if (corrections == null) {
            RequestBody.discard(ctx, maxBodyBytes);
            throw new ApiException(403, "this server keeps no corrections (serve --corrections DIR)");
        }
        try {
            access.check(ctx, "corrections");
        } catch (ApiException refused) {
            RequestBody.discard(ctx, maxBodyBytes);
            throw refused;
        }
        int label = label(ctx.queryParam("label"));
        ImageUpload.Picture picture = ImageUpload.from(ctx, maxBodyBytes);
        String saved;
        try {
            saved = corrections.keep(label, picture.bytes());
        } catch (KeepCorrections.FolderFull e) {
            throw new ApiException(507, e.getMessage());
        } catch (AppException e) {
            throw new ApiException(422, "not kept: " + e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();   // always in this order (Map.of's order changes from run to run)
        body.put("label", label);
        body.put("saved", saved);
        Responses.json(ctx, 201, body);
    }

    private static int label(String value) {
        if (value == null || !value.matches("[0-9]")) {
            throw new ApiException(400, "label must be one digit, 0 to 9, got " + (value == null ? "none" : "\"" + value + "\""));
        }
        return value.charAt(0) - '0';
    }
}
