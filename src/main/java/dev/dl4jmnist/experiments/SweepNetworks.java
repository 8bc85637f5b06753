package dev.dl4jmnist.experiments;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.model.CnnConfig;
import dev.dl4jmnist.model.NetworkRecipe;
import dev.dl4jmnist.model.TrainingConfig;

import java.util.List;

/**
 * The networks a sweep can train, by the names {@code --network} and sweep files use ({@code mlp},
 * {@code cnn}), with their defaults, and the factors a sweep varies on them: epochs and batch size on
 * both, hidden widths on the MLP only, augmentation on the CNN only.
 */
public final class SweepNetworks {
    /** The MLP's name: the tutorial's network, trained with {@code config/training.json}. */
    public static final String MLP = NetworkRecipe.MLP;
    /** The CNN's name: the convolutional network, trained with {@code config/training-cnn.json}. */
    public static final String CNN = NetworkRecipe.CNN;
    /** Every name, in the order they are listed to users. */
    public static final List<String> NAMES = List.of(MLP, CNN);

    private SweepNetworks() {
    }

    /** The defaults of the network called {@code name}: its config file in ./config/ when present, else the packaged one. */
    public static NetworkRecipe defaults(String name) {
        if (MLP.equals(name)) {
            return TrainingConfig.defaults();
        }
        if (CNN.equals(name)) {
            return CnnConfig.defaults();
        }
        throw new AppException("unknown network " + (name == null ? "null" : "\"" + name + "\"")
                + " (known: " + String.join(", ", NAMES) + ")");
    }

    static NetworkRecipe withEpochs(NetworkRecipe recipe, int epochs) {
        return recipe instanceof TrainingConfig t ? t.withEpochs(epochs) : ((CnnConfig) recipe).withEpochs(epochs);
    }

    static NetworkRecipe withBatchSize(NetworkRecipe recipe, int batchSize) {
        return recipe instanceof TrainingConfig t ? t.withBatchSize(batchSize) : ((CnnConfig) recipe).withBatchSize(batchSize);
    }

    /** The MLP with these hidden widths; the CNN has none to set. */
    static NetworkRecipe withHidden(NetworkRecipe recipe, List<Integer> hidden) {
        if (recipe instanceof TrainingConfig t) {
            return t.withHidden(hidden);
        }
        throw new AppException("\"hidden\" applies to the mlp only, not the " + recipe.networkName());
    }

    /** The CNN with augmentation on or off; the MLP has none. */
    static NetworkRecipe withAugmentation(NetworkRecipe recipe, boolean enabled) {
        if (recipe instanceof CnnConfig c) {
            return c.withAugmentation(c.augmentation().withEnabled(enabled));
        }
        throw new AppException("\"augment\" applies to the cnn only, not the " + recipe.networkName());
    }

    /** The MLP's hidden widths; none for the CNN. */
    static List<Integer> hidden(NetworkRecipe recipe) {
        return recipe instanceof TrainingConfig t ? t.hidden() : List.of();
    }
}
