/**
 * MNIST itself: finding, verifying and unpacking the IDX files, reading them into arrays and iterators, varying training images (augmentation),
 * and the limits on how many images a run may use. Also pictures that are not digits, made from a seed
 * ({@link dev.dl4jmnist.data.NonDigits}). May depend on {@code io} only.
 */
package dev.dl4jmnist.data;
