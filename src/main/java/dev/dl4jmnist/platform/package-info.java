/**
 * The process's runtime as this application uses it: which build of ND4J's native library to load
 * ({@link dev.dl4jmnist.platform.NativeBuild}, whose rule also picks the one build the jar holds), a
 * check that the CPU runs it before anything loads it, how many threads its kernels and BLAS use,
 * and how quiet the logging is. Depends on ND4J, JavaCPP and Logback only.
 */
package dev.dl4jmnist.platform;
