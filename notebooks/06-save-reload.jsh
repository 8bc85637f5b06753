// %% [markdown]
// # 6. Saving, reloading and verifying
//
// Now that the model has been trained, we would like to save it, load it and use it for future inferences —
// and check that the loaded model is the same model: it must predict exactly what the original predicts.
// Keras saves `trained_model.h5`; DL4J saves a zip with the configuration, the weights and the optimizer's
// state (so training could continue from the file).

// %%
import dev.dl4jmnist.notebook.*;
import dev.dl4jmnist.data.*;
import dev.dl4jmnist.evaluation.*;
import dev.dl4jmnist.persistence.*;
import dev.dl4jmnist.io.Sha256;
import java.nio.file.*;

MnistData mnist = NotebookSettings.mnist();
var model = ModelStore.load(NotebookSettings.modelFile());
var test = mnist.test(Evaluator.EVAL_BATCH, NotebookSettings.testImages());
EvaluationResult original = Evaluator.evaluate(model, test);
System.out.println("predictions of the trained model: " + original.size() + " test images");

// %% [markdown]
// `model.save("trained_model.h5")`:

// %%
Path saved = NotebookSettings.file("trained_model.zip");
ModelStore.save(model, saved, true);
System.out.printf("Saved %s: %,d bytes, sha256 %s%n", saved.getFileName(), Files.size(saved), Sha256.of(saved));

// %% [markdown]
// `saved_model = models.load_model('trained_model.h5')`, then its predictions next to the original's:

// %%
var savedModel = ModelStore.load(saved);
EvaluationResult reloaded = Evaluator.evaluate(savedModel, test);
ReloadCheck check = ReloadCheck.compare(original, reloaded);
System.out.println("Reloaded model predictions match: " + check.matching() + "/" + check.total()
        + " (max abs probability difference " + check.maxAbsDifference() + ")");

// %% [markdown]
// The tutorial's last line, `(predicted_classes == predicted_classes_from_saved).all()`:

// %%
check.allMatch()
