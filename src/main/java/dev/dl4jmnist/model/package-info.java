/**
 * The networks: the tutorial MLP and the convolutional network with their configurations (the MLP's
 * dense layers training through {@link dev.dl4jmnist.model.LeanDenseLayer}, the CNN built from the native
 * convolution and pooling layers), the Keras-style summary, and
 * {@link dev.dl4jmnist.model.DigitClassifier}, the one thread-safe inference API on any loaded network.
 * May depend on {@code data} and {@code io}; never on feature packages, {@code app} or {@code cli}.
 */
package dev.dl4jmnist.model;
