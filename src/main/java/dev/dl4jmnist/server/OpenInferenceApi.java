package dev.dl4jmnist.server;

import dev.dl4jmnist.app.Inference;
import dev.dl4jmnist.app.ModelRegistry;
import dev.dl4jmnist.app.ServeModels;
import dev.dl4jmnist.app.ServedModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.javalin.http.Context;

import java.io.IOException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The Open Inference Protocol's REST endpoints (KServe v2, Triton's HTTP API): server metadata and health, model
 * metadata and readiness, and inference, with Triton's model repository extension (index, load, unload).
 */
final class OpenInferenceApi {
    static final String SERVER_NAME = "dl4j-mnist";
    /** Tensor metadata: name, datatype and shape (-1 for the batch size). */
    record TensorMetadata(String name, String datatype, long[] shape) {
    }

    private static final ObjectMapper MANAGEMENT_JSON = new ObjectMapper();

    private final ServeModels models;
    private final ComputeQueue compute;
    private final ServerMetrics metrics;
    private final BooleanSupplier draining;
    private final long maxBodyBytes;
    private final ManagementAccess management;

    OpenInferenceApi(ServeModels models, ComputeQueue compute, ServerMetrics metrics, BooleanSupplier draining,
                     long maxBodyBytes, ManagementAccess management) {
        this.models = models;
        this.compute = compute;
        this.metrics = metrics;
        this.draining = draining;
        this.maxBodyBytes = maxBodyBytes;
        this.management = management;
    }

    void serverMetadata(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", SERVER_NAME);
        body.put("version", ServerVersion.get());
        body.put("extensions", List.of("model_repository"));
        Responses.json(ctx, 200, body);
    }

    void live(Context ctx) {
        Responses.json(ctx, 200, Map.of("live", true));
    }

    /** Ready: every configured model loaded and warmed up, and not draining. 503 otherwise, for probes. */
    void ready(Context ctx) {
        boolean ready = isReady();
        Responses.json(ctx, ready ? 200 : 503, Map.of("ready", ready));
    }

    boolean isReady() {
        return !draining.getAsBoolean() && models.ready();
    }

    void modelMetadata(Context ctx) {
        ServedModel model = model(ctx);
        ModelRegistry.Versions versions = models.registry().find(model.name()).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", model.name());
        body.put("versions", versions.versions().stream().map(String::valueOf).toList());
        body.put("platform", model.info().platform());
        body.put("inputs", List.of(new TensorMetadata(InferRequest.INPUT, "FP32", new long[]{-1, InferRequest.PIXELS})));
        body.put("outputs", List.of(new TensorMetadata(InferRequest.PROBABILITIES, "FP32", new long[]{-1, 10}),
                new TensorMetadata(InferRequest.LABEL, "INT64", new long[]{-1}),
                new TensorMetadata(InferRequest.NOT_A_DIGIT, "BOOL", new long[]{-1})));
        Responses.json(ctx, 200, body);
    }

    void modelReady(Context ctx) {
        ServedModel model = model(ctx);
        boolean ready = !draining.getAsBoolean();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", model.name());
        body.put("ready", ready);
        Responses.json(ctx, ready ? 200 : 503, body);
    }

    /**
     * Reads the request and labels its images. The JSON is read in the compute queue too: its tree takes about 30
     * bytes a number, so only as many requests as there are cores hold one at a time.
     */
    void infer(Context ctx) {
        byte[] body = RequestBody.read(ctx, maxBodyBytes, "the request body is empty: send an inference request (JSON)");
        ServedModel model = model(ctx);
        InferResponse answer = compute.run(() -> {
            InferRequest request = InferRequest.read(body, model.convolutional());
            Inference inference = models.infer(model, request.images());
            metrics.inferred(model, inference.metricLabels());
            return InferResponse.of(request, inference);
        });
        Responses.json(ctx, 200, answer);
    }

    /** Triton's repository index: every loaded version, and every model of the store that is not loaded. */
    void index(Context ctx) {
        management.check(ctx);
        JsonNode request = managementRequest(ctx);
        JsonNode ready = request.path("ready");
        if (!ready.isMissingNode() && !ready.isBoolean()) {
            throw new ApiException(400, "\"ready\" must be true or false");
        }
        Responses.json(ctx, 200, models.index().stream()
                .filter(m -> !ready.asBoolean(false) || m.state().equals("READY")).toList());
    }

    /** Loads the model's versions again and serves the highest; a broken version is refused and the old ones keep serving. */
    void load(Context ctx) {
        management.check(ctx);
        JsonNode parameters = managementRequest(ctx).path("parameters");
        if (parameters.size() > 0) {
            throw new ApiException(400, "load takes no parameters (a configuration or files in the request):"
                    + " put the model file into the model store as NAME/VERSION/FILE and load it by name");
        }
        ModelRegistry.Versions versions = models.load(ctx.pathParam("name"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", versions.name());
        body.put("versions", versions.versions().stream().map(String::valueOf).toList());
        body.put("serving", String.valueOf(versions.latest().version()));
        Responses.json(ctx, 200, body);
    }

    void unload(Context ctx) {
        management.check(ctx);
        managementRequest(ctx);
        models.unload(ctx.pathParam("name"));
        Responses.json(ctx, 200, Map.of());
    }

    /** A repository request's body: none, or a JSON object. */
    private JsonNode managementRequest(Context ctx) {
        byte[] body = RequestBody.readOptional(ctx, maxBodyBytes);
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode request = MANAGEMENT_JSON.readTree(body);
            if (request != null && request.isObject()) {
                return request;
            }
        } catch (IOException e) {
            // answered below
        }
        throw new ApiException(400, "the body must be empty or a JSON object");
    }

    /** The model and version the path names (the latest version when it names none). */
    private ServedModel model(Context ctx) {
        String version = ctx.pathParamMap().get("version");
        return models.model(ctx.pathParam("name"), version == null ? null : parseVersion(ctx.pathParam("name"), version));
    }

    private static long parseVersion(String name, String version) {
        if (version.matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(version);
        }
        throw new ApiException(404, "model '" + name + "' has no version '" + version + "' (versions are positive integers)");
    }
}
