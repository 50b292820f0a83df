package io.sitedeck.web;

import io.quarkus.runtime.StartupEvent;
import io.sitedeck.sandbox.SandboxConfig;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Says where to point the browser (and Domotz clients) once Sitedeck is up. */
@Singleton
class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    void announce(@Observes StartupEvent started, ConsoleConfig console, SandboxConfig sandbox,
                  @ConfigProperty(name = "quarkus.http.port") int port) {
        String origin = "http://localhost:" + port;
        if (console.enabled()) {
            LOG.infof("Sitedeck console: %s/", origin);
        }
        if (sandbox.enabled()) {
            LOG.infof("Domotz sandbox API: %s/public-api/v1 (%d agents; keys in sitedeck.sandbox.keys.*)", origin,
                    sandbox.world().agents());
        }
    }
}
