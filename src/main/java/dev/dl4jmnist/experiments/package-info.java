/**
 * Sweeps over networks (the MLP, the CNN) and their hyperparameters: their definitions, running and
 * resuming them, and their tables and charts.
 * A feature package: may depend on {@code training}, {@code evaluation}, {@code visualisation},
 * {@code model}, {@code data} and {@code io}; never on {@code app} or {@code cli}.
 */
package dev.dl4jmnist.experiments;
