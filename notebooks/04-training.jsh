// %% [markdown]
// # 4. Training: 5 epochs, batch size 128
//
// This is the fun part! The **batch size** is how many images each step uses to compute the loss, its
// gradients and the update. Large batches finish an epoch faster but smooth the loss, and the optimizer may
// settle in a local minimum; very small batches make the loss noisy. An **epoch** is one pass over all
// 60,000 training images; training usually takes several.
//
// As the tutorial's `validation_data`, the 10,000 test images are evaluated after every epoch.

// %%
import dev.dl4jmnist.notebook.*;
import dev.dl4jmnist.data.*;
import dev.dl4jmnist.model.*;
import dev.dl4jmnist.training.*;
import dev.dl4jmnist.persistence.*;
import dev.dl4jmnist.visualisation.*;
import dev.dl4jmnist.evaluation.Evaluator;

MnistData mnist = NotebookSettings.mnist();
MlpConfig config = MlpConfig.defaults();
int images = NotebookSettings.trainImages(MnistData.TRAIN_SIZE);
System.out.println(config.epochs() + " epochs, batch size " + config.batchSize() + ", " + images + " training images");

// %%
var train = mnist.train(config.batchSize(), images, config.seed());
var validation = mnist.test(Evaluator.EVAL_BATCH, NotebookSettings.testImages());
var model = MnistMlp.create(config);

// %% [markdown]
// `model.fit(X_train, Y_train, validation_data=(X_test, Y_test), batch_size=128, epochs=5)`:

// %%
var history = Trainer.fit(model, train, images, validation, config.epochs(), TrainingProgress.printingTo(System.out));

// %% [markdown]
// `loss` and `accuracy` are measured on the training batches during the epoch; `val_loss` and
// `val_accuracy` on the test images after it. The loss goes down and the accuracy goes up with time.
// But how does the model do on data it did not train on? The validation curves tell:

// %%
Show.chart(TrainingCharts.lossChart(history));

// %%
Show.chart(TrainingCharts.accuracyChart(history));

// %% [markdown]
// The trained model is saved for the next notebooks (evaluation, saving and reloading, the Keras comparison).

// %%
ModelStore.save(model, NotebookSettings.modelFile());
System.out.println("Saved " + NotebookSettings.modelFile());
