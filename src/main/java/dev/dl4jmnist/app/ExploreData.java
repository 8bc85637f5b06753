package dev.dl4jmnist.app;

import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.data.MnistLocation;
import dev.dl4jmnist.visualisation.DataExplorer;
import dev.dl4jmnist.visualisation.Exploration;

import java.nio.file.Path;
import java.util.function.Consumer;

/** {@code explore}: finds MNIST, then draws the sample grid and gathers the shapes, one digit's pixels and the label counts. */
public final class ExploreData {
    private ExploreData() {
    }

    /**
     * @param dataDir MNIST directory, or null to search
     * @param seed    chooses the sample images
     * @param index   the training image whose pixels are shown, or null for the last image of the grid
     * @param grid    where to write the sample grid PNG
     */
    public record Request(Path dataDir, long seed, Integer index, Path grid) {
    }

    /** Explores MNIST; {@code dataReady} hears where MNIST was found before the (slower) drawing starts. */
    public static Exploration run(Request request, Consumer<MnistLocation> dataReady) {
        MnistData mnist = MnistData.locate(request.dataDir());
        dataReady.accept(mnist.location());
        return DataExplorer.explore(mnist, request.seed(), request.index(), request.grid());
    }
}
