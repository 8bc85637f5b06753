/**
 * Scoring a model on labelled images the way Keras does (loss, accuracy), the confusion matrix,
 * per-class metrics and agreement between two sets of predictions. A feature package: may depend on
 * {@code model}, {@code data} and {@code io}; never on {@code app} or {@code cli}.
 */
package dev.dl4jmnist.evaluation;
