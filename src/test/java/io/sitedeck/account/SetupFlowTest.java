package io.sitedeck.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** First run: with no account at all, the console asks for the first tenant and admin, once. */
@QuarkusTest
class SetupFlowTest {

    @BeforeEach
    void emptyInstallation() {
        Accounts.reset();
    }

    @Test
    void sendsEveryoneToSetUpWhileNoAccountExists() {
        given().redirects().follow(false).get("/login").then().statusCode(303).header("Location", endsWith("/setup"));
        given().get("/setup").then().statusCode(200).body(containsString("open the one-time set-up link"))
                .body(not(containsString("name=\"password\"")));
        given().get("/setup?token=" + Accounts.SETUP_TOKEN).then().statusCode(200)
                .body(containsString("Set up Sitedeck")).body(containsString("Add a ready “Sandbox” connection"));
    }

    @Test
    void refusesSetUpWithoutTheOneTimeToken() {
        given().get("/setup?token=guessed").then().statusCode(403).body(containsString("not valid"));
        given().redirects().follow(false).contentType(ContentType.URLENC).cookie("sitedeck-csrf", Session.CSRF)
                .formParam("_csrf", Session.CSRF).formParam("organization", "Evil").formParam("email", "evil@evil.example")
                .formParam("password", Accounts.PASSWORD).formParam("confirmation", Accounts.PASSWORD)
                .post("/setup").then().statusCode(403);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> AppUser.count()));
    }

    @Test
    void twoSetUpsAtOnceMakeOneAdmin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String email = "racer" + i + "@acme.example";
                answers.add(pool.submit(() -> setup().formParam("email", email).formParam("password", Accounts.PASSWORD)
                        .formParam("confirmation", Accounts.PASSWORD).post("/setup").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(303, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AppUser.count()));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Tenant.count()));
    }

    @Test
    void createsTenantAdminAndSandboxConnection() {
        setup().formParam("password", Accounts.PASSWORD).formParam("confirmation", Accounts.PASSWORD)
                .formParam("sandboxConnection", "on").post("/setup")
                .then().statusCode(303).header("Location", endsWith("/login?welcome"));

        AppUser admin = QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser>find("email",
                "first@acme.example").firstResult());
        Person person = QuarkusTransaction.requiringNew().call(() -> Person.byEmail("first@acme.example").orElseThrow());
        assertEquals(Role.ADMIN, admin.role);
        assertTrue(person.passwordHash.startsWith("$2"), "bcrypt");
        assertTrue(person.operator, "whoever sets the install up operates it");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> DomotzConnection.count("userId", admin.id)));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action", "setup")));

        Session.signIn("first@acme.example", Accounts.PASSWORD).get("/agents").then().statusCode(200)
                .body(containsString("12 sites"));
        given().redirects().follow(false).get("/setup").then().statusCode(303).header("Location", endsWith("/login"));
    }

    @Test
    void runsOnlyOnce() {
        setup().formParam("password", Accounts.PASSWORD).formParam("confirmation", Accounts.PASSWORD).post("/setup")
                .then().statusCode(303);
        setup().formParam("email", "second@evil.example").formParam("password", Accounts.PASSWORD)
                .formParam("confirmation", Accounts.PASSWORD).post("/setup").then().statusCode(303);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AppUser.count()));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Tenant.count()));
    }

    @Test
    void refusesWeakPasswordsAndKeepsWhatWasTyped() {
        setup().formParam("password", "short").formParam("confirmation", "short").post("/setup")
                .then().statusCode(400).body(containsString("at least 12 characters"))
                .body(containsString("value=\"Acme MSP\""));
        setup().formParam("password", Accounts.PASSWORD).formParam("confirmation", "something-else-entirely")
                .post("/setup").then().statusCode(400).body(containsString("The two passwords differ"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> AppUser.count()));
    }

    @Test
    void refusesAFormWithoutTheCsrfToken() {
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("token", Accounts.SETUP_TOKEN)
                .formParam("organization", "Acme MSP")
                .formParam("email", "first@acme.example").formParam("password", Accounts.PASSWORD)
                .formParam("confirmation", Accounts.PASSWORD).post("/setup").then().statusCode(403);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> AppUser.count()));
    }

    private static RequestSpecification setup() {
        return given().redirects().follow(false).contentType(ContentType.URLENC).cookie("sitedeck-csrf", Session.CSRF)
                .formParam("_csrf", Session.CSRF).formParam("token", Accounts.SETUP_TOKEN)
                .formParam("organization", "Acme MSP").formParam("email", "first@acme.example");
    }
}
