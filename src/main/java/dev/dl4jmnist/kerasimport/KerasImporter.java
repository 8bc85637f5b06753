package dev.dl4jmnist.kerasimport;

import dev.dl4jmnist.AppException;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.KerasSequentialModel;
import org.deeplearning4j.nn.modelimport.keras.config.KerasModelConfiguration;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelUtils;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports a Keras {@code model.save("….h5")} file (Keras 2 or 3, Sequential or Functional API) into DL4J:
 * reads the file ({@link KerasFile}), translates its configuration ({@link KerasConfigTranslator}),
 * lets DL4J's Keras importer build the network from that JSON, copies the weights from the file, corrects
 * what the importer builds wrongly ({@link Dl4jCorrections}) and verifies the network against the file's
 * configuration ({@link ImportCheck}).
 */
public final class KerasImporter {
    private KerasImporter() {
    }

    /** Imports {@code h5}; any problem is an {@link AppException} with one line naming it. */
    public static ImportedKerasModel importModel(Path h5) {
        KerasFile file = KerasFile.read(h5);
        KerasConfigTranslator.Translation t = KerasConfigTranslator.translate(file);
        Built built;
        String trainingNote = t.trainingProblem();
        if (t.trainingJson() != null) {
            try {
                built = build(file, t, true);
            } catch (AppException e) {
                throw e;
            } catch (Exception e) {
                // the architecture may still import without its training configuration
                built = buildOrFail(file, t, false);
                trainingNote = "DL4J could not import the training configuration (" + firstLine(e) + ")";
            }
        } else {
            built = buildOrFail(file, t, false);
        }
        boolean trainable = built.training;
        ImportCheck check = ImportCheck.verify(built.model, t, built.training);
        if (!check.mismatches().isEmpty()) {
            throw new AppException(h5 + ": the imported network does not match the file's configuration: "
                    + String.join("; ", check.mismatches()));
        }
        if (trainable) {
            trainingNote = check.optimizer();
        }
        List<String> changes = new ArrayList<>(t.changes());
        built.corrections.ifPresent(changes::add);
        return new ImportedKerasModel(h5, built.model, file.kerasVersion(), file.backend(), t.modelClass(),
                file.parameterCount(), trainable, trainingNote, List.copyOf(changes), check.verified());
    }

    /** @param corrections what {@link Dl4jCorrections} changed on the built network, if anything */
    private record Built(Model model, boolean training, Optional<String> corrections) {
    }

    private static Built buildOrFail(KerasFile file, KerasConfigTranslator.Translation t, boolean training) {
        try {
            return build(file, t, training);
        } catch (AppException e) {
            throw e;
        } catch (Exception e) {
            throw new AppException(file.path() + ": DL4J cannot map this Keras model: " + firstLine(e), e);
        }
    }

    private static Built build(KerasFile file, KerasConfigTranslator.Translation t, boolean training) throws Exception {
        KerasModelBuilder builder = new KerasModelBuilder(new KerasModelConfiguration())
                .modelJson(t.modelJson()).enforceTrainingConfig(training);
        if (training) {
            builder.trainingJson(t.trainingJson());
        }
        Model model;
        Map<String, KerasLayer> layers;
        if (t.functional()) {
            KerasModel keras = builder.buildModel();
            model = keras.getComputationGraph(false);
            layers = keras.getLayers();
        } else {
            KerasSequentialModel keras = builder.buildSequential();
            model = keras.getMultiLayerNetwork(false);
            layers = keras.getLayers();
        }
        Map<String, Map<String, INDArray>> fileWeights = KerasConfigTranslator.weightsForDl4j(file);
        for (Map.Entry<String, KerasLayer> e : layers.entrySet()) {
            if (e.getValue().getNumParams() == 0) {
                continue;
            }
            Map<String, INDArray> weights = fileWeights.get(e.getKey());
            if (weights == null) {
                throw new AppException(file.path() + ": the file has no weights for layer '" + e.getKey() + "'");
            }
            e.getValue().setWeights(new HashMap<>(weights));
        }
        KerasModelUtils.copyWeightsToModel(model, layers);
        return new Built(model, training, Dl4jCorrections.removeKeepAllDropout(model));
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        m = (nl >= 0 ? m.substring(0, nl) : m).trim();
        int plea = m.indexOf(" Please file an issue");   // DL4J's messages end with a request to report them
        return plea > 0 ? m.substring(0, plea) : m;
    }
}
