package io.sitedeck.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The embedded default's data folder (H2 database, generated keys): readable by the account that
 * runs Sitedeck and nobody else. Created 700, its files 600, and tightened at every start (H2
 * creates its files with the process umask; an older install may have left them 644).
 */
@Singleton
public class DataFolder {

    private static final Logger LOG = Logger.getLogger(DataFolder.class);
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    void tighten(@Observes StartupEvent started, ConsoleConfig console) {
        Path dir = console.dataDir();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            restrict(dir, OWNER_DIR);
            files.filter(Files::isRegularFile).forEach(file -> restrict(file, OWNER_FILE));
        } catch (IOException | UncheckedIOException unreadable) {
            LOG.warnf("Could not restrict the permissions of the data folder %s: %s", dir, unreadable.getMessage());
        }
    }

    /** Creates the folder (and its parents) for the owner alone, when missing. */
    public static Path ensure(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                restrict(dir, OWNER_DIR);
            }
            return dir;
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot create the data folder " + dir, failed);
        }
    }

    /**
     * The base64 text of a random secret of {@code bytes} bytes kept in {@code file} (mode 600):
     * made on first use, read afterwards. Two processes starting at once read the same one.
     */
    public static String secretFile(Path file, int bytes) {
        try {
            ensure(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                byte[] fresh = new byte[bytes];
                RANDOM.nextBytes(fresh);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                } catch (FileAlreadyExistsException anotherProcessWon) {
                    // read the one that is there
                }
            }
            return Files.readString(file).trim();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, unreadable);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (IOException | UnsupportedOperationException notPosix) {
            throw new UncheckedIOException(new IOException("cannot set permissions of " + path, notPosix));
        }
    }
}
