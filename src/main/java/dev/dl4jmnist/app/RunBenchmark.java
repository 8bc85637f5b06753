package dev.dl4jmnist.app;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.performance.BenchmarkObserver;
import dev.dl4jmnist.performance.BenchmarkRequest;
import dev.dl4jmnist.performance.BenchmarkResult;
import dev.dl4jmnist.performance.ChildProcesses;
import dev.dl4jmnist.performance.PeerComparison;
import dev.dl4jmnist.performance.ProcessRun;
import dev.dl4jmnist.performance.RuntimeSettings;
import dev.dl4jmnist.performance.SgemmRate;
import dev.dl4jmnist.performance.Statistics;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.model.MlpConfig;
import dev.dl4jmnist.training.EpochStats;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Measures the tutorial's training and the model's inference in this process, a one-image
 * {@code predict} in fresh processes, and optionally whole-process {@code train} against the
 * PyTorch peer, alternating so that both see the same load on the machine.
 */
public final class RunBenchmark {
    /** The inference batch sizes measured: a training-sized batch and the whole test set at once. */
    public static final int SMALL_BATCH = 128;
    public static final int WHOLE_TEST_SET = MnistData.TEST_SIZE;
    private static final int INFERENCE_REPEATS = 5;
    /** The application as its jar starts it (the training commands get their heap from it). */
    private static final String MAIN_CLASS = "dev.dl4jmnist.cli.Launcher";

    private RunBenchmark() {
    }

    public static BenchmarkResult run(BenchmarkRequest request, BenchmarkObserver observer) {
        Path gzipped = request.withPeer() ? checkPeerInputs(request) : null;    // fail before minutes of work
        Path work = createWorkDir();
        MlpConfig config = MlpConfig.defaults().withEpochs(request.epochs());
        MnistData data = MnistData.locate(request.dataDir());

        observer.stageStarted("training " + request.epochs() + " epochs on " + request.trainExamples() + " images");
        CpuClock cpu = new CpuClock();
        TutorialResult run = TrainTutorial.run(new TutorialRequest(config, data.location().directory(),
                work.resolve("model.zip"), request.trainExamples(), request.testExamples()), cpu);
        List<EpochStats> history = run.history();
        List<EpochStats> rest = history.subList(1, history.size());
        double trainStepSeconds = Statistics.median(rest.stream().mapToDouble(EpochStats::trainSeconds).toArray());
        double flopsPerEpoch = 6.0 * run.parameters() * request.trainExamples();

        observer.stageStarted("sgemm at the training shapes");
        int[] widths = IntStream.concat(IntStream.concat(IntStream.of(MnistData.PIXELS),
                config.hidden().stream().mapToInt(Integer::intValue)), IntStream.of(MnistData.CLASSES)).toArray();
        double sgemm = SgemmRate.gflopPerSecond(config.batchSize(), widths);

        observer.stageStarted("inference on " + request.testExamples() + " test images");
        INDArray features = data.test(request.testExamples(), request.testExamples()).next().getFeatures();
        DigitClassifier classifier = DigitClassifier.of(run.model());
        double small = imagesPerSecond(classifier, batches(features, SMALL_BATCH));
        double whole = imagesPerSecond(classifier, batches(features, WHOLE_TEST_SET));

        Double coldPredict = null;
        if (request.coldPredictRuns() > 0) {
            observer.stageStarted("one-image predict in " + request.coldPredictRuns() + " fresh processes");
            coldPredict = coldPredictSeconds(run.modelPath(), data.testImages(), request.coldPredictRuns(), work);
        }
        double peakRss = ProcessMemory.peakRssBytes() / 1048576.0;

        PeerComparison peer = null;
        if (request.withPeer()) {
            peer = comparePeer(request, gzipped, work, observer);
        }
        BenchmarkResult result = new BenchmarkResult(RuntimeSettings.current(run.model().getLayerWiseConfigurations()),
                request.trainExamples(), request.testExamples(), request.epochs(),
                history.get(0).seconds(), Statistics.median(rest.stream().mapToDouble(EpochStats::seconds).toArray()),
                Statistics.median(history.stream().mapToDouble(e -> e.seconds() - e.trainSeconds()).toArray()),
                request.trainExamples() / trainStepSeconds, flopsPerEpoch / trainStepSeconds / 1e9,
                sgemm, flopsPerEpoch / (sgemm * 1e9), cpu.seconds(), run.test().accuracy(), small, whole,
                coldPredict, peakRss, peer);
        deleteTree(work);
        return result;
    }

    /** Process CPU time from the first epoch's start to the last epoch's end. */
    private static final class CpuClock implements TutorialObserver {
        private long start = -1;
        private long end;

        @Override
        public void epochStarted(int epoch, int epochs, int steps) {
            if (start < 0) {
                start = processCpuNanos();
            }
        }

        @Override
        public void epochFinished(EpochStats stats, int epochs) {
            end = processCpuNanos();
        }

        double seconds() {
            return (end - start) / 1e9;
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    private static List<INDArray> batches(INDArray features, int size) {
        List<INDArray> out = new ArrayList<>();
        long rows = features.rows();
        for (long from = 0; from < rows; from += size) {
            out.add(features.get(NDArrayIndex.interval(from, Math.min(from + size, rows)), NDArrayIndex.all()).dup());
        }
        return out;
    }

    /** Median images per second of full inference passes over {@code batches}, after one warm-up pass. */
    private static double imagesPerSecond(DigitClassifier classifier, List<INDArray> batches) {
        long images = batches.stream().mapToLong(INDArray::rows).sum();
        double[] rates = new double[INFERENCE_REPEATS + 1];
        for (int r = 0; r < rates.length; r++) {
            long t0 = System.nanoTime();
            for (INDArray batch : batches) {
                classifier.probabilities(batch);
            }
            rates[r] = images / ((System.nanoTime() - t0) / 1e9);
        }
        return Statistics.median(java.util.Arrays.copyOfRange(rates, 1, rates.length));
    }

    private static double coldPredictSeconds(Path model, MnistImages images, int runs, Path work) {
        Path picture = work.resolve("digit.png");
        writeDigit(images, 0, picture);
        List<String> command = ChildProcesses.application(MAIN_CLASS, "predict", "--model", model.toString(), picture.toString());
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            seconds[i] = ChildProcesses.wallSeconds(command, work.resolve("predict-" + (i + 1) + ".log"));
        }
        return Statistics.median(seconds);
    }

    /** MNIST image {@code index} as a 28×28 gray PNG, as a user's scanned digit would arrive. */
    private static void writeDigit(MnistImages images, int index, Path file) {
        BufferedImage image = new BufferedImage(images.cols(), images.rows(), BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < images.rows(); r++) {
            for (int c = 0; c < images.cols(); c++) {
                int v = images.pixel(index, r, c);
                image.getRaster().setSample(c, r, 0, v);
            }
        }
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new AppException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Rounds of whole-process {@code train} and the peer, alternating, on the full data set. */
    private static PeerComparison comparePeer(BenchmarkRequest request, Path gzipped, Path work, BenchmarkObserver observer) {
        List<ProcessRun> runs = new ArrayList<>();
        for (int round = 1; round <= request.peerRounds(); round++) {
            observer.stageStarted("round " + round + "/" + request.peerRounds() + ": train (whole process)");
            Path model = work.resolve("train-" + round + ".zip");
            runs.add(ChildProcesses.measured(PeerComparison.OURS, round, request.python(),
                    ChildProcesses.application(MAIN_CLASS, "train", "--data-dir", gzipped.toString(), "--model", model.toString()),
                    work.resolve("train-" + round + ".log")));
            observer.stageStarted("round " + round + "/" + request.peerRounds() + ": PyTorch peer");
            runs.add(ChildProcesses.measured(PeerComparison.PEER, round, request.python(),
                    List.of(request.python(), request.peerScript().toString(), gzipped.toString()),
                    work.resolve("peer-" + round + ".log")));
        }
        return PeerComparison.of(runs);
    }

    /** The peer script exists, and the data directory holds the four gzipped IDX files it reads; returns that directory. */
    private static Path checkPeerInputs(BenchmarkRequest request) {
        if (!Files.isRegularFile(request.peerScript())) {
            throw new AppException("PyTorch peer script " + request.peerScript() + " does not exist");
        }
        Path dir = request.dataDir();
        if (dir == null) {
            throw new AppException("the PyTorch peer needs the directory of the gzipped MNIST files: pass --data-dir DIR or set MNIST_DIR");
        }
        for (String name : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                throw new AppException("the PyTorch peer reads the gzipped MNIST files, and " + dir + " has no " + name);
            }
        }
        return dir.toAbsolutePath();
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("dl4j-mnist-bench");
        } catch (IOException e) {
            throw new AppException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
