/**
 * Preparing a picture as MNIST was: decoding (with EXIF orientation), gray conversion, background and
 * ink extraction, cropping, fitting into 20×20 and centring by mass in 28×28. May depend on {@code data}
 * (MNIST's pixel scaling) and {@code io}; knows nothing of models.
 */
package dev.dl4jmnist.prediction.imaging;
