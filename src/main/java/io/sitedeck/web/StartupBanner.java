package io.sitedeck.web;

import io.quarkus.runtime.StartupEvent;
import io.sitedeck.platform.ConsoleConfig;
import io.sitedeck.platform.PublicUrl;
import io.sitedeck.sandbox.EmbeddedSandbox;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Says where to point the browser (and Domotz clients) once Sitedeck is up. */
@Singleton
class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    void announce(@Observes StartupEvent started, ConsoleConfig console, EmbeddedSandbox sandbox, PublicUrl publicUrl) {
        if (console.enabled()) {
            LOG.infof("Sitedeck console: %s", publicUrl.of("/"));
        }
        if (sandbox.enabled()) {
            LOG.infof("Domotz sandbox API: %s (%d agents; keys in sitedeck.sandbox.keys.*%s)",
                    publicUrl.of(EmbeddedSandbox.BASE_PATH), sandbox.agents(),
                    sandbox.remoteAccess() ? "; open to the network" : "; answers this machine only");
        }
    }
}
