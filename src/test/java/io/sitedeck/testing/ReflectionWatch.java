package io.sitedeck.testing;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Results;
import io.quarkus.qute.ValueResolver;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes every template expression no generated value resolver answered, just before Qute's
 * reflection resolver (priority -1) would: "Class.member". It answers nothing itself, so pages
 * render as before. Issue #15: no page path may resolve through reflection.
 */
public final class ReflectionWatch {

    private static final Set<String> FALLEN_THROUGH = ConcurrentHashMap.newKeySet();

    private ReflectionWatch() {
    }

    public static Set<String> fallenThrough() {
        return Set.copyOf(FALLEN_THROUGH);
    }

    public static void clear() {
        FALLEN_THROUGH.clear();
    }

    /** Registered with every engine the tests start. */
    public static class Registration {
        void register(@Observes EngineBuilder builder) {
            builder.addValueResolver(new ValueResolver() {
                @Override
                public int getPriority() {
                    return 0; // after every generated resolver (higher), before reflection (-1)
                }

                @Override
                public boolean appliesTo(EvalContext context) {
                    Object base = context.getBase();
                    return base != null && !(base instanceof java.util.Map) && !(base instanceof Iterable)
                            && !base.getClass().getName().startsWith("java.")
                            // Qute's own loop and let elements are answered by its built-in resolvers.
                            && !base.getClass().getName().startsWith("io.quarkus.qute.");
                }

                @Override
                public CompletionStage<Object> resolve(EvalContext context) {
                    FALLEN_THROUGH.add(context.getBase().getClass().getName() + "." + context.getName());
                    return Results.notFound(context);
                }
            });
        }
    }
}
