package dev.dl4jmnist.experiments;

import dev.dl4jmnist.training.EpochStats;
import dev.dl4jmnist.model.TrainingConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The table's exact text and CSV for known values, including CSV quoting. */
class ResultTableTest {
    private static ExperimentResult result(String name, int batch, List<Integer> hidden) {
        TrainingConfig c = TrainingConfig.defaults().withBatchSize(batch).withHidden(hidden).withEpochs(2);
        List<EpochStats> history = List.of(new EpochStats(1, 10, 0.5, 0.8, 0.4, 0.85, 3.0, 2.5),
                new EpochStats(2, 10, 0.25, 0.9, 0.2, 0.94, 3.5, 3.0));
        return new ExperimentResult(name, batch, hidden, 2, 669_706, 5.5, 2.75, 6.5, 0.25, 0.9, 0.2, 0.94, 940,
                60000, 1000, c, history, "2026-01-01T00:00:00Z");
    }

    @Test
    void textTableRoundsAndAligns() {
        String text = ResultTable.text(List.of(result("b128-h512-512-e2", 128, List.of(512, 512))));
        assertEquals(String.join(System.lineSeparator(),
                "configuration           batch epochs    train s   s/epoch train loss test loss  test acc  parameters",
                "b128-h512-512-e2          128      2        5.5       2.8     0.2500    0.2000    0.9400     669,706"),
                text);
    }

    @Test
    void csvKeepsFullPrecisionAndQuotesNamesWithCommas() {
        String csv = ResultTable.csv(List.of(result("a,\"b\"", 32, List.of(64))));
        assertEquals("configuration,batch_size,hidden,epochs,train_seconds,seconds_per_epoch,final_train_loss,"
                + "test_loss,test_accuracy,parameters\r\n"
                + "\"a,\"\"b\"\"\",32,64,2,5.5,2.75,0.25,0.2,0.94,669706\r\n", csv);
    }
}
