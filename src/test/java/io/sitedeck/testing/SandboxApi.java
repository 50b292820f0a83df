package io.sitedeck.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The embedded sandbox's API, called as any Domotz client calls it (the demo key). */
public final class SandboxApi {

    public static final String BASE = "/public-api/v1";

    private SandboxApi() {
    }

    public static RequestSpecification call() {
        return given().header("X-Api-Key", Accounts.SANDBOX_KEY);
    }

    /** The agent's online devices that can be switched off right now, in the API's order, except {@code skip}. */
    public static List<Integer> switchableDevices(int agentId, Set<Integer> skip) {
        JsonPath devices = call().get(BASE + "/agent/" + agentId + "/device").then().statusCode(200).extract().jsonPath();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < devices.getList("$").size(); i++) {
            int id = devices.getInt("[" + i + "].id");
            if ("ONLINE".equals(devices.getString("[" + i + "].status")) && !skip.contains(id) && call()
                    .get(BASE + "/agent/" + agentId + "/device/" + id + "/action/power").then().extract().jsonPath().getBoolean("off")) {
                found.add(id);
            }
        }
        return found;
    }
}
