package io.sitedeck.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Names the Quarkus test class running now, for {@link SandboxOwnershipGuard}. A system property
 * carries it because the callbacks and the application may see the class through different class
 * loaders; a nested class counts as the class it is nested in.
 */
public class TestClassInRun implements QuarkusTestBeforeClassCallback, QuarkusTestBeforeEachCallback {

    private static final String PROPERTY = "sitedeck.test.class-in-run";

    public static String current() {
        return System.getProperty(PROPERTY, "(no test class)");
    }

    @Override
    public void beforeClass(Class<?> testClass) {
        System.setProperty(PROPERTY, outermost(testClass).getName());
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        beforeClass(context.getTestInstance().getClass());
    }

    private static Class<?> outermost(Class<?> type) {
        Class<?> outer = type;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        return outer;
    }
}
