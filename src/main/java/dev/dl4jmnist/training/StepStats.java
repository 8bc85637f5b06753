package dev.dl4jmnist.training;

/**
 * One training step as it ends: its number in the epoch (from 1) out of {@code steps}, the epoch's running
 * mean loss and accuracy so far, the learning rate it used and the number of images in its minibatch.
 */
public record StepStats(int step, int steps, double runningLoss, double runningAccuracy, double learningRate, int examples) {
}
