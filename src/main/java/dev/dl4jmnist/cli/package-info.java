/**
 * The command line (picocli): each command parses its options, calls one use case of
 * {@link dev.dl4jmnist.app} and prints the result. May depend on everything below it; nothing depends on it.
 */
package dev.dl4jmnist.cli;
