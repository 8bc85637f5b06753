/**
 * The live page of a training run ({@code train --watch}): a small HTTP server (Javalin on Jetty, as
 * {@code serve}) on the loopback address with the loss and accuracy curves, updated through server-sent
 * events. Part of the {@code training} feature: depends on {@code training} and {@code io}; knows nothing
 * of the command line or of {@code serve}'s server.
 */
package dev.dl4jmnist.training.watch;
