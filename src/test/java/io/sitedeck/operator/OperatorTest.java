package io.sitedeck.operator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitedeck.account.AppUser;
import io.sitedeck.account.Person;
import io.sitedeck.account.Role;
import io.sitedeck.account.Tenant;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.events.LiveEvents;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import io.sitedeck.testing.Waits;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, tenants on one install: the operator creates tenants with their first admin, renames,
 * disables and enables them, names operators; sees counts but no tenant data; every action lands
 * in the operator log and the tenant's own; nobody else finds the page.
 */
@QuarkusTest
class OperatorTest {

    private static final Pattern SETUP_LINK = Pattern.compile("<code class=\"setup-link\">(/welcome/[^<]+)</code>");

    @TestHTTPResource("/")
    URI root;

    @Inject
    LiveEvents live;

    private Accounts.Member operator;
    private Session operatorSession;

    @BeforeEach
    void anOperator() {
        operator = Accounts.tenantWith(Role.ADMIN);
        Accounts.operator(operator, true);
        operatorSession = Session.signIn(operator);
    }

    @Test
    void createsTenantsWhoseAdminsSetUpTheirTeams() {
        String north = "Northwind " + unique();
        String south = "Southwind " + unique();
        Accounts.Member northAdmin = createWithNewAdmin(north);
        Accounts.Member southAdmin = createWithNewAdmin(south);

        Session northSession = Session.signIn(northAdmin);
        northSession.get("/members").then().statusCode(200).body(containsString(north));
        String teammate = "tech-" + unique() + "@north.example";
        String added = northSession.post("/members", Map.of("email", teammate, "role", "TECHNICIAN")).then()
                .statusCode(200).extract().asString();
        Matcher link = SETUP_LINK.matcher(added);
        assertTrue(link.find(), "a set-up link for the new member");
        welcome(link.group(1));
        Session.signIn(teammate, Accounts.PASSWORD).get("/").then().statusCode(200).body(containsString(north));

        Session.signIn(southAdmin).get("/members").then().statusCode(200).body(containsString(south))
                .body(not(containsString(teammate)));
        assertEquals(1L, AuditCount.of(null, "operator.tenant.create", north));
        assertEquals(1L, AuditCount.of(northAdmin.tenantId(), "operator.tenant.create", north));
    }

    @Test
    void thePageShowsCountsButNoTenantData() {
        Accounts.Member customer = Accounts.tenantWith(Role.ADMIN);
        Accounts.Member colleague = Accounts.memberOf(customer.tenantId(), Role.VIEWER);
        Accounts.sandboxConnection(customer, "Secret connection " + unique());
        Session.signIn(colleague); // leaves activity in the customer's audit log
        String name = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>findById(customer.tenantId()).name);

        String page = operatorSession.get("/operator").then().statusCode(200).extract().asString();
        assertTrue(page.contains(name), "the tenant is listed");
        String row = page.substring(page.indexOf(name));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.replaceAll("\\s+", " ").contains("<td class=\"num\">2</td> <td class=\"num\">1</td> <td class=\"num\">0</td>"),
                "members, connections, events: " + row);
        assertFalse(page.contains("Secret connection"), "no connection names");
        assertFalse(page.contains(customer.email()) || page.contains(colleague.email()), "no member emails");
    }

    @Test
    void nobodyElseFindsTheOperatorPage() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Session session = Session.signIn(admin);
        String name = "Sneaky " + unique();
        session.get("/operator").then().statusCode(404);
        session.post("/operator/tenants", Map.of("name", name, "adminEmail", "x@sneaky.example")).then().statusCode(404);
        session.post("/operator/tenants/" + admin.tenantId() + "/enabled", Map.of("enabled", "false")).then()
                .statusCode(404);
        session.post("/operator/operators", Map.of("email", admin.email(), "operator", "true")).then().statusCode(404);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Tenant.findByName(name)).isEmpty());
        session.get("/operator").then().statusCode(404);
        session.get("/").then().statusCode(200).body(not(containsString("/operator")));
        operatorSession.get("/").then().statusCode(200).body(containsString("href=\"/operator\""));
    }

    @Test
    void renamesAndRefusesATakenOrEmptyName() {
        Accounts.Member one = Accounts.tenantWith(Role.ADMIN);
        Accounts.Member two = Accounts.tenantWith(Role.ADMIN);
        String taken = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>findById(two.tenantId()).name);
        operatorSession.post("/operator/tenants/" + one.tenantId() + "/name", Map.of("name", taken)).then()
                .statusCode(409).body(containsString("already has this name"));
        operatorSession.post("/operator/tenants/" + one.tenantId() + "/name", Map.of("name", " ")).then()
                .statusCode(400);
        operatorSession.post("/operator/tenants/999999/name", Map.of("name", "Nobody")).then().statusCode(404);
        String renamed = "Renamed " + unique();
        operatorSession.post("/operator/tenants/" + one.tenantId() + "/name", Map.of("name", renamed)).then()
                .statusCode(303).header("Location", endsWith("/operator?done=renamed"));
        assertEquals(renamed, QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>findById(one.tenantId()).name));
        Session.signIn(one).get("/").then().body(containsString(renamed));
        assertEquals(1L, AuditCount.of(one.tenantId(), "operator.tenant.rename", renamed));
        assertEquals(1L, AuditCount.of(null, "operator.tenant.rename", renamed));
    }

    @Test
    void aDisabledTenantsMembersAreRefusedAndTheirStreamsClose() throws Exception {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Accounts.Member viewer = Accounts.memberOf(admin.tenantId(), Role.VIEWER);
        Session viewerSession = Session.signIn(viewer);
        CompletableFuture<Boolean> ended = io.sitedeck.testing.LiveStreams.open(root, viewerSession, live);

        operatorSession.post("/operator/tenants/" + admin.tenantId() + "/enabled", Map.of("enabled", "false")).then()
                .statusCode(303);
        Waits.until("the disabled tenant's stream to end", ended::isDone);
        viewerSession.get("/").then().statusCode(302);
        refusedSignIn(admin);
        assertEquals(1L, AuditCount.of(admin.tenantId(), "operator.tenant.disable", null));
        assertTrue(AuditCount.outcomes(admin.tenantId(), "sign-in").contains("refused: disabled"));
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> AppUser.count("tenantId", admin.tenantId())),
                "nothing deleted");

        operatorSession.post("/operator/tenants/" + admin.tenantId() + "/enabled", Map.of("enabled", "true")).then()
                .statusCode(303);
        Session.signIn(admin).get("/").then().statusCode(200);
    }

    @Test
    void neverLocksTheLastOperatorOut() {
        // Other tests leave operators behind: here this one is the install's only operator.
        QuarkusTransaction.requiringNew().run(() -> Person.update("operator = false where email <> ?1", operator.email()));
        operatorSession.post("/operator/tenants/" + operator.tenantId() + "/enabled", Map.of("enabled", "false")).then()
                .statusCode(409).body(containsString("no operator able to sign in"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>findById(operator.tenantId()).enabled));
        assertTrue(AuditCount.outcomes(null, "operator.tenant.disable").stream().anyMatch(o -> o.startsWith("refused")));
    }

    @Test
    void namesOperatorsAmongThePeopleOnTheInstall() {
        Accounts.Member other = Accounts.tenantWith(Role.VIEWER);
        operatorSession.post("/operator/operators", Map.of("email", "nobody-" + unique() + "@x.example",
                "operator", "true")).then().statusCode(400).body(containsString("Nobody with this email"));
        Session otherSession = Session.signIn(other);
        otherSession.get("/operator").then().statusCode(404);
        operatorSession.post("/operator/operators", Map.of("email", other.email(), "operator", "true")).then()
                .statusCode(303);
        otherSession.get("/operator").then().statusCode(200).body(containsString("Operate this install"));
        // Being an operator is not being an admin of one's own tenant.
        otherSession.get("/members").then().statusCode(403);
        otherSession.post("/operator/operators", Map.of("email", other.email(), "operator", "false")).then()
                .statusCode(303);
        otherSession.get("/operator").then().statusCode(404);
        assertEquals(1L, AuditCount.of(null, "operator.grant", other.email()));
    }

    /** Creates a tenant whose first admin is new to the install; they follow their link and set a password. */
    private Accounts.Member createWithNewAdmin(String name) {
        String email = "admin-" + unique() + "@tenant.example";
        String page = operatorSession.post("/operator/tenants", Map.of("name", name, "adminEmail", email)).then()
                .statusCode(200).body(containsString("Created " + name)).extract().asString();
        Matcher link = SETUP_LINK.matcher(page);
        assertTrue(link.find(), "a set-up link for the first admin");
        welcome(link.group(1));
        AppUser admin = QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser>find("email", email).firstResult());
        assertEquals(Role.ADMIN, admin.role);
        return new Accounts.Member(admin.tenantId, admin.id, email, Role.ADMIN);
    }

    private static void welcome(String link) {
        given().redirects().follow(false).cookie("sitedeck-csrf", Session.CSRF).contentType(ContentType.URLENC)
                .formParam("_csrf", Session.CSRF).formParam("password", Accounts.PASSWORD)
                .formParam("confirmation", Accounts.PASSWORD).post(link).then().statusCode(303);
    }

    private static void refusedSignIn(Accounts.Member member) {
        String cookie = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", member.email()).formParam("j_password", Accounts.PASSWORD)
                .post("/j_security_check").getCookie("sitedeck-session");
        assertTrue(cookie == null || cookie.isEmpty(), "no session for " + member.email());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Audit lines by tenant (null: the operator log), action and target. */
    static final class AuditCount {
        static long of(Long tenantId, String action, String target) {
            return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                    tenantId == null ? "tenantId is null and action = ?1" : "tenantId = ?2 and action = ?1",
                    tenantId == null ? new Object[] {action} : new Object[] {action, tenantId}).stream()
                    .filter(event -> target == null || target.equals(event.target)).count());
        }

        static java.util.List<String> outcomes(Long tenantId, String action) {
            return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                    tenantId == null ? "tenantId is null and action = ?1" : "tenantId = ?2 and action = ?1",
                    tenantId == null ? new Object[] {action} : new Object[] {action, tenantId}).stream()
                    .map(event -> event.outcome).toList());
        }
    }
}
