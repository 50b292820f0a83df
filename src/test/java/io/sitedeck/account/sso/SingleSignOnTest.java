package io.sitedeck.account.sso;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.AppUser;
import io.sitedeck.account.KeyVault;
import io.sitedeck.account.Person;
import io.sitedeck.account.Role;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.MovableClock;
import io.sitedeck.testing.Session;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #20, single sign-on against a real OpenID provider running inside the test (mock-oauth2-server
 * on loopback): the code flow with PKCE, groups mapped to roles, unmapped groups refused, just-in-time
 * members on and off, a disabled member refused, tokens with a wrong issuer, audience or expiry
 * refused, and two tenants with two providers never mixing their members.
 */
@QuarkusTest
class SingleSignOnTest {

    private static final String CLIENT = "sitedeck";
    private static final String SECRET = "client-secret-9f2c";
    private static MockOAuth2Server provider;

    @Inject
    KeyVault vault;

    @BeforeAll
    static void startTheProvider() throws Exception {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterAll
    static void stopTheProvider() {
        provider.shutdown();
    }

    @AfterEach
    void presentTime() {
        MovableClock.reset();
    }

    @Test
    void signsInWithTheCodeFlowAndTheGroupsGiveTheRole() {
        Tenant a = tenant("idp-a-" + unique(), "sitedeck-admins = ADMIN\nsitedeck-techs = TECHNICIAN", false);
        String email = "tech-" + unique() + "@corp-a.example";
        Session.signIn(a.admin()).post("/members", Map.of("email", email, "role", "VIEWER")).then().statusCode(200);

        SsoFlow.Outcome outcome = SsoFlow.signIn(provider, a.link(), claims(a.issuerId(), email, List.of("staff", "sitedeck-techs")));
        assertEquals(303, outcome.last().statusCode(), outcome.last().asString());
        Session session = new Session(outcome.session());
        session.get("/").then().statusCode(200).body(containsString("<span class=\"who-tenant\">" + a.name() + "</span>"));
        AppUser member = member(email, a.admin().tenantId());
        assertEquals(Role.TECHNICIAN, member.role, "the provider's groups decide the role");
        assertTrue(member.joinedAt != null, "the provider vouched for the invited email");
        session.get("/members").then().statusCode(403);
        assertTrue(audit(a.admin().tenantId(), "sign-in").contains("ok: single sign-on"));
        assertFalse(outcome.cookies().keySet().stream().anyMatch(name -> name.startsWith("q_session")),
                "no OIDC session is kept: the provider is asked again at the next sign-in");

        // The first mapping that matches wins.
        new Session(SsoFlow.signIn(provider, a.link(), claims(a.issuerId(), email, List.of("sitedeck-techs", "sitedeck-admins")))
                .session()).get("/members").then().statusCode(200);
        assertEquals(Role.ADMIN, member(email, a.admin().tenantId()).role);
    }

    @Test
    void unmappedGroupsAndUnknownPeopleAreRefusedUnlessMembersAreCreated() {
        Tenant a = tenant("idp-b-" + unique(), "sitedeck-admins = ADMIN", false);
        String stranger = "new-" + unique() + "@corp-b.example";
        SsoFlow.Outcome noGroup = SsoFlow.signIn(provider, a.link(), claims(a.issuerId(), stranger, List.of("marketing")));
        assertEquals(403, noGroup.last().statusCode());
        assertTrue(noGroup.last().asString().contains("give no access"));
        assertNull(noGroup.session());

        SsoFlow.Outcome unknown = SsoFlow.signIn(provider, a.link(), claims(a.issuerId(), stranger, List.of("sitedeck-admins")));
        assertEquals(403, unknown.last().statusCode());
        assertTrue(unknown.last().asString().contains("not a member"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Person.byEmail(stranger)).isEmpty(), "nobody created");

        Session.signIn(a.admin()).post("/sign-in-settings", settings(a.issuer(), "sitedeck-admins = ADMIN\n* = VIEWER", true, ""))
                .then().statusCode(303);
        SsoFlow.Outcome created = SsoFlow.signIn(provider, a.link(), claims(a.issuerId(), stranger, List.of("anyone")));
        assertEquals(303, created.last().statusCode());
        assertEquals(Role.VIEWER, member(stranger, a.admin().tenantId()).role);
        new Session(created.session()).get("/").then().statusCode(200);
    }

    @Test
    void aMemberDisabledInSitedeckStaysOutWhateverTheProviderSays() {
        Tenant a = tenant("idp-c-" + unique(), "sitedeck-admins = ADMIN", true);
        Accounts.Member viewer = Accounts.memberOf(a.admin().tenantId(), Role.VIEWER);
        QuarkusTransaction.requiringNew().run(() -> AppUser.<AppUser>findById(viewer.userId()).enabled = false);
        SsoFlow.Outcome outcome = SsoFlow.signIn(provider, a.link(), claims(a.issuerId(), viewer.email(), List.of("sitedeck-admins")));
        assertEquals(403, outcome.last().statusCode());
        assertTrue(outcome.last().asString().contains("disabled"));
        assertNull(outcome.session());
        assertEquals(Role.VIEWER, member(viewer.email(), a.admin().tenantId()).role, "nothing changed");
    }

    @Test
    void tokensWithAWrongAudienceIssuerOrExpiryAreRefused() {
        Tenant a = tenant("idp-d-" + unique(), "* = VIEWER", true);
        String email = "x-" + unique() + "@corp-d.example";
        Map<String, Object> claims = Map.of("email", email, "groups", List.of("x"));
        // The provider signs each token properly; only the claim under test is wrong (its claims override the defaults).
        Map<String, Object> otherClient = new java.util.HashMap<>(claims);
        otherClient.put("aud", "another-client");
        SsoFlow.Outcome audience = SsoFlow.signIn(provider, a.link(),
                new DefaultOAuth2TokenCallback(a.issuerId(), email, "JWT", List.of(CLIENT), otherClient, 300));
        SsoFlow.Outcome expired = SsoFlow.signIn(provider, a.link(),
                new DefaultOAuth2TokenCallback(a.issuerId(), email, "JWT", List.of(CLIENT), claims, -600));
        Map<String, Object> forged = new java.util.HashMap<>(claims);
        forged.put("iss", "https://idp.elsewhere.example");
        SsoFlow.Outcome issuer = SsoFlow.signIn(provider, a.link(),
                new DefaultOAuth2TokenCallback(a.issuerId(), email, "JWT", List.of(CLIENT), forged, 300));
        for (SsoFlow.Outcome refused : List.of(audience, expired, issuer)) {
            assertEquals(401, refused.last().statusCode(), refused.last().asString());
            assertNull(refused.session());
        }
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Person.byEmail(email)).isEmpty());
    }

    @Test
    void twoTenantsWithTwoProvidersNeverMixTheirMembers() {
        Tenant a = tenant("idp-e-" + unique(), "* = ADMIN", false);
        Tenant b = tenant("idp-f-" + unique(), "* = ADMIN", false);
        Accounts.Member onlyInA = Accounts.memberOf(a.admin().tenantId(), Role.TECHNICIAN);
        // B's provider vouches for A's member: B does not know them, so no access (and nothing of A opens).
        SsoFlow.Outcome viaB = SsoFlow.signIn(provider, b.link(), claims(b.issuerId(), onlyInA.email(), List.of("g")));
        assertEquals(403, viaB.last().statusCode());
        assertNull(viaB.session());

        // A person in both tenants signed in by A's provider works in A only: no switch into B.
        Accounts.alsoMemberOf(onlyInA, b.admin().tenantId(), Role.VIEWER);
        Session viaA = new Session(SsoFlow.signIn(provider, a.link(), claims(a.issuerId(), onlyInA.email(), List.of("g"))).session());
        viaA.get("/").then().statusCode(200).body(containsString(a.name()));
        viaA.post("/tenants/switch", Map.of("member", member(onlyInA.email(), b.admin().tenantId()).id)).then()
                .statusCode(404);
    }

    @Test
    void theSessionEndsWithTheProvidersTokenAndPasswordSignInCanBeSwitchedOffOnlyAfterAnAdminCameThrough() {
        Tenant a = tenant("idp-g-" + unique(), "admins = ADMIN", false);
        Session adminSession = Session.signIn(a.admin());
        adminSession.post("/sign-in-settings/passwords", Map.of("enabled", "false")).then().statusCode(409);

        SsoFlow.Outcome outcome = SsoFlow.signIn(provider, a.link(),
                new DefaultOAuth2TokenCallback(a.issuerId(), a.admin().email(), "JWT", List.of(CLIENT),
                        Map.of("email", a.admin().email(), "groups", List.of("admins")), 120));
        Session session = new Session(outcome.session());
        session.post("/sign-in-settings/passwords", Map.of("enabled", "false")).then().statusCode(303);
        session.get("/").then().statusCode(200);
        // Passwords are off: the form sign-in opens nothing now, and the password session ended.
        adminSession.get("/").then().statusCode(302);
        assertTrue(io.restassured.RestAssured.given().redirects().follow(false).contentType(io.restassured.http.ContentType.URLENC)
                .formParam("j_username", a.admin().email()).formParam("j_password", Accounts.PASSWORD)
                .post("/j_security_check").getHeader("Location").contains("error"));

        MovableClock.advance(Duration.ofMinutes(3));
        session.get("/").then().statusCode(302); // the provider's token expired: so did the session

        session = new Session(SsoFlow.signIn(provider, a.link(), claims(a.issuerId(), a.admin().email(), List.of("admins"))).session());
        session.post("/logout").then().statusCode(303).header("Location", endsWith("/sign-in/sso/out/" + a.admin().tenantId()));
        io.restassured.RestAssured.get("/sign-in/sso/out/" + a.admin().tenantId()).then().statusCode(200)
                .body(containsString(provider.baseUrl().toString()));
        session.post("/sign-in-settings/passwords", Map.of("enabled", "true")).then().statusCode(302);
    }

    @Test
    void theProviderIsCheckedWhenSavedAndItsSecretNeverShown() {
        Tenant a = tenant("idp-h-" + unique(), "* = VIEWER", false);
        Session admin = Session.signIn(a.admin());
        String page = admin.get("/sign-in-settings").then().statusCode(200).extract().asString();
        assertFalse(page.contains(SECRET), "the secret is never rendered");
        assertTrue(page.contains("…" + SECRET.substring(SECRET.length() - 4)));
        assertTrue(page.contains("/sso/" + a.link().substring("/sso/".length())), "the redirect URI to register");
        SsoProvider stored = QuarkusTransaction.requiringNew().call(() -> SsoProvider.ofTenant(a.admin().tenantId()).orElseThrow());
        assertNotEquals(SECRET, stored.secretCiphertext);
        assertEquals(SECRET, vault.decrypt(stored.secretCiphertext));

        // Not a provider (Sitedeck itself answers 404 for a discovery document): refused, nothing of its answer shown.
        admin.post("/sign-in-settings", settings("http://127.0.0.1:" + io.restassured.RestAssured.port + "/nowhere",
                "* = VIEWER", false, "")).then().statusCode(400)
                .body(containsString("Could not read the provider&#39;s discovery document: It answered HTTP 302."));
        admin.post("/sign-in-settings", settings(a.issuer(), "* = OWNER", false, "")).then().statusCode(400)
                .body(containsString("is not ADMIN, TECHNICIAN or VIEWER"));
        // An inward address is refused by checking what it resolves to, before any connection: 127.0.0.2 is
        // loopback but not on this profile's allow-list (which lists 127.0.0.1 only), so nothing leaves this machine.
        admin.post("/sign-in-settings", settings("https://127.0.0.2/realms/x", "* = VIEWER", false, "")).then()
                .statusCode(400).body(containsString("resolves to an internal address (127.0.0.2)"));
        Session.withSandbox(Role.TECHNICIAN).get("/sign-in-settings").then().statusCode(403);
        io.restassured.RestAssured.given().redirects().follow(false).get("/sign-in/sso?email=someone@" + a.domain())
                .then().statusCode(200).body(containsString("content=\"0;url=" + a.link() + "\""));
        io.restassured.RestAssured.given().redirects().follow(false).get("/sign-in/sso?email=someone@nowhere.example")
                .then().statusCode(303).header("Location", endsWith("/login?sso=none"));
    }

    /** A tenant whose admin configured the provider at issuer id {@code issuerId}. */
    private record Tenant(Accounts.Member admin, String name, String issuerId, String link, String domain) {
        String issuer() {
            return provider.issuerUrl(issuerId).toString().replaceAll("/$", "");
        }
    }

    private Tenant tenant(String issuerId, String mappings, boolean createMembers) {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        String domain = issuerId + ".example";
        String issuer = provider.issuerUrl(issuerId).toString().replaceAll("/$", "");
        Session.signIn(admin).post("/sign-in-settings", settings(issuer, mappings, createMembers, domain)).then()
                .statusCode(303);
        SsoProvider stored = QuarkusTransaction.requiringNew().call(() -> SsoProvider.ofTenant(admin.tenantId()).orElseThrow());
        String name = QuarkusTransaction.requiringNew().call(() ->
                io.sitedeck.account.Tenant.<io.sitedeck.account.Tenant>findById(admin.tenantId()).name);
        return new Tenant(admin, name, issuerId, stored.path(), domain);
    }

    private static Map<String, Object> settings(String issuer, String mappings, boolean createMembers, String domains) {
        Map<String, Object> form = new java.util.HashMap<>(Map.of("displayName", "Corp IdP", "issuerUrl", issuer,
                "clientId", CLIENT, "clientSecret", SECRET, "scopes", "openid email profile", "groupsClaim", "groups",
                "roleMappings", mappings, "emailDomains", domains));
        if (createMembers) {
            form.put("createMembers", "on");
        }
        return form;
    }

    private static DefaultOAuth2TokenCallback claims(String issuerId, String email, List<String> groups) {
        return new DefaultOAuth2TokenCallback(issuerId, email, "JWT", List.of(CLIENT),
                Map.of("email", email, "groups", groups), 300);
    }

    private static AppUser member(String email, long tenantId) {
        return QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser>find("email = ?1 and tenantId = ?2", email,
                tenantId).firstResult());
    }

    private static List<String> audit(long tenantId, String action) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list("tenantId = ?1 and action = ?2",
                tenantId, action)).stream().map(event -> event.outcome).toList();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
