package dev.dl4jmnist.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of the model repository's index: a model (and version, when loaded), its state and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelState(String name, String version, String state, String reason) {
}
