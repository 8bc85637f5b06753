// %% [markdown]
// # 1. The data: MNIST
//
// The goal: a model that learns from a large corpus of handwritten digits and their labels, so that it can
// label handwritten digits it has never seen. The corpus is the **MNIST database**: 60,000 training images
// and 10,000 test images, each 28 × 28 pixels.
//
// This notebook is the first part of the Keras MNIST tutorial, step by step in Java with Deeplearning4j.
// Every cell calls the application's own classes; nothing is computed here that the application does not
// compute itself. Run it with `java -jar target/dl4j-mnist.jar notebook notebooks/01-data.jsh`, or in the
// JDK's own REPL: `jshell --class-path target/dl4j-mnist.jar notebooks/01-data.jsh`.

// %% [markdown]
// ## Loading the training data
//
// Keras downloads `mnist.npz`; here the four original IDX files are found in `MNIST_DIR` (or DL4J's cache)
// and every file is checked — header, size and SHA-256 — before it is used.
//
// The application's `ExploreData` does the tutorial's whole look at the data in one call: the shapes, nine
// random training images, the pixels of one digit and the label counts. The seed picks the nine images, so
// the same seed always shows the same digits.

// %%
import dev.dl4jmnist.notebook.*;
import dev.dl4jmnist.app.ExploreData;
import dev.dl4jmnist.visualisation.Exploration;

long seed = 42;
Exploration data = ExploreData.run(
        new ExploreData.Request(NotebookSettings.dataDir(), seed, null, NotebookSettings.file("train-samples.png")),
        found -> System.out.println("MNIST: " + found.source() + " (verified)"));

// %%
System.out.print(data.shapesText());

// %% [markdown]
// Let us plot some sample images from the training set.

// %%
System.out.println("training images " + java.util.Arrays.toString(data.sampleIndices()));
Show.png(data.gridFile());

// %% [markdown]
// Let's examine a single digit a little closer, and print out the array representing the digit
// (the last one of the grid above).

// %%
System.out.println("training image " + data.matrixIndex() + ", label " + data.matrixLabel());
System.out.print(data.pixelMatrix());

// %% [markdown]
// | Comment | Description |
// |---------|-------------|
// | Array input | This array is what your computer receives and operates with. |
// | Pixel pattern | If we follow the non-zero pixels we can see the number! |
// | Image type | A black and white image: each pixel is an 8-bit integer from 0 to 255, 0 is full black and 255 is full white. |
// | Monochrome | One channel per pixel. A screen has three (red, green, blue): 24 bits, 16,777,216 colours. |
//
// Finally, how many examples of each digit are there? The classes are close to balanced, in both sets.

// %%
System.out.print(data.labelCountsText());
