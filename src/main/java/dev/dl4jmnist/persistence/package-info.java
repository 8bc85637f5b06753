/**
 * Model files and run records: the one place that reads every model file we accept (DL4J zips and,
 * through {@code kerasimport}, Keras .h5) and checks what it returns, atomic saving, the reload check and
 * the JSON run summary. A feature package: may depend on {@code kerasimport}, {@code evaluation},
 * {@code training}, {@code model}, {@code data} and {@code io}; never on {@code app} or {@code cli}.
 */
package dev.dl4jmnist.persistence;
