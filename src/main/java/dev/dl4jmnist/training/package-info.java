/**
 * Training a network the way Keras's {@code fit} does, with per-epoch history and progress callbacks, and
 * the callbacks Keras has for long runs: early stopping on validation loss, a checkpoint after every epoch
 * and a bit-identical resume from it, and the run's events (for a live page and the run's history file;
 * the page's server is in {@code training.watch}).
 * A feature package: may depend on {@code evaluation}, {@code model}, {@code data} and {@code io};
 * never on {@code app} or {@code cli}.
 */
package dev.dl4jmnist.training;
