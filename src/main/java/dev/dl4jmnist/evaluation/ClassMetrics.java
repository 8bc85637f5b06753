package dev.dl4jmnist.evaluation;

/** Precision, recall and F1 of one class, and how many test images truly belong to it (support). */
public record ClassMetrics(int digit, double precision, double recall, double f1, int support) {
}
