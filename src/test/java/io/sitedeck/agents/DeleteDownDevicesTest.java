package io.sitedeck.agents;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** "Delete all DOWN devices" confirms the exact list and deletes only that (agent 5024 is this test's). */
@QuarkusTest
class DeleteDownDevicesTest {

    private static final String PAGE = "/agents/5024/down-devices";
    private static final Pattern IDS = Pattern.compile("name=\"ids\" value=\"([0-9,]*)\"");

    @Test
    void confirmsTheExactListThenDeletesIt() {
        Session technician = Session.withSandbox(Role.TECHNICIAN);
        List<Map<String, Object>> before = sandbox();
        String expected = before.stream().filter(d -> "DOWN".equals(d.get("status")))
                .filter(d -> "IP".equals(d.get("protocol")) || "IP_SUBNET".equals(d.get("protocol")))
                .map(d -> (Integer) d.get("id")).sorted().map(String::valueOf).collect(Collectors.joining(","));
        assertFalse(expected.isEmpty());

        String page = technician.get(PAGE).then().statusCode(200).body(containsString("will be deleted from Domotz"))
                .extract().asString();
        Matcher ids = IDS.matcher(page);
        assertTrue(ids.find());
        assertEquals(expected, ids.group(1), "the confirmation lists exactly what Domotz would delete");

        technician.post(PAGE, Map.of("ids", ids.group(1), "once", UUID.randomUUID().toString())).then().statusCode(409);
        technician.post(PAGE, Map.of("ids", "1,2,3", "confirm", "yes", "once", UUID.randomUUID().toString()))
                .then().statusCode(409).body(containsString("changed"));
        technician.post(PAGE, Map.of("ids", ids.group(1), "confirm", "yes")).then().statusCode(400)
                .body(containsString("missing its one-time token"));
        assertEquals(before.size(), sandbox().size(), "nothing deleted without the right confirmation");

        technician.post(PAGE, Map.of("ids", ids.group(1), "confirm", "yes", "once", UUID.randomUUID().toString()))
                .then().statusCode(303);
        List<Map<String, Object>> after = sandbox();
        assertEquals(before.size() - expected.split(",").length, after.size());
        assertTrue(after.stream().noneMatch(d -> "DOWN".equals(d.get("status"))
                && ("IP".equals(d.get("protocol")) || "IP_SUBNET".equals(d.get("protocol")))));
    }

    @Test
    void viewersCannotEvenSeeTheConfirmation() {
        Session viewer = Session.withSandbox(Role.VIEWER);
        viewer.get(PAGE).then().statusCode(403);
        viewer.post(PAGE, Map.of("ids", "", "confirm", "yes", "once", "x")).then().statusCode(403);
    }

    private static List<Map<String, Object>> sandbox() {
        return given().header("X-Api-Key", Accounts.SANDBOX_KEY).queryParam("show_hidden", "true")
                .get("/public-api/v1/agent/5024/device").then().statusCode(200).extract().jsonPath().getList("$");
    }
}
