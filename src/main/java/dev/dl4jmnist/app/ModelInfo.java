package dev.dl4jmnist.app;

/**
 * What the APIs report about one loaded version of a model ({@code GET /api/model}, the page's model list).
 *
 * @param platform     {@code deeplearning4j_zip} or {@code keras_hdf5}: the kind of file it was loaded from
 * @param architecture {@code mlp} (dense layers only) or {@code cnn} (it convolves the 28×28 image)
 * @param testAccuracy from the run summary beside the model, or null when it has none (an imported model)
 * @param file         the model file's name, without its directory (public endpoints show no server paths)
 * @param loadSeconds  how long loading and checking the file took
 */
public record ModelInfo(String name, long version, String platform, String architecture, String file, String sha256,
                        long parameters, Double testAccuracy, double loadSeconds) {
}
