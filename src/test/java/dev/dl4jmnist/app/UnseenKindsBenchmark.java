package dev.dl4jmnist.app;

import dev.dl4jmnist.TestData;
import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.data.NonDigitMixing;
import dev.dl4jmnist.data.NonDigits;
import dev.dl4jmnist.data.ResumableIterator;
import dev.dl4jmnist.evaluation.Evaluator;
import dev.dl4jmnist.evaluation.WilsonInterval;
import dev.dl4jmnist.model.DigitAnswer;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.model.CnnConfig;
import dev.dl4jmnist.model.MlpConfig;
import dev.dl4jmnist.model.NetworkRecipe;
import dev.dl4jmnist.training.CalibrationFit;
import dev.dl4jmnist.training.FitPlan;
import dev.dl4jmnist.training.Trainer;
import dev.dl4jmnist.training.TrainingProgress;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well a network taught with non-digits refuses a kind of non-digit it was never shown, measured without
 * any outside data: for each {@link NonDigits.Kind} (or those named as arguments), the MLP (or, after
 * {@code --network cnn}, the CNN) is trained as {@code train --non-digits} trains it but with that kind left out
 * of the pool, calibrated on the held-out digits, and asked about {@value #PER_KIND} pictures of that kind from
 * another seed. Prints each kind's refused share (95% Wilson interval), the shown kinds' and MNIST test's, and
 * the mean over the kinds left out. A change to the non-digits (new kinds, more of them) is judged by this
 * mean, never by Fashion-MNIST, which is kept for the final measurement. Takes about 45 s per kind for the
 * MLP on 2 cores, 8 min for the CNN.
 */
public final class UnseenKindsBenchmark {
    /** The seed of the pictures asked about: neither the pool's nor any test's. */
    static final long SEED = 2;
    static final int PER_KIND = 1000;

    private UnseenKindsBenchmark() {
    }

    public static void main(String[] args) {
        List<NonDigits.Kind> kinds = new ArrayList<>();
        NetworkRecipe config = MlpConfig.defaults();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--network")) {
                config = args[++i].equals(NetworkRecipe.CNN) ? CnnConfig.defaults() : MlpConfig.defaults();
            } else {
                kinds.add(NonDigits.Kind.valueOf(args[i].toUpperCase(Locale.ROOT)));
            }
        }
        if (kinds.isEmpty()) {
            kinds.addAll(List.of(NonDigits.Kind.values()));
        }
        MnistData data = TestData.mnist();
        float[][] asked = NonDigits.images(PER_KIND * NonDigits.Kind.values().length, SEED);
        float[][] testDigits = data.testImages().scaledAll();
        double sum = 0;
        for (NonDigits.Kind left : kinds) {
            long start = System.nanoTime();
            DigitClassifier classifier = trainWithout(config, left, data);
            int refusedLeft = 0, refusedShown = 0, shown = 0;
            DigitAnswer[] answers = classifier.answers(asked);
            for (int i = 0; i < answers.length; i++) {
                boolean refused = !answers[i].digit();
                if (NonDigits.kindOf(i) == left) {
                    refusedLeft += refused ? 1 : 0;
                } else {
                    shown++;
                    refusedShown += refused ? 1 : 0;
                }
            }
            int digitsRefused = 0;
            for (DigitAnswer a : classifier.answers(testDigits)) {
                digitsRefused += a.digit() ? 0 : 1;
            }
            WilsonInterval ci = WilsonInterval.of(refusedLeft, PER_KIND);
            double share = (double) refusedLeft / PER_KIND;
            sum += share;
            System.out.printf(Locale.ROOT, "%-8s left out: %5.1f%% of them refused [%.1f, %.1f]; the kinds shown %5.1f%%;"
                            + " MNIST test %.2f%%; T %.4f, threshold %.4f; %.0f s%n",
                    left, 100 * share, 100 * ci.low(), 100 * ci.high(), 100.0 * refusedShown / shown,
                    100.0 * digitsRefused / MnistData.TEST_SIZE, classifier.calibration().orElseThrow().temperature(),
                    classifier.calibration().orElseThrow().threshold(), (System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "%s, mean over the %d kinds left out: %.1f%% refused%n", config.networkName(), kinds.size(), 100 * sum / kinds.size());
    }

    /** The network as {@code train --non-digits} makes it (defaults, held-out digits, calibrated), never shown {@code left}. */
    private static DigitClassifier trainWithout(NetworkRecipe config, NonDigits.Kind left, MnistData data) {
        int heldOut = MnistData.HELD_OUT;
        int examples = MnistData.TRAIN_SIZE - heldOut;
        ResumableIterator train = data.train(config.batchSize(), examples, config.seed(), heldOut);
        train.mixNonDigits(NonDigitMixing.withoutKind(left, config.seed()));
        MultiLayerNetwork net = config.create();
        Trainer.fit(net, config.trainingView(train), examples, data.test(Evaluator.EVAL_BATCH, MnistData.TEST_SIZE),
                FitPlan.epochs(config.epochs()), TrainingProgress.SILENT);
        CalibrationFit.Result calibration = TrainTutorial.calibrate(net, data, heldOut);
        return DigitClassifier.of(net, calibration.calibration());
    }
}
