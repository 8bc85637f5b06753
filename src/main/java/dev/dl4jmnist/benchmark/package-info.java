/**
 * The speed and memory benchmark of the tutorial's training: seconds per epoch, throughput against
 * the machine's own sgemm rate, inference, a cold one-image prediction, peak memory, the native
 * settings in force, and optionally the PyTorch peer run alternately beside the whole {@code train}.
 *
 * <p>May depend on {@code data}, {@code model}, {@code training}, {@code evaluation},
 * {@code persistence}, {@code io} and ND4J/DL4J; knows nothing of the command line.
 */
package dev.dl4jmnist.benchmark;
