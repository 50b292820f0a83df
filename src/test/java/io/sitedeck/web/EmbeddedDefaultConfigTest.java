package io.sitedeck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitedeck.platform.EmbeddedDefaultConfig;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issues 13, items 2, 3 and 11: the embedded default makes its session key in a private data
 * folder; a deployment (any other database: the postgres build, the container image) has the
 * sandbox off and refuses to run without a configured key, naming the variable.
 */
class EmbeddedDefaultConfigTest {

    @TempDir
    Path temp;

    private ConfigSource source(String jdbcUrl, Path dataDir) {
        Map<String, String> given = Map.of("quarkus.datasource.jdbc.url", jdbcUrl, "sitedeck.console.data-dir", dataDir.toString());
        ConfigSourceContext context = new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return ConfigValue.builder().withName(name).withValue(given.get(name)).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return given.keySet().iterator();
            }
        };
        return new EmbeddedDefaultConfig().getConfigSources(context).iterator().next();
    }

    @Test
    void theEmbeddedDefaultGeneratesItsSessionKeyInAPrivateFolder() throws Exception {
        Path dataDir = temp.resolve("data");
        ConfigSource source = source("jdbc:h2:file:" + dataDir + "/sitedeck", dataDir);
        String key = source.getValue(EmbeddedDefaultConfig.SESSION_KEY);
        assertTrue(key.length() >= 32, key);
        assertEquals(key, source.getValue(EmbeddedDefaultConfig.SESSION_KEY), "the same key every time");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("session.key"))));
        assertNull(source.getValue("sitedeck.sandbox.enabled"), "the sandbox keeps its default (on)");
    }

    @Test
    void aDeploymentHasTheSandboxOffAndNeedsAConfiguredKey() {
        Path dataDir = temp.resolve("data");
        ConfigSource source = source("jdbc:postgresql://db:5432/sitedeck", dataDir);
        assertEquals("false", source.getValue("sitedeck.sandbox.enabled"));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> source.getValue(EmbeddedDefaultConfig.SESSION_KEY));
        assertTrue(refused.getMessage().contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"), refused.getMessage());
        assertTrue(!Files.exists(dataDir.resolve("session.key")), "no key file is made for a deployment");
    }
}
