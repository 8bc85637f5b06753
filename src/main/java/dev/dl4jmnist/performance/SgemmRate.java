package dev.dl4jmnist.performance;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * The machine's single-precision matrix-multiply rate at the shapes of one training step of a dense
 * network: per layer the forward product, the weight gradient and the input gradient, each
 * {@code 2·batch·in·out} floating-point operations, through ND4J's BLAS as training calls it.
 */
public final class SgemmRate {
    private static final int STEPS_PER_SAMPLE = 50;
    private static final int SAMPLES = 5;

    private SgemmRate() {
    }

    /** Median GFLOP/s over a few timed samples, after one warm-up, for layers {@code widths[0]→widths[1]→…}. */
    public static double gflopPerSecond(int batch, int... widths) {
        List<Runnable> products = new ArrayList<>();
        long flops = 0;
        for (int i = 0; i + 1 < widths.length; i++) {
            int in = widths[i];
            int out = widths[i + 1];
            INDArray x = Nd4j.rand(DataType.FLOAT, batch, in);
            INDArray w = Nd4j.rand(DataType.FLOAT, in, out);
            INDArray z = Nd4j.create(DataType.FLOAT, batch, out);
            INDArray dz = Nd4j.rand(DataType.FLOAT, batch, out);
            INDArray dw = Nd4j.create(DataType.FLOAT, in, out);
            INDArray dx = Nd4j.create(DataType.FLOAT, batch, in);
            products.add(() -> Nd4j.gemm(x, w, z, false, false, 1.0, 0.0));     // forward: z = x·W
            products.add(() -> Nd4j.gemm(x, dz, dw, true, false, 1.0, 0.0));    // weight gradient: xᵀ·dz
            products.add(() -> Nd4j.gemm(dz, w, dx, false, true, 1.0, 0.0));    // input gradient: dz·Wᵀ
            flops += 3L * 2L * batch * in * out;
        }
        runSteps(products, STEPS_PER_SAMPLE);                                   // warm-up
        double[] rates = new double[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            long t0 = System.nanoTime();
            runSteps(products, STEPS_PER_SAMPLE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            rates[s] = flops * (double) STEPS_PER_SAMPLE / seconds / 1e9;
        }
        return Statistics.median(rates);
    }

    private static void runSteps(List<Runnable> products, int steps) {
        for (int i = 0; i < steps; i++) {
            products.forEach(Runnable::run);
        }
    }
}
