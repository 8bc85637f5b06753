/**
 * The {@code serve} feature's HTTP side: an embedded server (Javalin on Jetty) with a drawing page, the page's JSON
 * prediction API, the Open Inference Protocol (KServe v2 REST, Triton's HTTP API) with Triton's model repository
 * extension, health probes and Prometheus metrics (Micrometer). It reaches the rest of the application only through
 * {@code app} ({@link dev.dl4jmnist.app.ServeModels} and its registry of loaded models). May depend on: {@code app},
 * Javalin, Jetty, Jackson, Micrometer, SLF4J/Logback. Knows nothing of the command line.
 */
package dev.dl4jmnist.server;
