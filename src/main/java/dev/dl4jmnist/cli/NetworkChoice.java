package dev.dl4jmnist.cli;

/** The networks {@code --network} names: the tutorial's MLP and the convolutional network. */
enum NetworkChoice {
    mlp, cnn;

    /** Where {@code train} saves this network's model unless {@code --model} says otherwise. */
    String defaultModelPath() {
        return "models/mnist-" + name() + ".zip";
    }
}
