package io.sitedeck.events;

import io.quarkus.vertx.http.HttpServer;
import io.sitedeck.account.Connections;
import io.sitedeck.sandbox.SandboxWebhookTargets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.List;

/**
 * The embedded sandbox's default webhook targets: the webhook URL of every team with a connection
 * to the embedded sandbox, on this server's loopback address — so a newcomer's console receives
 * live events without configuring anything.
 */
@ApplicationScoped
class EmbeddedWebhookTargets implements SandboxWebhookTargets {

    private final WebhookTokens tokens;
    private final HttpServer server;

    private final Connections connections;

    EmbeddedWebhookTargets(WebhookTokens tokens, HttpServer server, Connections connections) {
        this.connections = connections;
        this.tokens = tokens;
        this.server = server;
    }

    @Override
    @Transactional
    public List<URI> embeddedTargets() {
        return connections.tenantsOnTheEmbeddedSandbox().stream()
                .map(tenant -> URI.create("http://127.0.0.1:" + server.getPort() + WebhookTokens.PATH + tokens.tokenOf(tenant)))
                .toList();
    }
}
