/**
 * The use cases, one class each (train the tutorial, evaluate a model, compare with Keras, import a Keras
 * file, predict digits, run experiments, explore the data): a request record in, a result record out, an
 * observer for progress where there is any. The command line, the server and notebooks call these.
 * May depend on the feature packages and on model, data and io; never on {@code cli}.
 */
package dev.dl4jmnist.app;
