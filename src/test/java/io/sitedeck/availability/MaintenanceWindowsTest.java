package io.sitedeck.availability;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #18, maintenance windows as people use them: a technician creates one for some devices or the whole site;
 * the site and device pages say so while it is on; ending it early is audited; viewers cannot change them, other
 * tenants cannot see them, a form without its CSRF token changes nothing, and a refused form comes back as typed.
 * Agent 5003 (Europe/London in the sandbox world) is only read.
 */
@QuarkusTest
class MaintenanceWindowsTest {

    private static final String SITE = "/agents/5003";
    private static final String DEVICE = SITE + "/devices/101001";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** A one-off window around now, in the site's zone, as the form's datetime-local fields send it. */
    private static Map<String, Object> onceAroundNow(String title, String covers, String devices) {
        String zone = Session.withSandbox(Role.VIEWER).get(SITE + "/maintenance").asString()
                .replaceAll("(?s).*Times are the site's own \\(([^)]+)\\).*", "$1");
        LocalDateTime now = LocalDateTime.now(ZoneId.of(zone));
        Map<String, Object> form = new HashMap<>(Map.of("title", title, "covers", covers, "kind", "ONCE",
                "from", LOCAL.format(now.minusHours(1)), "to", LOCAL.format(now.plusHours(2))));
        form.put("devices", devices);
        return form;
    }

    @Test
    void aTechniciansWindowShowsOnTheSiteAndDevicePagesUntilEndedEarly() {
        Accounts.Member tech = Accounts.tenantWith(Role.TECHNICIAN);
        Accounts.sandboxConnection(tech, "Sandbox");
        Session session = Session.signIn(tech);
        session.get(DEVICE).then().statusCode(200).body(not(containsString("In maintenance")));

        session.post(SITE + "/maintenance", onceAroundNow("Switch firmware", "DEVICES", "101001, 101002"))
                .then().statusCode(303).header("Location", SITE + "/maintenance?saved=1");
        session.get(SITE + "/maintenance?saved=1").then().statusCode(200).body(containsString("Maintenance window saved."))
                .body(containsString("Switch firmware"))
                .body(containsString("devices 101001, 101002")).body(containsString("on now"));
        session.get(DEVICE).then().body(containsString("In maintenance: Switch firmware"));
        session.get(SITE + "/devices/101003").then().body(not(containsString("In maintenance")));
        session.get(SITE).then().body(not(containsString("In maintenance"))); // a devices window is not the site's

        long id = windows(tech.tenantId()).get(0).id;
        session.post(SITE + "/maintenance/" + id + "/end", Map.of()).then().statusCode(303);
        session.get(DEVICE).then().body(not(containsString("In maintenance")));
        session.get(SITE + "/maintenance").then().body(containsString("ended early by " + tech.email()));
        session.post(SITE + "/maintenance/" + id + "/end", Map.of()).then().statusCode(404);

        List<String> audit = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "tenantId = ?1 and action like 'maintenance.%' order by id", tech.tenantId())).stream()
                .map(e -> e.action + " " + e.actor).toList();
        assertEquals(List.of("maintenance.create " + tech.email(), "maintenance.end " + tech.email()), audit);
    }

    @Test
    void aSiteWindowCoversTheSiteAndEveryDevice() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Accounts.sandboxConnection(admin, "Sandbox");
        Session session = Session.signIn(admin);
        session.post(SITE + "/maintenance", onceAroundNow("ISP line swap", "SITE", "")).then().statusCode(303);
        session.get(SITE).then().body(containsString("In maintenance: ISP line swap"));
        session.get(SITE + "/devices/101003").then().body(containsString("In maintenance: ISP line swap"));
    }

    @Test
    void viewersOtherTenantsAndFormsWithoutTheTokenChangeNothing() {
        Accounts.Member tech = Accounts.tenantWith(Role.TECHNICIAN);
        Accounts.sandboxConnection(tech, "Sandbox");
        Session session = Session.signIn(tech);
        session.post(SITE + "/maintenance", onceAroundNow("Rack move", "SITE", "")).then().statusCode(303);
        long id = windows(tech.tenantId()).get(0).id;

        Accounts.Member viewer = Accounts.memberOf(tech.tenantId(), Role.VIEWER);
        Accounts.sandboxConnection(viewer, "Sandbox");
        Session viewing = Session.signIn(viewer);
        viewing.get(SITE + "/maintenance").then().statusCode(200).body(containsString("Rack move"))
                .body(not(containsString("New maintenance window"))).body(not(containsString("End now")));
        viewing.post(SITE + "/maintenance", onceAroundNow("Sneaky", "SITE", "")).then().statusCode(403);
        viewing.post(SITE + "/maintenance/" + id + "/end", Map.of()).then().statusCode(403);

        Session stranger = Session.withSandbox(Role.ADMIN);
        stranger.get(SITE + "/maintenance").then().statusCode(200).body(not(containsString("Rack move")));
        stranger.get(SITE).then().body(not(containsString("In maintenance")));
        stranger.post(SITE + "/maintenance/" + id + "/end", Map.of()).then().statusCode(404);

        session.request().contentType("application/x-www-form-urlencoded").formParams(onceAroundNow("No token", "SITE", ""))
                .post(SITE + "/maintenance").then().statusCode(403);
        assertEquals(List.of("Rack move"), windows(tech.tenantId()).stream().map(w -> w.title).toList());
        assertTrue(windows(tech.tenantId()).get(0).endedAt == null, "still on");
    }

    @Test
    void aRefusedFormComesBackAsTypedWithWhatToChange() {
        Session session = Session.withSandbox(Role.TECHNICIAN);
        Map<String, Object> form = new HashMap<>(Map.of("title", "Printer swap <b>", "covers", "DEVICES",
                "devices", "101001; drop table", "kind", "WEEKLY", "start", "02:00", "hours", "2"));
        session.post(SITE + "/maintenance", form).then().statusCode(400)
                .body(containsString("Device ids are numbers separated by commas"))
                .body(containsString("value=\"Printer swap &lt;b&gt;\"")).body(containsString("value=\"101001; drop table\""));
        form.put("devices", "101001");
        session.post(SITE + "/maintenance", form).then().statusCode(400)
                .body(containsString("Choose at least one day of the week."));
        form.put("days", List.of("SATURDAY", "SUNDAY"));
        form.put("hours", "500");
        session.post(SITE + "/maintenance", form).then().statusCode(400).body(containsString("at most 168 hours"))
                .body(containsString("value=\"SATURDAY\" checked"));
        form.put("hours", "2");
        session.post(SITE + "/maintenance", form).then().statusCode(303);
        session.get(SITE + "/maintenance").then().body(containsString("Weekly on Sat, Sun at 02:00 for 2 h"));
    }

    private static List<MaintenanceWindow> windows(long tenantId) {
        return QuarkusTransaction.requiringNew().call(() -> MaintenanceWindow.<MaintenanceWindow>list(
                "tenantId = ?1 order by id", tenantId));
    }
}
