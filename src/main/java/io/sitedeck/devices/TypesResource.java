package io.sitedeck.devices;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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

    TypesResource(DomotzGateway gateway, ConsoleContext console) {
        this.gateway = gateway;
        this.console = console;
    }

    @GET
    public Response types() {
        DomotzTarget target = console.target();
        List<DeviceBaseType> base = gateway.listDeviceBaseTypes(target);
        Map<Integer, String> labels = base.stream().filter(t -> t.id() != null && t.label() != null)
                .collect(Collectors.toMap(DeviceBaseType::id, DeviceBaseType::label, (a, b) -> a));
        return Response.ok(Templates.types(base, gateway.listDeviceDetectedTypes(target), labels)).build();
    }
}
