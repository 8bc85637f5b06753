/**
 * Speed and memory measurements for {@code bench}: what a benchmark is asked and answers (request,
 * result, observer), whole-process runs timed by the kernel's accounts (wall, CPU, peak RSS), the
 * comparison with the PyTorch peer, the machine's own sgemm rate, the native settings in force, and
 * the median that summarises repeated runs. The benchmark itself is orchestrated by {@code app.RunBenchmark}.
 *
 * <p>May depend on {@code data}, {@code model}, {@code training}, {@code evaluation},
 * {@code persistence}, {@code io} and ND4J/DL4J; knows nothing of the command line.
 */
package dev.dl4jmnist.performance;
