// %% [markdown]
// # 9. A digit, or not: calibrated probabilities
//
// The tutorial's model names a digit for every picture, even a letter or a scribble, and its probability
// says more than it knows. This notebook does what `train` does by default after the tutorial's training:
// it keeps the last 5,000 training images back, trains on the other 55,000, fits a **calibration** on the
// 5,000 (a temperature that makes the probabilities honest, and a threshold below which a picture is
// "not a digit"), and then labels pictures through the same path as `predict`, the page and the HTTP APIs.
//
// Expect a temperature near 1.2, a threshold near 0.5 and a calibration error on the test images under 1%;
// a test digit is read as its digit, a blank page is "not a digit", and so are some of the pictures that are
// not digits (how many, and how to do better, in [not-a-digit](../docs/not-a-digit.md)).

// %%
import dev.dl4jmnist.notebook.*;
import dev.dl4jmnist.app.TrainTutorial;
import dev.dl4jmnist.data.*;
import dev.dl4jmnist.evaluation.*;
import dev.dl4jmnist.model.*;
import dev.dl4jmnist.persistence.*;
import dev.dl4jmnist.prediction.*;
import dev.dl4jmnist.training.*;
import dev.dl4jmnist.visualisation.*;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;

MnistData mnist = NotebookSettings.mnist();
MlpConfig config = MlpConfig.defaults();
int heldOut = MnistData.HELD_OUT;
int images = NotebookSettings.trainImages(MnistData.TRAIN_SIZE - heldOut);
System.out.println("Held out: " + MnistData.describeHeldOut(heldOut));
System.out.println(config.epochs() + " epochs, batch size " + config.batchSize() + ", " + images + " training images");

// %% [markdown]
// Training is notebook 04's, on the first 55,000 images only: `train(…, heldOut)` never draws the last 5,000.

// %%
var model = MnistMlp.create(config);
var history = Trainer.fit(model, mnist.train(config.batchSize(), images, config.seed(), heldOut), images,
        mnist.test(Evaluator.EVAL_BATCH, NotebookSettings.testImages()), config.epochs(), TrainingProgress.printingTo(System.out));

// %% [markdown]
// ## The calibration, fitted on the held-out images alone
//
// Temperature scaling divides the network's logits by one number `T` before the softmax, chosen to minimise
// the log loss of the 5,000 held-out digits; it never changes which digit is most probable. The threshold is
// the calibrated top probability under which 0.5% of those digits fall.

// %%
CalibrationFit.Result fit = TrainTutorial.calibrate(model, mnist, heldOut);
Calibration calibration = fit.calibration();
System.out.printf("temperature %.4f: log loss %.4f before, %.4f after%n", calibration.temperature(), fit.nllBefore(), fit.nllAfter());
System.out.printf("Not a digit: below a calibrated probability of %.4f%n", calibration.threshold());

// %% [markdown]
// How honest the probabilities are on the test images, which neither training nor the calibration saw: the
// expected calibration error (15 bins) before and after, and the reliability diagram (a calibrated model's
// bars follow the diagonal).

// %%
MnistImages test = mnist.testImages().slice(0, NotebookSettings.testImages());
float[][] raw = DigitClassifier.of(model).probabilities(test.scaledAll());
float[][] calibrated = new float[raw.length][];
for (int i = 0; i < raw.length; i++) calibrated[i] = calibration.apply(raw[i]);
CalibrationError before = CalibrationError.of(raw, test.labels());
CalibrationError after = CalibrationError.of(calibrated, test.labels());
System.out.printf("Expected calibration error: %.2f%% before, %.2f%% after%n", 100 * before.expectedError(), 100 * after.expectedError());

// %%
Show.chart(ReliabilityDiagram.chart(before, after, "The tutorial's MLP on " + test.size() + " test images"));

// %% [markdown]
// ## Labelling pictures: a digit, or not
//
// The model is saved with its calibration (one more entry in the zip) and loaded back as `predict` and `serve`
// load it. Each picture goes through `DigitPredictor.label`, the one path from a picture's bytes to an answer;
// the answers print as `predict --json` and `POST /api/predict` give them. First a test digit, a letter the
// project draws itself (`NonDigits`, seed 9) and a blank page:

// %%
var saved = NotebookSettings.file("mnist-mlp-calibrated.zip");
ModelStore.save(model, saved, false, calibration);
DigitPredictor predictor = new DigitPredictor(ModelStore.loadClassifier(saved), DigitPredictor.Options.defaults());
var json = new com.fasterxml.jackson.databind.ObjectMapper();

byte[] png(float[] pixels) throws Exception {
    BufferedImage b = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    for (int i = 0; i < pixels.length; i++) b.getRaster().setSample(i % 28, i / 28, 0, Math.round(pixels[i] * 255));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(b, "png", out);
    return out.toByteArray();
}

float[][] others = NonDigits.images(12, 9);
System.out.println(json.writeValueAsString(predictor.label("test-digit.png", png(test.scaled(0))).prediction()));
System.out.println(json.writeValueAsString(predictor.label("letter.png", png(others[0])).prediction()));
System.out.println(json.writeValueAsString(predictor.label("blank-page.png", png(new float[784])).prediction()));

// %% [markdown]
// Then twelve of the project's pictures that are not digits (two of each kind: letters, symbols, scribbles,
// shapes, textures, line art), each with its answer above it ("no digit found": the preparation found no ink
// that stands out, so the model was not asked). The tutorial's network has only
// ever seen digits, so it names a digit for some of them with confidence; `train --non-digits` teaches it
// otherwise (see [not-a-digit](../docs/not-a-digit.md)).

// %%
var tiles = new java.util.ArrayList<DigitTile>();
int refused = 0;
for (int k = 0; k < others.length; k++) {
    DigitPredictor.Labelled l = predictor.label(NonDigits.kindOf(k).toString().toLowerCase(), png(others[k]));
    DigitPrediction p = l.prediction();
    if (!p.isDigit()) refused++;
    byte[] picture = new byte[784];
    for (int i = 0; i < 784; i++) picture[i] = (byte) Math.round(others[k][i] * 255);
    String answer = p.isDigit() ? String.format("%d (%.2f)", p.prediction(), p.probability())
            : l.digit() == null ? "no digit found" : "not a digit";
    tiles.add(new DigitTile(picture, answer));
}
System.out.println(refused + " of " + others.length + " answered \"not a digit\"");
Show.image(DigitGrid.render(tiles, 6));
