// %% [markdown]
// # 5. Evaluating: test score, right and wrong answers
//
// The model trained in notebook 04 is loaded and evaluated on the 10,000 test images, as Keras's
// `model.evaluate(X_test, Y_test)` — by the application's `EvaluateModel`, which also writes its report
// (pictures and text) beside the model. The score is the loss (categorical cross-entropy), then the accuracy.

// %%
import dev.dl4jmnist.notebook.*;
import dev.dl4jmnist.app.EvaluateModel;
import dev.dl4jmnist.data.*;
import dev.dl4jmnist.evaluation.*;
import dev.dl4jmnist.visualisation.*;

var evaluation = EvaluateModel.run(new EvaluateModel.Request(NotebookSettings.modelFile(), NotebookSettings.dataDir(),
        NotebookSettings.testImages(), NotebookSettings.workDir()));
EvaluationResult result = evaluation.result();
System.out.println("Test score: " + result.loss());
System.out.println("Test accuracy: " + result.accuracy());

// %% [markdown]
// ## Inspecting the output
//
// It's always a good idea to inspect the output and make sure everything looks sane. The predicted class of
// each image is the one with the highest probability (`argmax`); comparing it with the true label splits the
// test images into those the model gets right and those it gets wrong.

// %%
ModelAnalysis analysis = evaluation.report().analysis();
System.out.println(analysis.countsLine());

// %% [markdown]
// Nine correctly labelled images:

// %%
MnistImages testImages = NotebookSettings.mnist().testImages();
Show.image(DigitGrid.render(EvaluationReport.predictionTiles(analysis.split().firstCorrect(9), result, testImages), 3));

// %% [markdown]
// And nine it got wrong — several are hard to read for a person too:

// %%
Show.image(DigitGrid.render(EvaluationReport.predictionTiles(analysis.split().firstIncorrect(9), result, testImages), 3));

// %% [markdown]
// ## Which digits are confused with which
//
// The confusion matrix counts, for each true digit (row), how often each digit was predicted (column); the
// diagonal holds the correct answers.

// %%
System.out.print(analysis.confusion().format());

// %%
Show.chart(ConfusionMatrixChart.chart(analysis.confusion()));

// %% [markdown]
// Precision (of the images predicted as a digit, how many are that digit), recall (of the images of a digit,
// how many were found) and their harmonic mean F1, per digit:

// %%
System.out.print(analysis.classes().format());
