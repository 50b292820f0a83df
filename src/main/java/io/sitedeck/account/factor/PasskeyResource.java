package io.sitedeck.account.factor;

import io.quarkus.security.Authenticated;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.Person;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.shared.Missing;
import io.vertx.ext.web.RoutingContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A signed-in person's passkeys: adding one (a second factor, and a way to sign in without the
 * password), and giving one as the second factor after the password. The browser side is
 * {@code js/passkeys.js}; answers are JSON ({@code next} to go on, or {@code problem}).
 */
@Path("/second-factor/passkey")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PasskeyResource {

    private final CurrentUser user;
    private final Passkeys passkeys;
    private final FactorGate gate;
    private final AuditLog audit;

    PasskeyResource(CurrentUser user, Passkeys passkeys, FactorGate gate, AuditLog audit) {
        this.user = user;
        this.passkeys = passkeys;
        this.gate = gate;
        this.audit = audit;
    }

    @POST
    @Path("register-options")
    @Transactional
    public Map<String, Object> registrationOptions(RoutingContext http) {
        return passkeys.registrationOptions(Person.findById(user.personId()), site(http));
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response register(String response, @QueryParam("name") String name, RoutingContext http) {
        try {
            Passkey added = passkeys.register(Person.findById(user.personId()), response, site(http), name);
            audit.record(user.tenantId(), user.email(), "second-factor.enrol", user.email(), "ok: passkey " + added.name);
            return Response.ok(Map.of("next", "/second-factor/enrol")).build();
        } catch (Passkeys.Refused refused) {
            audit.record(user.tenantId(), user.email(), "second-factor.enrol", user.email(), "failed: passkey not checked");
            return Response.status(400).entity(Map.of("problem", refused.getMessage())).build();
        }
    }

    @POST
    @Path("options")
    @Transactional
    public Map<String, Object> assertionOptions(RoutingContext http) {
        return passkeys.assertionOptions(user.personId(), Passkeys.FACTOR, site(http));
    }

    /** The passkey as the second factor: the session goes on as if the code had been typed. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response give(String response, RoutingContext http) {
        if (!user.factorPending()) {
            return Response.ok(Map.of("next", "/")).build();
        }
        return gate.attempt(http, "passkey", person -> {
            try {
                passkeys.assertion(response, site(http), Passkeys.FACTOR, person.id);
                return true;
            } catch (Passkeys.Refused refused) {
                return false;
            }
        }).map(problem -> Response.status(400).entity(Map.of("problem", problem)).build())
                .orElseGet(() -> Response.ok(Map.of("next", "/")).build());
    }

    /**
     * Removes one of the person's own passkeys (another person's id is not found). With no factor left the
     * person signs in with the password alone again, or is led to enrol where the tenant requires it.
     */
    @POST
    @Path("{id}/delete")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public Response delete(@PathParam("id") long id) {
        Passkey passkey = Passkey.<Passkey>find("id = ?1 and personId = ?2", id, user.personId()).firstResultOptional()
                .orElseThrow(() -> new Missing("No such passkey"));
        passkey.delete();
        Person person = Person.findById(user.personId());
        if (person.totpSealed == null && Passkey.count("personId", person.id) == 0) {
            person.secondFactor = false;
        }
        audit.record(user.tenantId(), user.email(), "second-factor.remove", user.email(), "ok: passkey " + passkey.name);
        return Response.seeOther(java.net.URI.create("/second-factor/enrol")).build();
    }

    /** The console's origin as the browser sees it, and its host as the relying party. */
    static Passkeys.Site site(RoutingContext http) {
        String host = http.request().getHeader("Host");
        String origin = http.request().scheme() + "://" + host;
        return new Passkeys.Site(origin, java.net.URI.create(origin).getHost());
    }

    static String address(RoutingContext http) {
        return http.request().remoteAddress() == null ? "unknown" : http.request().remoteAddress().hostAddress();
    }
}
