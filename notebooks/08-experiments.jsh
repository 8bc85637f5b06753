// %% [markdown]
// # 8. The tutorial's questions: batch size and layer sizes
//
// The tutorial ends with questions: *try experimenting with the batch size, the number of layers, the number
// of nodes in each layer. How does increasing the batch size to 10,000 affect the training time and test
// accuracy? How about a batch size of 32?*
//
// The application's experiment sweep answers them (`config/experiments.json`): the tutorial's network at
// batch sizes 32, 128 and 10,000, then 1, 2 and 3 hidden layers of 512 nodes and 2 layers of 256, 512 and
// 1,024 nodes at batch size 128 — each for 5 epochs.
//
// **A quick variant:** seven trainings on all 60,000 images take several minutes, so this notebook trains
// each configuration on the first 6,000 training images (a tenth) and tests on all 10,000. The trends are
// the same; the accuracies are lower than with the full set. For the full sweep run
// `java -jar target/dl4j-mnist.jar experiment`.

// %%
import dev.dl4jmnist.notebook.*;
import dev.dl4jmnist.app.RunExperiments;
import dev.dl4jmnist.data.*;
import dev.dl4jmnist.experiments.*;
import java.nio.file.*;

SweepDefinition sweep = SweepDefinition.defaults();
sweep.configurations().forEach(c -> System.out.println(c.describe()));

// %%
int images = NotebookSettings.trainImages(6_000);
Files.createDirectories(NotebookSettings.workDir());
Path results = Files.createTempDirectory(NotebookSettings.workDir(), "experiments-");
SweepResult done = RunExperiments.run(new RunExperiments.Request(
        new SweepRequest(sweep, results, images, NotebookSettings.testImages()), NotebookSettings.dataDir()),
        new RunExperiments.Observer() { });
System.out.println(images + " training images, " + NotebookSettings.testImages() + " test images per configuration");
System.out.print(ResultTable.text(done.results()));

// %% [markdown]
// ## Batch size
//
// The batch size sets how many updates an epoch makes: with 6,000 images, 188 at batch 32, 47 at batch 128
// and a single one at batch 10,000 (larger than the whole set), so 5 epochs are only 5 updates there — far
// too few, and the test accuracy shows it. Smaller batches make more, noisier updates per epoch.

// %%
Show.chart(SweepCharts.accuracyByBatchSize(done.results()));

// %% [markdown]
// The training times are wall-clock seconds on the machine that ran this notebook, with whatever else it was
// running at the time; the README gives the experiment command's measurements on the full training set.

// %%
Show.chart(SweepCharts.trainingTimeByBatchSize(done.results()));

// %% [markdown]
// ## Layers and nodes
//
// One hidden layer of 512, two or three; two layers of 256, 512 or 1,024 nodes: the table above gives each
// one's parameters and test accuracy. The validation loss after every epoch, for every configuration:

// %%
Show.chart(SweepCharts.validationLoss(done.results()));
