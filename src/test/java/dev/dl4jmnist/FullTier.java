package dev.dl4jmnist;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of the full tier, run by {@code mvn verify} and not by {@code mvn test}: it trains on all of
 * MNIST, starts processes or a browser, runs the notebooks or checks the built jar.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("full")
public @interface FullTier {
}
