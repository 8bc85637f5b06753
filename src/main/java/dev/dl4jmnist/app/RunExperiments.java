package dev.dl4jmnist.app;

import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.data.MnistLocation;
import dev.dl4jmnist.experiments.Sweep;
import dev.dl4jmnist.experiments.SweepObserver;
import dev.dl4jmnist.experiments.SweepRequest;
import dev.dl4jmnist.experiments.SweepResult;

import java.nio.file.Path;

/** {@code experiment}: finds MNIST and runs a sweep of training configurations, resuming where an earlier run stopped. */
public final class RunExperiments {
    private RunExperiments() {
    }

    /** A checked sweep and where MNIST is (null: search). */
    public record Request(SweepRequest sweep, Path dataDir) {
    }

    /** Follows the run: where MNIST was found, then the sweep's progress. */
    public interface Observer extends SweepObserver {
        default void dataReady(MnistLocation location) {
        }
    }

    public static SweepResult run(Request request, Observer observer) {
        MnistData mnist = MnistData.locate(request.dataDir());
        observer.dataReady(mnist.location());
        return Sweep.run(request.sweep(), mnist, observer);
    }
}
