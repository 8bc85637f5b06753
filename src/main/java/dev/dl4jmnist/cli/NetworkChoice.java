package dev.dl4jmnist.cli;

/** The networks {@code --network} names: the tutorial's MLP and the convolutional network. */
enum NetworkChoice {
    mlp, cnn;

    /** Where {@code train} saves this network's model unless {@code --model} says otherwise. */
    String defaultModelPath() {
        return "models/mnist-" + name() + ".zip";
    }

    /**
     * Whether {@code train} shows this network pictures that are not digits unless told ({@code --[no-]non-digits}):
     * the CNN, the network to serve, learns to refuse them; the MLP reproduces the tutorial, which does not.
     */
    boolean nonDigitsByDefault() {
        return this == cnn;
    }
}
