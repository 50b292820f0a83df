package io.sitedeck.testing;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sitedeck.account.AppUser;
import io.sitedeck.account.DomotzConnection;
import io.sitedeck.account.KeyVault;
import io.sitedeck.account.Passwords;
import io.sitedeck.account.Person;
import io.sitedeck.account.Role;
import io.sitedeck.account.Tenant;
import io.sitedeck.account.factor.Passkey;
import io.sitedeck.account.factor.RecoveryCode;
import io.sitedeck.account.factor.WebAuthnChallenge;
import io.sitedeck.account.sso.SsoProvider;
import io.sitedeck.annotations.Annotation;
import io.sitedeck.annotations.AnnotationChange;
import io.sitedeck.annotations.Bookmark;
import io.sitedeck.annotations.SavedView;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.availability.DeviceAcknowledgement;
import io.sitedeck.availability.MaintenanceWindow;
import io.sitedeck.notifications.NotificationChannel;
import io.sitedeck.notifications.NotificationRule;
import io.sitedeck.notifications.OutboxEntry;
import io.sitedeck.reports.ReportDelivery;
import io.sitedeck.reports.ReportSchedule;
import io.sitedeck.reports.ReportSettings;
import io.sitedeck.reports.StoredReport;
import io.sitedeck.availability.SiteBusinessHours;
import io.sitedeck.events.StoredEvent;
import io.sitedeck.events.WebhookEndpoint;
import io.sitedeck.preferences.MemberPreference;
import java.time.Instant;
import java.util.UUID;

/** Local data for tests, written straight to the database: tenants, members, connections. */
public final class Accounts {

    public static final String PASSWORD = "correct-horse-battery";
    public static final String SANDBOX_KEY = "sandbox-demo-key";
    /** The first-run set-up token of the test profile (sitedeck.sign-in.setup-token). */
    public static final String SETUP_TOKEN = "test-setup-token";

    /** A tenant with one member; ids for URL guessing, email for signing in. */
    public record Member(long tenantId, long userId, String email, Role role) {}

    private Accounts() {
    }

    /** Empties every table of local data (for the first-run tests). */
    public static void reset() {
        QuarkusTransaction.requiringNew().run(() -> {
            StoredEvent.deleteAll();
            OutboxEntry.deleteAll();
            NotificationRule.deleteAll();
            NotificationChannel.deleteAll();
            ReportDelivery.deleteAll();
            ReportSchedule.deleteAll();
            StoredReport.deleteAll();
            ReportSettings.deleteAll();
            MaintenanceWindow.deleteAll();
            DeviceAcknowledgement.deleteAll();
            SiteBusinessHours.deleteAll();
            MemberPreference.deleteAll();
            AnnotationChange.deleteAll();
            Annotation.deleteAll();
            Bookmark.deleteAll();
            SavedView.deleteAll();
            DomotzConnection.deleteAll();
            AuditEvent.deleteAll();
            AppUser.deleteAll();
            RecoveryCode.deleteAll();
            Passkey.deleteAll();
            WebAuthnChallenge.deleteAll();
            Person.deleteAll();
            WebhookEndpoint.deleteAll();
            SsoProvider.deleteAll();
            Tenant.deleteAll();
            Tenant.getEntityManager().createNativeQuery("DELETE FROM first_run").executeUpdate();
        });
    }

    /** A new tenant with its first member, who has a password. */
    public static Member tenantWith(Role role) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return QuarkusTransaction.requiringNew().call(() -> {
            Tenant tenant = Tenant.create("MSP " + unique, Instant.now());
            return member(tenant.id, role, unique);
        });
    }

    /** Another member of the tenant, with a password. */
    public static Member memberOf(long tenantId, Role role) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return QuarkusTransaction.requiringNew().call(() -> member(tenantId, role, unique));
    }

    /** A connection of the member to the embedded sandbox, stored as the console stores it. */
    public static long sandboxConnection(Member member, String name) {
        return sandboxConnection(member, name, SANDBOX_KEY);
    }

    /** The same with another key (which the sandbox may refuse, or limit). */
    public static long sandboxConnection(Member member, String name, String key) {
        KeyVault vault = Arc.container().instance(KeyVault.class).get();
        return QuarkusTransaction.requiringNew().call(() -> {
            DomotzConnection connection = new DomotzConnection();
            connection.tenantId = member.tenantId();
            connection.userId = member.userId();
            connection.name = name;
            connection.baseUrl = DomotzConnection.EMBEDDED_SANDBOX;
            connection.keyCiphertext = vault.encrypt(key);
            connection.keyLast4 = key.substring(key.length() - 4);
            connection.isDefault = DomotzConnection.count("userId", member.userId()) == 0;
            connection.createdAt = Instant.now();
            connection.persist();
            return connection.id;
        });
    }

    /** Moves a connection to another base URL (e.g. a WireMock cell). */
    public static void pointAt(long connectionId, String baseUrl) {
        QuarkusTransaction.requiringNew().run(() ->
                DomotzConnection.<DomotzConnection>findById(connectionId).baseUrl = baseUrl);
    }

    /** Makes the member's person an operator of the install (or not). */
    public static void operator(Member member, boolean operator) {
        QuarkusTransaction.requiringNew().run(() -> Person.byEmail(member.email()).orElseThrow().operator = operator);
    }

    /** The same person (same email and password) made a member of another tenant too. */
    public static Member alsoMemberOf(Member person, long tenantId, Role role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AppUser user = AppUser.create(tenantId, Person.byEmail(person.email()).orElseThrow(), role, Instant.now());
            user.joinedAt = Instant.now();
            return new Member(tenantId, user.id, user.email, role);
        });
    }

    private static Member member(long tenantId, Role role, String unique) {
        Person person = Person.create(role.name().toLowerCase() + "-" + unique + "@msp.example", Instant.now());
        person.passwordHash = Passwords.hash(PASSWORD);
        AppUser user = AppUser.create(tenantId, person, role, Instant.now());
        user.joinedAt = Instant.now();
        return new Member(tenantId, user.id, user.email, role);
    }
}
