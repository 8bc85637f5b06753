package dev.dl4jmnist.kerasimport;

import dev.dl4jmnist.model.ModelSummary;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.nio.file.Path;
import java.util.List;

/**
 * A Keras {@code .h5} model imported into DL4J, with where it came from and how the import went.
 *
 * @param model          a {@link MultiLayerNetwork} (Sequential) or {@link ComputationGraph} (Functional API)
 * @param modelClass     Keras's model class: Sequential, Model or Functional
 * @param parameterCount the parameters Keras counts: every weight in the file (BatchNormalization's moving
 *                       statistics included, as Keras's summary counts them)
 * @param trainable      true when the training configuration (loss and optimizer) was imported, so
 *                       {@code fit} continues training as Keras would
 * @param trainingNote   the imported optimizer when trainable, otherwise why training cannot continue
 * @param translations   each rewrite of the Keras configuration made for DL4J's importer
 * @param checks         each property of the built network verified against the file's own configuration
 */
public record ImportedKerasModel(Path source, Model model, String kerasVersion, String backend, String modelClass,
                                 long parameterCount, boolean trainable, String trainingNote,
                                 List<String> translations, List<String> checks) {

    /** "Keras 3.11.3 (torch)". */
    public String describeKeras() {
        return "Keras " + kerasVersion + " (" + backend + ")";
    }

    /** A Keras-style summary of the imported network. */
    public String summary() {
        if (model instanceof MultiLayerNetwork net) {
            return ModelSummary.of(net);
        }
        return ((ComputationGraph) model).summary();
    }

    /** "MultiLayerNetwork" or "ComputationGraph". */
    public String dl4jType() {
        return model.getClass().getSimpleName();
    }
}
