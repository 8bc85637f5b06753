/**
 * Labelling users' pictures of digits with a {@link dev.dl4jmnist.model.DigitClassifier}: files,
 * directories, bytes or decoded images in; the top three digits out. A feature package: may depend on
 * {@code prediction.imaging}, {@code model} and {@code io}; never on {@code app} or {@code cli}.
 */
package dev.dl4jmnist.prediction;
