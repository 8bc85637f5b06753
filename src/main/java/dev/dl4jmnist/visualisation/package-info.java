/**
 * Pictures and text reports: digit grids, pixel matrices, loss and accuracy curves, the confusion matrix
 * chart and the evaluation report. A feature package: may depend on {@code evaluation}, {@code training},
 * {@code data} and {@code io}; never on {@code app} or {@code cli}.
 */
package dev.dl4jmnist.visualisation;
