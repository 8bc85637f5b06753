/**
 * Training a network the way Keras's {@code fit} does, with per-epoch history and progress callbacks.
 * A feature package: may depend on {@code evaluation}, {@code model}, {@code data} and {@code io};
 * never on {@code app} or {@code cli}.
 */
package dev.dl4jmnist.training;
