package io.sitedeck.devices;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.Connections;
import io.sitedeck.account.DomotzConnection;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.DetectedDeviceType;
import io.sitedeck.domotz.model.DeviceBaseType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The device type catalogues of the connection: base types and detected types with capabilities (2 calls, cached 12 h). */
@Path("/types")
public class TypesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance types(List<DeviceBaseType> base, List<DetectedDeviceType> detected,
                                             Map<Integer, String> baseLabels);
    }

    private final DomotzGateway gateway;
    private final ConsoleContext console;
    private final Connections connections;

    TypesResource(DomotzGateway gateway, ConsoleContext console, Connections connections) {
        this.gateway = gateway;
        this.console = console;
        this.connections = connections;
    }

    @GET
    public Response types() {
        DomotzConnection connection = console.requiredConnection();
        DomotzTarget target = connections.target(connection);
        List<DeviceBaseType> base = gateway.listDeviceBaseTypes(target);
        Map<Integer, String> labels = base.stream().filter(t -> t.id() != null && t.label() != null)
                .collect(Collectors.toMap(DeviceBaseType::id, DeviceBaseType::label, (a, b) -> a));
        return Response.ok(Templates.types(base, gateway.listDeviceDetectedTypes(target), labels)).build();
    }
}
