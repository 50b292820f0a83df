package io.sitedeck.sandbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the sandbox serves describes exactly what it serves: the same 31 routes
 * as its resources (and as the Sitedeck client), and answers whose fields the schemas declare.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOC_ROUTE = "GET /meta/open-api-definition";

    @TestHTTPResource("public-api/v1")
    URL sandbox;

    JsonNode document;

    @BeforeEach
    void fetch() throws Exception {
        String body = given().get(sandbox + "/meta/open-api-definition").then().statusCode(200)
                .contentType("application/json").extract().asString();
        document = JSON.readTree(body);
    }

    @Test
    void describesTheRoutesTheSandboxServes() {
        Set<String> documented = documentedRoutes().keySet();
        Set<String> served = servedRoutes();
        served.remove(DOC_ROUTE);
        assertEquals(31, documented.size());
        assertEquals(new TreeSet<>(documented), new TreeSet<>(served));
    }

    @Test
    void namesTheSameOperationsAsTheSitedeckClient() throws Exception {
        Map<String, String> byOperation = new TreeMap<>();
        documentedRoutes().forEach((route, operationId) -> byOperation.put(operationId, route));
        Map<String, String> client = new TreeMap<>();
        for (Method method : Class.forName("io.sitedeck.domotz.DomotzApi").getDeclaredMethods()) {
            client.put(method.getName(), verb(method) + " " + method.getAnnotation(Path.class).value());
        }
        assertEquals(byOperation, client);
    }

    @Test
    void answersOnlyWithDeclaredFields() {
        String userId = given().header("X-Api-Key", "sandbox-demo-key").get(sandbox + "/user").then().statusCode(200)
                .extract().jsonPath().getString("id");
        Map<String, String> samples = Map.of("{agent_id}", "5000", "{device_id}", "100000", "{user_id}", userId);
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().get("get");
            JsonNode schema = get == null ? null : get.at("/responses/200/content/application~1json/schema");
            if (schema == null || schema.isMissingNode()) {
                continue;
            }
            String url = path.getKey();
            for (Map.Entry<String, String> sample : samples.entrySet()) {
                url = url.replace(sample.getKey(), sample.getValue());
            }
            String body = given().header("X-Api-Key", "sandbox-demo-key").get(sandbox + url).then().statusCode(200)
                    .extract().asString();
            try {
                assertDeclared(JSON.readTree(body), schema, path.getKey());
            } catch (java.io.IOException unreadable) {
                throw new AssertionError(unreadable);
            }
            checked++;
        }
        assertEquals(17, checked, "every JSON GET operation (all GETs but the snapshot) was checked");
    }

    private void assertDeclared(JsonNode value, JsonNode schema, String where) {
        assertDeclared(value, List.of(schema), where);
    }

    /** A value fits when each of its fields is declared by at least one of the candidate schemas. */
    private void assertDeclared(JsonNode value, List<JsonNode> schemas, String where) {
        if (value.isArray()) {
            List<JsonNode> items = schemas.stream().map(s -> resolve(s).get("items")).filter(i -> i != null).toList();
            value.forEach(item -> assertDeclared(item, items, where + "[]"));
            return;
        }
        if (!value.isObject()) {
            return;
        }
        Map<String, List<JsonNode>> properties = new TreeMap<>();
        schemas.forEach(schema -> collectProperties(schema, properties));
        value.fields().forEachRemaining(field -> {
            assertTrue(properties.containsKey(field.getKey()),
                    where + " answers '" + field.getKey() + "', which its schema does not declare");
            assertDeclared(field.getValue(), properties.get(field.getKey()), where + "." + field.getKey());
        });
    }

    /** The properties a schema allows, through $ref, allOf and (as a union) oneOf. */
    private void collectProperties(JsonNode schema, Map<String, List<JsonNode>> into) {
        JsonNode resolved = resolve(schema);
        resolved.path("properties").fields().forEachRemaining(
                p -> into.computeIfAbsent(p.getKey(), k -> new java.util.ArrayList<>()).add(p.getValue()));
        for (String combinator : List.of("allOf", "oneOf")) {
            resolved.path(combinator).forEach(part -> collectProperties(part, into));
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** "VERB /path" → operationId, from the document. */
    private Map<String, String> documentedRoutes() {
        Map<String, String> routes = new TreeMap<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (Set.of("get", "put", "post", "delete", "head").contains(op.getKey())) {
                routes.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue().get("operationId").asText());
            }
        }));
        return routes;
    }

    /** "VERB /path" of every resource method under the sandbox's base path, found on the live beans. */
    private static Set<String> servedRoutes() {
        Set<String> routes = new HashSet<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path root = bean.getBeanClass().getAnnotation(Path.class);
            if (root == null || !root.value().equals(SandboxGate.BASE_PATH)) {
                continue;
            }
            for (Method method : bean.getBeanClass().getDeclaredMethods()) {
                Path path = method.getAnnotation(Path.class);
                String verb = verb(method);
                if (path != null && verb != null) {
                    routes.add(verb + " " + path.value().replaceAll("\\{(\\w+):[^}]*}", "{$1}"));
                }
            }
        }
        return routes;
    }

    private static String verb(Method method) {
        for (Class<? extends Annotation> verb : List.of(GET.class, PUT.class, POST.class, DELETE.class, HEAD.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName();
            }
        }
        return null;
    }
}
