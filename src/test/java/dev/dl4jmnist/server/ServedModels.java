package dev.dl4jmnist.server;

import dev.dl4jmnist.app.ServeModels;

import java.nio.file.Path;

/** Test helper: the models of a server, loaded and warmed up as {@code serve} loads them before it says it serves. */
final class ServedModels {
    private ServedModels() {
    }

    /** One model file, served as version 1 of "mnist". */
    static ServeModels loaded(Path file) {
        ServeModels models = ServeModels.file(file, ServeModels.DEFAULT_NAME);
        models.loadAll();
        return models;
    }

    /** Every model of a model store. */
    static ServeModels store(Path dir) {
        ServeModels models = ServeModels.store(dir, null);
        models.loadAll();
        return models;
    }
}
