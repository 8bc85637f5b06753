/**
 * ND4J's native runtime as this application uses it: which build of the native library suits the
 * CPU, and how many threads its kernels and BLAS use. Depends on ND4J only.
 */
package dev.dl4jmnist.platform;
