/**
 * Reading Keras .h5 files (Keras 2 and 3) into DL4J networks, with the configuration rewritten where
 * DL4J's importer needs it and checked against the file. Called only by {@code persistence}, which
 * owns model loading. A feature package: may depend on {@code model}, {@code data} and {@code io};
 * never on {@code app} or {@code cli}.
 */
package dev.dl4jmnist.kerasimport;
