// %% [markdown]
// # 7. The Keras model itself
//
// The repository ships the tutorial's own trained models as Keras saved them (`trained_model.h5`), from two
// runs of the original notebook: Keras 2.3.1 on Theano and Keras 3.11.3 on PyTorch, each with the
// probabilities Keras predicted for the 10,000 test images. DL4J imports the `.h5` files; here we check that
// the imported networks predict what Keras predicted, and compare them with the DL4J model of notebook 04.

// %%
import dev.dl4jmnist.notebook.*;
import dev.dl4jmnist.app.CompareWithKeras;
import dev.dl4jmnist.kerasimport.ImportedKerasModel;
import dev.dl4jmnist.persistence.ModelStore;
import java.nio.file.Path;

Path keras2 = Path.of("models", "keras", "keras-2.3.1-theano", "trained_model.h5");
Path keras3 = Path.of("models", "keras", "keras-3.11.3-torch", "trained_model.h5");

// %% [markdown]
// ## Keras 2.3.1 (Theano)
//
// The import reads the file's model configuration and weights and builds the same network in DL4J:

// %%
ImportedKerasModel imported2 = ModelStore.importKeras(keras2);
System.out.println(imported2.describeKeras() + ", " + imported2.modelClass() + " -> " + imported2.dl4jType());
System.out.println(imported2.summary());

// %% [markdown]
// The imported network on the test set; then its probabilities against the ones Keras saved, and its
// answers against the DL4J model trained in notebook 04:

// %%
var compared2 = CompareWithKeras.run(new CompareWithKeras.Request(keras2, NotebookSettings.modelFile(), true,
        NotebookSettings.dataDir(),
        NotebookSettings.file("keras2-vs-dl4j.png")));
System.out.println("Keras test score: " + compared2.kerasTest().loss() + ", accuracy: " + compared2.kerasTest().accuracy());
System.out.println("Keras reported accuracy: " + compared2.reference().reportedAccuracy().orElse(Double.NaN));
var match2 = compared2.savedPredictions();
System.out.println("same class as Keras's saved predictions: " + match2.matching() + "/" + match2.total()
        + " (max abs probability difference " + match2.maxAbsDifference() + ")");
System.out.println("DL4J model accuracy: " + compared2.dl4jTest().accuracy());
System.out.println("Keras and DL4J agree on " + compared2.agreeing() + " of " + compared2.kerasTest().size() + " test images");

// %% [markdown]
// Some of the images on which the Keras model and the DL4J model disagree:

// %%
Show.png(compared2.grid());

// %% [markdown]
// ## Keras 3.11.3 (PyTorch)
//
// Keras 3 writes its files differently; the application translates what DL4J's importer cannot read:

// %%
ImportedKerasModel imported3 = ModelStore.importKeras(keras3);
System.out.println(imported3.describeKeras() + ", " + imported3.modelClass() + " -> " + imported3.dl4jType());
imported3.translations().forEach(t -> System.out.println("translated: " + t));

// %%
var compared3 = CompareWithKeras.run(new CompareWithKeras.Request(keras3, NotebookSettings.modelFile(), true,
        NotebookSettings.dataDir(),
        NotebookSettings.file("keras3-vs-dl4j.png")));
System.out.println("Keras test score: " + compared3.kerasTest().loss() + ", accuracy: " + compared3.kerasTest().accuracy());
System.out.println("Keras reported accuracy: " + compared3.reference().reportedAccuracy().orElse(Double.NaN));
var match3 = compared3.savedPredictions();
System.out.println("same class as Keras's saved predictions: " + match3.matching() + "/" + match3.total()
        + " (max abs probability difference " + match3.maxAbsDifference() + ")");
System.out.println("Keras and DL4J agree on " + compared3.agreeing() + " of " + compared3.kerasTest().size() + " test images");

// %% [markdown]
// ## A convolutional network: keras.io's "Simple MNIST convnet" (Keras 3.11.3, PyTorch)
//
// Most Keras models people bring to Java are convolutional. This one (Conv2D 32 and 64, max pooling, Flatten,
// Dropout, Dense; 1 epoch) takes each image as (28, 28, 1), channels_last. The import gives it the same 784
// pixel values as every model here, reshaped to the image, and keeps its layers channels_last, so that Flatten
// lays the 5×5×64 feature map out in Keras's order (see docs/keras-convnets.md):

// %%
Path convnet = Path.of("models", "keras", "keras-3.11.3-torch-convnet", "trained_model.h5");
ImportedKerasModel importedCnn = ModelStore.importKeras(convnet);
System.out.println(importedCnn.describeKeras() + ", " + importedCnn.modelClass() + " -> " + importedCnn.dl4jType());
System.out.println(importedCnn.summary());
importedCnn.translations().forEach(t -> System.out.println("translated: " + t));

// %%
var comparedCnn = CompareWithKeras.run(new CompareWithKeras.Request(convnet, NotebookSettings.modelFile(), true,
        NotebookSettings.dataDir(),
        NotebookSettings.file("keras-convnet-vs-dl4j.png")));
System.out.println("Keras test score: " + comparedCnn.kerasTest().loss() + ", accuracy: " + comparedCnn.kerasTest().accuracy());
System.out.println("Keras reported accuracy: " + comparedCnn.reference().reportedAccuracy().orElse(Double.NaN));
var matchCnn = comparedCnn.savedPredictions();
System.out.println("same class as Keras's saved predictions: " + matchCnn.matching() + "/" + matchCnn.total()
        + " (max abs probability difference " + matchCnn.maxAbsDifference() + ")");
System.out.println("Keras and DL4J agree on " + comparedCnn.agreeing() + " of " + comparedCnn.kerasTest().size() + " test images");
