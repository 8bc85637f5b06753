/**
 * Reading Keras .h5 files (Keras 2 and 3, Sequential and Functional) into DL4J networks — the tutorial's dense
 * networks and convolutional ones (Conv2D, pooling, BatchNormalization, Flatten, Reshape; channels_last) — with
 * the configuration rewritten where DL4J's importer needs it ({@code KerasConfigTranslator}), what it builds
 * wrongly corrected ({@code Dl4jCorrections}), layers outside the supported list refused ({@code KerasLayers}),
 * and the result checked against the file ({@code ImportCheck}). Called only by {@code persistence}, which owns
 * model loading. A feature package: may depend on {@code model}, {@code data} and {@code io}; never on
 * {@code app} or {@code cli}.
 */
package dev.dl4jmnist.kerasimport;
