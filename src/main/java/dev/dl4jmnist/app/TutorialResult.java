package dev.dl4jmnist.app;

import dev.dl4jmnist.data.DataShapes;
import dev.dl4jmnist.data.MnistLocation;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.persistence.ReloadCheck;
import dev.dl4jmnist.training.CalibrationFit;
import dev.dl4jmnist.training.EpochStats;
import dev.dl4jmnist.training.FitResult;
import dev.dl4jmnist.visualisation.EvaluationReport;
import dev.dl4jmnist.model.NetworkRecipe;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a tutorial run produced: the history (and how training went: best epoch, why it stopped, a
 * resume, checkpoints), the test result, the saved model and its reload check, the calibration fitted on the
 * held-out images (null when none were held out), and the pictures written beside it (null when none were asked for).
 */
public record TutorialResult(NetworkRecipe config, MnistLocation data, DataShapes shapes, long parameters,
                             List<EpochStats> history, EvaluationResult test, Path modelPath, String modelSha256,
                             ReloadCheck reload, Path summaryPath, double trainSeconds, double totalSeconds,
                             long peakRssBytes, MultiLayerNetwork model, FitResult training,
                             CalibrationFit.Result calibration, EvaluationReport.Written report) {
}
