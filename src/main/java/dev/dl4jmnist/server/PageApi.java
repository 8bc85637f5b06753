package dev.dl4jmnist.server;

import dev.dl4jmnist.app.ModelRegistry;
import dev.dl4jmnist.app.PictureAnswer;
import dev.dl4jmnist.app.ServeModels;
import dev.dl4jmnist.app.ServedModel;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The drawing page's API: label a picture ({@code POST /api/predict}), describe a model ({@code GET /api/model})
 * or every loaded one ({@code GET /api/models}), and {@code GET /health}. {@code ?model=NAME&version=N} picks a
 * model; without them the default model's latest version answers.
 */
final class PageApi {
    private final ServeModels models;
    private final ComputeQueue compute;
    private final ServerMetrics metrics;
    private final BooleanSupplier ready;
    private final BooleanSupplier draining;
    private final long maxBodyBytes;

    PageApi(ServeModels models, ComputeQueue compute, ServerMetrics metrics, BooleanSupplier ready, BooleanSupplier draining,
            long maxBodyBytes) {
        this.models = models;
        this.compute = compute;
        this.metrics = metrics;
        this.ready = ready;
        this.draining = draining;
        this.maxBodyBytes = maxBodyBytes;
    }

    void predict(Context ctx) {
        boolean withPreprocessed = Boolean.parseBoolean(ctx.queryParam("preprocessed"));
        boolean withAll = Boolean.parseBoolean(ctx.queryParam("probabilities"));
        ImageUpload.Picture picture = ImageUpload.from(ctx, maxBodyBytes);
        ServedModel model = model(ctx);
        PictureAnswer answer = compute.run(() -> models.predictPicture(model, picture.bytes(), picture.name(),
                withPreprocessed, withAll));
        metrics.inferred(model, List.of(answer.label()));
        ctx.header("X-Model-Name", model.name()).header("X-Model-Version", Long.toString(model.version()));
        Responses.json(ctx, 200, answer.prediction());
    }

    void describe(Context ctx) {
        Responses.json(ctx, 200, model(ctx).info());
    }

    /** Every loaded model's versions, and the default model's name. */
    void list(Context ctx) {
        List<Object> all = new ArrayList<>();
        for (ModelRegistry.Versions versions : models.registry().all()) {
            all.addAll(versions.byVersion().values().stream().map(ServedModel::info).toList());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("default", models.defaultModel());
        body.put("models", all);
        Responses.json(ctx, 200, body);
    }

    /** 200 {@code {"status": "ok"}} once every model is loaded; 503 with "loading" or "draining" before and after. */
    void health(Context ctx) {
        if (ready.getAsBoolean()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "ok");
            body.put("model", models.registry().find(models.defaultModel(), null).map(m -> m.info().file()).orElse(null));
            Responses.json(ctx, 200, body);
        } else {
            Responses.json(ctx, 503, Map.of("status", draining.getAsBoolean() ? "draining" : "loading"));
        }
    }

    private ServedModel model(Context ctx) {
        String version = ctx.queryParam("version");
        Long number = null;
        if (version != null && !version.isEmpty()) {
            if (!version.matches("[1-9][0-9]{0,17}")) {
                throw new ApiException(400, "version must be a positive integer, not '" + version + "'");
            }
            number = Long.parseLong(version);
        }
        String name = ctx.queryParam("model");
        return models.model(name == null || name.isEmpty() ? null : name, number);
    }
}
