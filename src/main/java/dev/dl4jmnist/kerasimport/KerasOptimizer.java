package dev.dl4jmnist.kerasimport;

import com.fasterxml.jackson.databind.JsonNode;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of Keras optimizers DL4J's importer maps: Keras's name, the name the importer expects,
 * the DL4J updater it becomes, and the values to compare between the two. Used by
 * {@link KerasConfigTranslator} (what the importer can read) and {@link ImportCheck} (what it made of it).
 */
enum KerasOptimizer {
    ADAM("Adam", "Adam", Adam.class, (c, lr, u) -> {
        Adam a = (Adam) u;
        return betas(c, lr, a.getLearningRate(), a.getBeta1(), a.getBeta2(), a.getEpsilon());
    }),
    ADAMAX("Adamax", "Adamax", AdaMax.class, (c, lr, u) -> {
        AdaMax a = (AdaMax) u;
        return betas(c, lr, a.getLearningRate(), a.getBeta1(), a.getBeta2(), a.getEpsilon());
    }),
    NADAM("Nadam", "Nadam", Nadam.class, (c, lr, u) -> {
        Nadam a = (Nadam) u;
        return betas(c, lr, a.getLearningRate(), a.getBeta1(), a.getBeta2(), a.getEpsilon());
    }),
    ADADELTA("Adadelta", "Adadelta", AdaDelta.class, (c, lr, u) -> {
        AdaDelta d = (AdaDelta) u;
        return values("rho", c.path("rho").asDouble(), d.getRho(), "epsilon", c.path("epsilon").asDouble(), d.getEpsilon());
    }),
    RMSPROP("RMSprop", "RMSprop", RmsProp.class, (c, lr, u) -> {
        RmsProp r = (RmsProp) u;
        return values("learning_rate", lr, r.getLearningRate(), "rho", c.path("rho").asDouble(), r.getRmsDecay(),
                "epsilon", c.path("epsilon").asDouble(), r.getEpsilon());
    }),
    /** With momentum 0 (or nesterov=True) DL4J's Nesterovs is exactly Keras's SGD. */
    SGD("SGD", "SGD", Nesterovs.class, (c, lr, u) -> {
        Nesterovs n = (Nesterovs) u;
        return values("learning_rate", lr, n.getLearningRate(), "momentum", c.path("momentum").asDouble(), n.getMomentum());
    }),
    /** DL4J's importer spells Keras's Adagrad "Adgrad". */
    ADAGRAD("Adagrad", "Adgrad", AdaGrad.class, (c, lr, u) -> {
        AdaGrad g = (AdaGrad) u;
        return values("learning_rate", lr, g.getLearningRate(), "epsilon", c.path("epsilon").asDouble(), g.getEpsilon());
    });

    /** The values of one optimizer to compare, name → {Keras's, DL4J's}, from its Keras config and learning rate. */
    private interface Values {
        Map<String, double[]> of(JsonNode config, double learningRate, IUpdater updater);
    }

    final String kerasName;
    final String importerName;
    final Class<? extends IUpdater> updater;
    private final Values values;

    KerasOptimizer(String kerasName, String importerName, Class<? extends IUpdater> updater, Values values) {
        this.kerasName = kerasName;
        this.importerName = importerName;
        this.updater = updater;
        this.values = values;
    }

    static Optional<KerasOptimizer> byKerasName(String name) {
        return Arrays.stream(values()).filter(o -> o.kerasName.equals(name)).findFirst();
    }

    /** By the class name in a configuration already translated for the importer ("Adgrad" for Adagrad). */
    static Optional<KerasOptimizer> byImporterName(String name) {
        return Arrays.stream(values()).filter(o -> o.importerName.equals(name)).findFirst();
    }

    /** Whether Keras configures it with a learning rate (Adadelta adapts its own). */
    boolean hasLearningRate() {
        return this != ADADELTA;
    }

    /** Whether DL4J's importer reads a {@code decay} key for it (Keras 3 configs have none). */
    boolean needsDecayKey() {
        return this != ADADELTA && this != ADAMAX && this != NADAM;
    }

    /** Keras's and DL4J's values, by Keras's option name, in a fixed order; {@code updater} must be of {@link #updater}'s class. */
    Map<String, double[]> compare(JsonNode config, double learningRate, IUpdater updater) {
        return values.of(config, learningRate, updater);
    }

    private static Map<String, double[]> betas(JsonNode c, double lr, double dl4jLr, double beta1, double beta2, double epsilon) {
        return values("learning_rate", lr, dl4jLr, "beta_1", c.path("beta_1").asDouble(), beta1,
                "beta_2", c.path("beta_2").asDouble(), beta2, "epsilon", c.path("epsilon").asDouble(), epsilon);
    }

    /** Triples of (name, Keras value, DL4J value) as an ordered map. */
    private static Map<String, double[]> values(Object... triples) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            out.put((String) triples[i], new double[]{(Double) triples[i + 1], (Double) triples[i + 2]});
        }
        return out;
    }
}
