/**
 * The {@code serve} feature: an embedded HTTP server (Javalin on Jetty) with a drawing page and a JSON
 * prediction API. {@link dev.dl4jmnist.server.DigitService} is the only class that reaches into the rest
 * of the application (model loading, preprocessing, inference); the HTTP classes depend on it alone.
 * May depend on: {@code prediction}, {@code model}, {@code persistence}, {@code io}, Javalin, Jackson,
 * SLF4J/Logback. Knows nothing of the command line.
 */
package dev.dl4jmnist.server;
