/**
 * The networks: the tutorial MLP ({@link dev.dl4jmnist.model.MnistMlp}) and the convolutional network
 * ({@link dev.dl4jmnist.model.MnistCnn}) with their configurations, built from DL4J's layers and the
 * faster ones of {@code fastlayers}; the Keras-style summary; and {@link dev.dl4jmnist.model.DigitClassifier},
 * the one thread-safe inference API on any loaded network.
 * May depend on {@code fastlayers}, {@code data}, {@code io} and {@code platform}; never on feature
 * packages, {@code app} or {@code cli}.
 */
package dev.dl4jmnist.model;
