package dev.dl4jmnist.fastlayers;

import org.deeplearning4j.nn.conf.serde.JsonMappers;
import org.nd4j.shade.jackson.databind.DeserializationContext;
import org.nd4j.shade.jackson.databind.JavaType;
import org.nd4j.shade.jackson.databind.deser.DeserializationProblemHandler;
import org.nd4j.shade.jackson.databind.jsontype.TypeIdResolver;

import java.util.Map;

/**
 * Lets model files saved while the native layers lived in {@code dev.dl4jmnist.model} load: DL4J writes a
 * layer's class name into the saved configuration, and this maps the former names to the current classes.
 */
public final class FormerLayerNames {
    private static final Map<String, Class<?>> FORMER = Map.of(
            "dev.dl4jmnist.model.NativeConvolutionLayer", NativeConvolutionLayer.class,
            "dev.dl4jmnist.model.NativeSubsamplingLayer", NativeSubsamplingLayer.class);
    private static boolean registered;

    private FormerLayerNames() {
    }

    /** Idempotent; call before DL4J reads a saved configuration. */
    public static synchronized void register() {
        if (registered) {
            return;
        }
        JsonMappers.getMapper().addHandler(new DeserializationProblemHandler() {
            @Override
            public JavaType handleUnknownTypeId(DeserializationContext context, JavaType baseType, String typeId,
                                                TypeIdResolver resolver, String failure) {
                Class<?> current = FORMER.get(typeId);
                return current == null ? null : context.constructType(current);
            }
        });
        registered = true;
    }
}
