// %% [markdown]
// # 2. Preparing the data: flatten, scale, one-hot
//
// The network of this tutorial is a multilayer perceptron: instead of a 28 × 28 matrix it accepts a vector
// of 784 numbers. So each image is **flattened** into a vector, and its pixels are **normalised** from
// [0, 255] to [0, 1], which keeps every input on a similar scale. The labels become **one-hot** vectors:
// ten numbers, all 0 except a 1 at the digit's position.
//
// Flattening loses the connectivity of the pixels: the model does not know that pixels (1,1) and (2,1) are
// neighbours. Convolutional networks, which use that spatial information, are a later story.

// %%
import dev.dl4jmnist.notebook.*;
import dev.dl4jmnist.data.*;
import java.util.Arrays;

MnistData mnist = NotebookSettings.mnist();
MnistImages raw = mnist.testImages();
System.out.println("test image 0: " + raw.rows() + " x " + raw.cols() + " pixels of 0-255, label " + raw.labels()[0]);

// %% [markdown]
// In Keras this is `reshape(10000, 784)`, `astype('float32')` and `/= 255`. In DL4J the data arrives in
// batches (`DataSet`s) already in that form. One batch of all 10,000 test images:

// %%
var test = mnist.test(MnistData.TEST_SIZE, MnistData.TEST_SIZE).next();
System.out.println("Testing matrix shape now: " + Arrays.toString(test.getFeatures().shape()));
System.out.println("pixel values from " + test.getFeatures().minNumber() + " to " + test.getFeatures().maxNumber());

// %% [markdown]
// Row 7 of test image 0, as stored and as the model sees it — the same pixels divided by 255:

// %%
int row = 7;
int[] stored = new int[raw.cols()];
for (int col = 0; col < raw.cols(); col++) stored[col] = raw.pixel(0, row, col);
float[] served = test.getFeatures().getRow(0).toFloatVector();
System.out.println("stored: " + Arrays.toString(stored));
System.out.println("scaled: " + Arrays.toString(Arrays.copyOfRange(served, row * raw.cols(), (row + 1) * raw.cols())));
System.out.println("the whole image equals the stored pixels / 255: " + Arrays.equals(raw.scaled(0), served));

// %% [markdown]
// ## One-hot labels
//
// Keras's `to_categorical(y, 10)`. The first three test labels and their one-hot rows:

// %%
for (int i = 0; i < 3; i++) {
    System.out.println(raw.labels()[i] + " -> " + test.getLabels().getRow(i));
}

// %% [markdown]
// And the shapes of everything the model will train and be tested on:

// %%
System.out.println(DataShapes.of(MnistData.TRAIN_SIZE, MnistData.TEST_SIZE).format());
