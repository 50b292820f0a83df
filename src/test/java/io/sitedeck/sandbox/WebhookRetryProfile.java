package io.sitedeck.sandbox;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** Profile 1 ("Critical devices down") sends its webhooks to a WireMock receiver on {@link #PORT}. */
public class WebhookRetryProfile implements QuarkusTestProfile {

    static final int PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("sitedeck.sandbox.webhooks.profiles.\"1\"", "http://127.0.0.1:" + PORT + "/receiver");
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
