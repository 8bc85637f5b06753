package dev.dl4jmnist.notebook;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;

/**
 * Runs a notebook's snippets in this JVM and on the thread that evaluates them, one after the other,
 * as a program's statements run. JShell's own local engine starts a new thread for every snippet, and
 * ND4J's random generator is per thread: a network seeded when it was created in one cell would draw
 * its dropout masks in the next cell from a generator seeded by the clock, and the training would
 * differ from run to run.
 */
final class SameThreadExecution implements ExecutionControlProvider {

    @Override
    public String name() {
        return "same-thread";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return new DirectExecutionControl();
    }
}
