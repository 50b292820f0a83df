package io.sitedeck.platform;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.AbstractConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Defaults that depend on how Sitedeck runs. The <em>embedded default</em> (an H2 database in the
 * data folder, what the README's first command starts) needs zero set-up: its session key is
 * generated into {@code session.key} there. Anything else (the PostgreSQL build, the container
 * image) is a deployment: the sandbox is off unless switched on, and a session key must be
 * configured — without one Quarkus would generate a key per start and write it to the log, from
 * where anybody could forge a session for any member.
 * <p>
 * Its values sit below every other source (ordinal 50): environment, system properties and
 * application.properties all win.
 */
public class EmbeddedDefaultConfig implements ConfigSourceFactory {

    public static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";
    static final String SESSION_KEY_VARIABLE = "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY";
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue("quarkus.datasource.jdbc.url");
        boolean embedded = url == null || url.getValue() == null || url.getValue().startsWith("jdbc:h2:");
        ConfigValue dir = context.getValue("sitedeck.console.data-dir");
        Path dataDir = Path.of(dir == null || dir.getValue() == null ? "./data" : dir.getValue());
        return List.of(new Source(embedded, dataDir));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static final class Source extends AbstractConfigSource {

        private final boolean embedded;
        private final Path dataDir;
        private final Map<String, String> fixed;

        Source(boolean embedded, Path dataDir) {
            super("sitedeck-embedded-default", ORDINAL);
            this.embedded = embedded;
            this.dataDir = dataDir;
            this.fixed = embedded ? Map.of() : Map.of("sitedeck.sandbox.enabled", "false");
        }

        @Override
        public Set<String> getPropertyNames() {
            return fixed.keySet();
        }

        @Override
        public String getValue(String name) {
            if (SESSION_KEY.equals(name)) {
                return sessionKey();
            }
            return fixed.get(name);
        }

        /** Read (or made once) only when nothing else configures the key, i.e. when Quarkus asks us. */
        private String sessionKey() {
            if (!embedded) {
                throw new IllegalStateException("Sitedeck needs a session key outside the embedded default: set "
                        + SESSION_KEY_VARIABLE + " (32 or more random characters, e.g. openssl rand -base64 32), "
                        + "the same on every instance.");
            }
            return DataFolder.secretFile(dataDir.resolve("session.key"), 32);
        }
    }
}
