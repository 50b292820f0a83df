package io.sitedeck.domotz;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.sitedeck.outbound.OutboundGuard;
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
    private final OutboundGuard guard;

    DomotzClients(DomotzConfig config) {
        this.config = config;
        this.guard = new OutboundGuard(config.allowedHosts(), OutboundGuard.SYSTEM);
    }

    /**
     * The client for a target, after the outbound guard allowed its address for this call (the
     * embedded sandbox, which the server itself addresses on its own port, needs no check).
     */
    DomotzApi forTarget(DomotzTarget target) {
        if (!target.embedded()) {
            try {
                guard.check(target.baseUrl());
            } catch (OutboundGuard.Refused refused) {
                throw new DomotzException.TargetRefused(refused.getMessage());
            }
        }
        return clients.computeIfAbsent(target.baseUrl(), this::build);
    }

    /** Checks a URL a person typed, before anything connects to it. */
    void checkTypedUrl(URI url) {
        guard.check(url);
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
