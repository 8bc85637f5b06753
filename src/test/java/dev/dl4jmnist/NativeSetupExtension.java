package dev.dl4jmnist;

import dev.dl4jmnist.platform.NativePlatform;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sets up ND4J's native build and threads before any test class runs, as the application does before
 * its first use of ND4J (registered for every test through JUnit's extension auto-detection), so a test
 * that touches ND4J directly gets the same native library as the application on any CPU.
 */
public final class NativeSetupExtension implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        NativePlatform.configure();
    }
}
