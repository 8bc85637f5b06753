package dev.dl4jmnist.experiments;

import dev.dl4jmnist.model.CnnConfig;
import dev.dl4jmnist.model.NetworkRecipe;
import dev.dl4jmnist.model.MlpConfig;
import dev.dl4jmnist.training.EpochStats;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The table's exact text and CSV for known values, for both networks, including CSV quoting. */
class ResultTableTest {
    private static final List<EpochStats> HISTORY = List.of(new EpochStats(1, 10, 0.5, 0.8, 0.4, 0.85, 3.0, 2.5),
            new EpochStats(2, 10, 0.25, 0.9, 0.2, 0.94, 3.5, 3.0));

    private static ExperimentResult mlp(String name, int batch, List<Integer> hidden) {
        MlpConfig c = MlpConfig.defaults().withBatchSize(batch).withHidden(hidden).withEpochs(2);
        return result(name, c, hidden, 669_706, 5.5, 0.94, 940, 1000);
    }

    private static ExperimentResult cnn() {
        return result("cnn-b128-e2", CnnConfig.defaults().withEpochs(2), List.of(), 80_202, 61.25, 0.9921, 9921, 10000);
    }

    private static ExperimentResult result(String name, NetworkRecipe c, List<Integer> hidden, long parameters,
                                           double trainSeconds, double accuracy, int correct, int tested) {
        return new ExperimentResult(name, c.batchSize(), hidden, 2, parameters, trainSeconds, trainSeconds / 2,
                trainSeconds + 1, 0.25, 0.9, 0.2, accuracy, correct, 60000, tested, c, HISTORY, "2026-01-01T00:00:00Z");
    }

    @Test
    void textTableRoundsAndAligns() {
        String text = ResultTable.text(List.of(mlp("b128-h512-512-e2", 128, List.of(512, 512)), cnn()));
        assertEquals(String.join(System.lineSeparator(),
                "configuration          network  batch epochs    train s   s/epoch train loss test loss  test acc      errors  parameters",
                "b128-h512-512-e2           mlp    128      2        5.5       2.8     0.2500    0.2000    0.9400    60/1,000     669,706",
                "cnn-b128-e2                cnn    128      2       61.3      30.6     0.2500    0.2000    0.9921   79/10,000      80,202"),
                text);
    }

    @Test
    void csvKeepsFullPrecisionAndQuotesNamesWithCommas() {
        String csv = ResultTable.csv(List.of(mlp("a,\"b\"", 32, List.of(64)), cnn()));
        assertEquals("configuration,network,batch_size,hidden,epochs,train_seconds,seconds_per_epoch,final_train_loss,"
                + "test_loss,test_accuracy,test_errors,test_examples,parameters\r\n"
                + "\"a,\"\"b\"\"\",mlp,32,64,2,5.5,2.75,0.25,0.2,0.94,60,1000,669706\r\n"
                + "cnn-b128-e2,cnn,128,,2,61.25,30.625,0.25,0.2,0.9921,79,10000,80202\r\n", csv);
    }
}
