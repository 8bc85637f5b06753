/**
 * The process's runtime as this application uses it: which build of ND4J's native library suits the
 * CPU, how many threads its kernels and BLAS use, and how quiet the logging is. Depends on ND4J and
 * Logback only.
 */
package dev.dl4jmnist.platform;
