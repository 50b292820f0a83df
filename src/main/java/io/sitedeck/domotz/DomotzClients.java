package io.sitedeck.domotz;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One REST client per Domotz base URL (cells and the sandbox), built on first use. */
@ApplicationScoped
class DomotzClients {

    private final Map<URI, DomotzApi> clients = new ConcurrentHashMap<>();
    private final DomotzConfig config;

    DomotzClients(DomotzConfig config) {
        this.config = config;
    }

    DomotzApi forBaseUrl(URI baseUrl) {
        return clients.computeIfAbsent(baseUrl, this::build);
    }

    private DomotzApi build(URI baseUrl) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUrl)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(new DomotzErrorMapper())
                .build(DomotzApi.class);
    }
}
