package dev.dl4jmnist.experiments;

import dev.dl4jmnist.model.NetworkRecipe;

import java.util.List;

/**
 * The networks a sweep can train, by the names {@code --network} and sweep files use ({@code mlp},
 * {@code cnn}), with their defaults. The factors a sweep varies are the recipes' own {@code with…}
 * copies: epochs and batch size on both, hidden widths on the MLP only, augmentation on the CNN only.
 */
public final class SweepNetworks {
    /** The MLP's name: the tutorial's network, trained with {@code config/training.json}. */
    public static final String MLP = NetworkRecipe.MLP;
    /** The CNN's name: the convolutional network, trained with {@code config/training-cnn.json}. */
    public static final String CNN = NetworkRecipe.CNN;
    /** Every name, in the order they are listed to users. */
    public static final List<String> NAMES = NetworkRecipe.NAMES;

    private SweepNetworks() {
    }

    /** The defaults of the network called {@code name}: its config file in ./config/ when present, else the packaged one. */
    public static NetworkRecipe defaults(String name) {
        return NetworkRecipe.load(name, null).value();
    }
}
