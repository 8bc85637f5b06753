/**
 * The dl4j-mnist application: the Keras MNIST tutorial reproduced and verified in Deeplearning4j.
 * This root package holds only what every layer shares: the errors raised for a problem the user can fix,
 * {@link dev.dl4jmnist.AppException} (exit code 1), {@link dev.dl4jmnist.UsageException} (exit code 2) and
 * {@link dev.dl4jmnist.UnsupportedModelException} (a model refused as unsupported, exit code 2), the answer
 * to try again later ({@link dev.dl4jmnist.TryAgainException}), and {@link dev.dl4jmnist.MemoryBudget}, the
 * memory that work running at once draws on; it depends on nothing of the application.
 */
package dev.dl4jmnist;
