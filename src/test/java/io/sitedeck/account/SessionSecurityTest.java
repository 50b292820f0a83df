package io.sitedeck.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.events.LiveEvents;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import io.sitedeck.testing.Waits;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, items 2, 6 and 11: the session key is generated into the data folder and never logged,
 * cookies made with any other key are refused, sessions end with sign-out, role changes and
 * their absolute lifetime (open live streams too), and the data folder is the owner's alone.
 */
@QuarkusTest
class SessionSecurityTest {

    @TestHTTPResource("/")
    URI root;

    @Inject
    LiveEvents live;

    private static String sessionKey() {
        return ConfigProvider.getConfig().getValue("quarkus.http.auth.session.encryption-key", String.class);
    }

    /** A session cookie as Quarkus form authentication makes it: AES-GCM of "expiry:principal", key SHA-256(secret). */
    static String forge(String secret, String principal, Instant expiry) throws Exception {
        byte[] key = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal((expiry.toEpochMilli() + ":" + principal).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(1 + iv.length + sealed.length)
                .put((byte) iv.length).put(iv).put(sealed).array());
    }

    private static String token(Accounts.Member member, int epoch, Instant signedIn) {
        return "s1." + member.userId() + "." + epoch + "." + signedIn.getEpochSecond();
    }

    @Test
    void theGeneratedKeyIsInTheDataFolderOnlyAndCookiesOfAnyOtherKeyAreRefused() throws Exception {
        Path dataDir = Path.of(ConfigProvider.getConfig().getValue("sitedeck.console.data-dir", String.class));
        Path keyFile = dataDir.resolve("session.key");
        assertEquals(Files.readString(keyFile).trim(), sessionKey(), "the embedded default's key is its file");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
        try (var files = Files.list(dataDir)) {
            files.filter(Files::isRegularFile).forEach(file -> assertEquals("rw-------", permissions(file), file.toString()));
        }

        Accounts.Member member = Accounts.tenantWith(Role.ADMIN);
        Instant expiry = Instant.now().plus(Duration.ofHours(1));
        String principal = token(member, 0, Instant.now());
        given().redirects().follow(false).cookie("sitedeck-session", forge(sessionKey(), principal, expiry))
                .get("/members").then().statusCode(200);
        given().redirects().follow(false).cookie("sitedeck-session", forge("another-key-another-key-another-key", principal, expiry))
                .get("/members").then().statusCode(302).header("Location", containsString("/login"));

        Path log = Path.of("target/test-logs/quarkus.log");
        assertTrue(Files.size(log) > 0, "the test log is written");
        String text = Files.readString(log);
        assertFalse(text.contains(sessionKey()), "the session key appears in no log line");
        assertFalse(text.contains("Encryption key was not specified"), "Quarkus generated no key of its own");
    }

    @Test
    void aCopiedCookieStopsWorkingAtSignOut() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Session session = Session.signIn(member);
        Session copy = new Session(session.sessionCookie());
        copy.get("/").then().statusCode(200);
        session.post("/logout").then().statusCode(303);
        copy.get("/").then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void aRoleChangeEndsTheSessionAndNoSessionOutlivesItsLifetime() throws Exception {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Accounts.Member technician = Accounts.memberOf(admin.tenantId(), Role.TECHNICIAN);
        Session session = Session.signIn(technician);
        session.get("/").then().statusCode(200);
        Session.signIn(admin).post("/members/" + technician.userId() + "/role", Map.of("role", "VIEWER"))
                .then().statusCode(303);
        session.get("/").then().statusCode(302);

        // Signed in 13 hours ago, active all along (a fresh idle expiry): the 12-hour lifetime is over.
        Instant fresh = Instant.now().plus(Duration.ofMinutes(30));
        given().redirects().follow(false).cookie("sitedeck-session", forge(sessionKey(), token(admin, 0,
                Instant.now().minus(Duration.ofHours(13))), fresh)).get("/").then().statusCode(302);
        given().redirects().follow(false).cookie("sitedeck-session", forge(sessionKey(), token(admin, 0,
                Instant.now().minus(Duration.ofHours(11))), fresh)).get("/").then().statusCode(200);
    }

    @Test
    void aDisabledMembersOpenStreamIsClosedAtOnce() throws Exception {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Accounts.Member viewer = Accounts.memberOf(admin.tenantId(), Role.VIEWER);
        Session session = Session.signIn(viewer);
        int before = live.openStreams();
        CompletableFuture<Boolean> ended = io.sitedeck.testing.LiveStreams.open(root, session, live);
        Session.signIn(admin).post("/members/" + viewer.userId() + "/enabled", Map.of("enabled", "false"))
                .then().statusCode(303);
        Waits.until("the disabled member's stream to end", ended::isDone);
        assertTrue(live.openStreams() <= before, "the stream is gone");
    }

    private static String permissions(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }
}
