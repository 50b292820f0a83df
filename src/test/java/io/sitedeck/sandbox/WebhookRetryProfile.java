package io.sitedeck.sandbox;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Profile 1 ("Critical devices down") sends its webhooks to a WireMock receiver, started on a
 * port the system picks before the application starts (so nothing else can take it meanwhile).
 */
public class WebhookRetryProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Receiver.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }

    /** The receiver, running for as long as the profile's application does. */
    public static class Receiver implements QuarkusTestResourceLifecycleManager {

        private static volatile WireMockServer server;

        static WireMockServer server() {
            return server;
        }

        @Override
        public Map<String, String> start() {
            server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            return Map.of("sitedeck.sandbox.webhooks.profiles.\"1\"", "http://127.0.0.1:" + server.port() + "/receiver");
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop();
            }
        }
    }
}
