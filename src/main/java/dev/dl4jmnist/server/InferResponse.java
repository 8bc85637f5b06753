package dev.dl4jmnist.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dl4jmnist.app.Inference;

import java.util.ArrayList;
import java.util.List;

/**
 * An Open Inference Protocol answer: the model name and version that computed it, the request's id and parameters
 * echoed, and the outputs asked for: {@code probabilities} (FP32 {@code [N, 10]}, each float written as its shortest
 * decimal, so it reads back to the same bits; calibrated when the model is), {@code label} (INT64 {@code [N]}, the most
 * probable digit) and {@code not_a_digit} (BOOL {@code [N]}: true when the model says the image is no digit at all).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"model_name", "model_version", "id", "parameters", "outputs"})
record InferResponse(@JsonProperty("model_name") String modelName, @JsonProperty("model_version") String modelVersion,
                     String id, ObjectNode parameters, List<Tensor> outputs) {

    /** One output tensor, its data flat in row-major order. */
    record Tensor(String name, String datatype, long[] shape, Object data) {
    }

    static InferResponse of(InferRequest request, Inference inference) {
        int n = inference.labels().length;
        List<Tensor> outputs = new ArrayList<>();
        for (String name : request.outputs()) {
            if (name.equals(InferRequest.PROBABILITIES)) {
                int classes = n == 0 ? 10 : inference.probabilities()[0].length;
                float[] flat = new float[n * classes];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(inference.probabilities()[i], 0, flat, i * classes, classes);
                }
                outputs.add(new Tensor(name, "FP32", new long[]{n, classes}, flat));
            } else if (name.equals(InferRequest.NOT_A_DIGIT)) {
                outputs.add(new Tensor(name, "BOOL", new long[]{n}, inference.notADigit()));
            } else {
                long[] labels = new long[n];
                for (int i = 0; i < n; i++) {
                    labels[i] = inference.labels()[i];
                }
                outputs.add(new Tensor(name, "INT64", new long[]{n}, labels));
            }
        }
        return new InferResponse(inference.model().name(), Long.toString(inference.model().version()),
                request.id(), request.parameters(), outputs);
    }
}
