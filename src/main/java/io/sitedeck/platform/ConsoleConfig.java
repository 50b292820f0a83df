package io.sitedeck.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** The console half of Sitedeck. Documented in docs/configuration.md. */
@ConfigMapping(prefix = "sitedeck.console")
public interface ConsoleConfig {

    /** Serve the console; false runs Sitedeck as a standalone Domotz sandbox. */
    @WithDefault("true")
    boolean enabled();

    /** Where the embedded default keeps its files (H2 database, generated key file); relative to the working directory. */
    @WithDefault("./data")
    Path dataDir();

    /** How many sites the alerts overview reads (2–3 API calls each when not cached). */
    @WithDefault("50")
    int alertOverviewSites();

    /** The most heap, in KB, that the parts of pages drawn once and kept may take (web.DrawnParts); 0 keeps none. */
    @WithDefault("8192")
    long drawnPartsMaxKb();
}
