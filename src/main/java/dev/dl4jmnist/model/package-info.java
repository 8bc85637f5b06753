/**
 * The networks: the tutorial MLP and the convolutional network with their configurations (and the native
 * convolution and pooling layers the latter is built from), the Keras-style summary, and
 * {@link dev.dl4jmnist.model.DigitClassifier}, the one thread-safe inference API on any loaded network.
 * May depend on {@code data} and {@code io}; never on feature packages, {@code app} or {@code cli}.
 */
package dev.dl4jmnist.model;
