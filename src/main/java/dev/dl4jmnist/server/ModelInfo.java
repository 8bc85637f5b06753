package dev.dl4jmnist.server;

/**
 * What {@code GET /api/model} reports about the model that answers.
 *
 * @param testAccuracy from the run summary beside the model, or null when it has none (an imported model)
 */
public record ModelInfo(String path, String sha256, long parameters, Double testAccuracy) {
}
