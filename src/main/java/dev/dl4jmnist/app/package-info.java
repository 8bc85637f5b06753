/**
 * The use cases, one class each (train the tutorial, evaluate a model, compare with Keras, import a Keras
 * file, predict digits, run experiments, explore the data, serve models): a request record in, a result record out,
 * an observer for progress where there is any. The command line, the server and notebooks call these; the server
 * calls nothing else. {@link dev.dl4jmnist.app.ModelRegistry} is the one list of the models being served.
 * May depend on the feature packages and on model, data and io; never on {@code cli} or {@code server}.
 */
package dev.dl4jmnist.app;
