// %% [markdown]
// # 3. The model: 784 → 512 → 512 → 10
//
// The tutorial builds a `Sequential` model in Keras:
//
// ```python
// model = Sequential()
// model.add(Dense(512, input_shape=(784,)))
// model.add(Activation('relu'))
// model.add(Dropout(0.2))
// model.add(Dense(512))
// model.add(Activation('relu'))
// model.add(Dropout(0.2))
// model.add(Dense(10))
// model.add(Activation('softmax'))
// model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
// ```
//
// The application builds the same network with DL4J's builder (`MnistMlp`), layer for layer:
//
// | Keras | DL4J |
// |-------|------|
// | `Dense(512)` | `DenseLayer` (identity activation), Glorot-uniform weights, zero biases |
// | `Activation('relu')` | `ActivationLayer(RELU)` |
// | `Dropout(0.2)` | `DropoutLayer(0.8)` — DL4J names the fraction kept |
// | `Dense(10)` + `Activation('softmax')` | `OutputLayer(SOFTMAX)` with the multi-class cross-entropy loss |
// | `optimizer='adam'` | `Adam(0.001, 0.9, 0.999, 1e-7)` |
//
// Its settings come from `config/training.json`, the tutorial's values:

// %%
import dev.dl4jmnist.notebook.*;
import dev.dl4jmnist.model.*;
import dev.dl4jmnist.training.*;

MlpConfig config = MlpConfig.defaults();
System.out.println(config);

// %% [markdown]
// The first hidden layer is a set of 512 nodes; each receives all 784 inputs and applies a weight and a bias
// to each. **ReLU** turns negative values into zero: this non-linearity lets the network learn far more than
// a linear function. **Dropout** randomly silences 20% of the outputs while training, so the network cannot
// rely on a few nodes and has to spread what it learns. The second hidden layer is the same, with 512 inputs.
// The final 10 nodes, with **softmax**, give a probability for each digit.

// %%
var model = MnistMlp.create(config);
System.out.println(ModelSummary.of(model));

// %% [markdown]
// 784 × 512 + 512 = 401,920 parameters in the first layer, 512 × 512 + 512 = 262,656 in the second and
// 512 × 10 + 10 = 5,130 in the output layer, as Keras counts them.
//
// When compiling, Keras asks for a loss function and an optimizer. **Categorical cross-entropy** measures how
// far the predicted distribution is from the target (100% on the right digit); unlike accuracy it rewards
// confidence. **Adam** adjusts every weight along the gradient of the loss, in steps set by the learning rate:

// %%
var output = (org.deeplearning4j.nn.conf.layers.OutputLayer) model.getLayer(model.getnLayers() - 1).conf().getLayer();
System.out.println("loss:       " + output.getLossFn());
System.out.println("activation: " + output.getActivationFn());
System.out.println("optimizer:  " + output.getIUpdater());
System.out.println("parameters: " + model.numParams());
