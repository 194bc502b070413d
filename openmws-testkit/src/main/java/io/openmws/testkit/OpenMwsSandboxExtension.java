package io.openmws.testkit;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link OpenMwsSandbox}: one platform per annotated test class (nested classes
 * share their outer class's), started on first use and stopped when that class is done; or, for classes
 * annotated {@code shared = true}, one for the whole run, kept in the root context's store.
 */
public class OpenMwsSandboxExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OpenMwsSandboxExtension.class);

    /** Closes the platform with the class's extension context. */
    private record Running(Sandbox sandbox) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            sandbox.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Sandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Optional<ExtensionContext> annotated = annotatedClassContext(context);
        boolean shared = annotated.map(c -> c.getRequiredTestClass().getAnnotation(OpenMwsSandbox.class).shared())
                .orElse(false);
        ExtensionContext owner = shared ? context.getRoot() : annotated.orElse(context);
        return owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> new Running(Sandbox.start()), Running.class)
                .sandbox();
    }

    /** The context of the outermost class carrying {@link OpenMwsSandbox}. */
    private static Optional<ExtensionContext> annotatedClassContext(ExtensionContext context) {
        Optional<ExtensionContext> found = Optional.empty();
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            boolean isClassContext = c.getTestMethod().isEmpty() && c.getTestClass().isPresent();
            if (isClassContext && c.getRequiredTestClass().isAnnotationPresent(OpenMwsSandbox.class)) {
                found = Optional.of(c);
            }
        }
        return found;
    }
}
