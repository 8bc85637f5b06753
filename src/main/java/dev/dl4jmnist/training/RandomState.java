package dev.dl4jmnist.training;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The state of ND4J's random generator for this thread (the one dropout masks are drawn from): two
 * numbers, saved and restored exactly.
 */
public record RandomState(long rootState, long nodeState) {

    /** The generator's state now. */
    public static RandomState capture() {
        return new RandomState(Nd4j.getRandom().rootState(), Nd4j.getRandom().nodeState());
    }

    /** Puts the generator back in this state. */
    public void restore() {
        Nd4j.getRandom().setStates(rootState, nodeState);
    }
}
