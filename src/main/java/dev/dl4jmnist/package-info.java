/**
 * The dl4j-mnist application: the Keras MNIST tutorial reproduced and verified in Deeplearning4j.
 * This root package holds only {@link dev.dl4jmnist.AppException}, the error every layer raises for a
 * problem the user can fix; it depends on nothing of the application.
 */
package dev.dl4jmnist;
