package io.sitedeck.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Sandbox: apiUsageInfo, listDeviceBaseTypes, listDeviceDetectedTypes, getUser, and the OpenAPI document. */
@Path(SandboxGate.BASE_PATH)
@Produces(MediaType.APPLICATION_JSON)
public class SandboxMetaResource {

    static final String OPENAPI_RESOURCE = "sandbox/domotz-openapi.json";

    private final SandboxGate gate;
    private final SandboxKeys keys;
    private final SandboxUsage usage;
    private final byte[] openApi = load(OPENAPI_RESOURCE);

    SandboxMetaResource(SandboxGate gate, SandboxKeys keys, SandboxUsage usage) {
        this.gate = gate;
        this.keys = keys;
        this.usage = usage;
    }

    @GET
    @Path("/meta/usage")
    public Uni<Response> apiUsageInfo() {
        return gate.serve(key -> {
            ObjectNode json = SandboxJson.object();
            ArrayNode byIp = json.putArray("by_ip");
            usage.byName("ip", key.userId()).forEach((ip, count) -> byIp.addObject().put("count", count).put("name", ip));
            ArrayNode byKey = json.putArray("by_key");
            keys.ofUser(key.userId()).forEach(k -> byKey.addObject()
                    .put("count", usage.dailyUsage(k)).put("id", k.id()).put("name", k.name()));
            ArrayNode byResource = json.putArray("by_resource");
            usage.byName("resource", key.userId())
                    .forEach((name, count) -> byResource.addObject().put("count", count).put("name", name));
            json.put("concurrent_allowed", key.concurrentAllowed());
            json.put("daily_limit", key.dailyLimit());
            json.put("daily_usage", usage.dailyUsage(key));
            return Response.ok(json).build();
        });
    }

    @GET
    @Path("/type/device/base")
    public Uni<Response> listDeviceBaseTypes() {
        return gate.serve(key -> {
            ArrayNode types = SandboxJson.array();
            SandboxCatalogue.BASE_TYPES.forEach(t -> types.addObject().put("id", t.id())
                    .put("identifier", t.identifier()).put("label", t.label()).put("vital", t.vital()));
            return Response.ok(types).build();
        });
    }

    @GET
    @Path("/type/device/detected")
    public Uni<Response> listDeviceDetectedTypes() {
        return gate.serve(key -> {
            ArrayNode types = SandboxJson.array();
            for (SandboxCatalogue.DetectedType t : SandboxCatalogue.DETECTED_TYPES) {
                ObjectNode json = types.addObject();
                t.capabilities().forEach(json.putArray("capabilities")::add);
                json.put("id", t.id()).put("identifier", t.identifier()).put("label", t.label())
                        .put("type_id", t.typeId());
            }
            return Response.ok(types).build();
        });
    }

    @GET
    @Path("/user")
    public Uni<Response> getUser() {
        return gate.serve(key -> Response.ok(SandboxJson.object().put("id", key.userId()).put("name", key.userName()))
                .build());
    }

    /** The OpenAPI 3 document of the 31 operations; like at a real cell, no key is needed. */
    @GET
    @NonBlocking
    @Path("/meta/open-api-definition")
    public Response openApiDefinition() {
        return Response.ok(openApi, MediaType.APPLICATION_JSON).build();
    }

    private static byte[] load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
