package io.sitedeck.testing;

import io.quarkus.runtime.ShutdownEvent;
import io.sitedeck.sandbox.EmbeddedSandbox;
import io.sitedeck.testing.SandboxOwnership.Part;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Test-only: every successful change to the embedded sandbox (a POST, PUT or DELETE of its API,
 * whether a test sends it or the console does on a test's behalf) is claimed for the test class
 * that is running; a change to a part another class already changed is answered 409 instead of
 * its 2xx, so that test fails where it stands rather than some other class failing in some
 * orders. The world, and so the record, starts afresh with each application start.
 */
@ApplicationScoped
public class SandboxOwnershipGuard {

    private static final Logger LOG = Logger.getLogger(SandboxOwnershipGuard.class);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern SCOPE = Pattern.compile(
            Pattern.quote(EmbeddedSandbox.BASE_PATH) + "/(alert-profile/\\d+/binding/)?agent/(\\d+)(?:/device/(\\d+))?.*");

    private final SandboxOwnership ownership = new SandboxOwnership();

    @ServerResponseFilter
    public void claim(ContainerRequestContext request, ContainerResponseContext response) {
        if (!CHANGES.contains(request.getMethod()) || response.getStatus() / 100 != 2) {
            return;
        }
        Matcher scope = SCOPE.matcher(request.getUriInfo().getPath());
        if (!scope.matches()) {
            return;
        }
        String owner = TestClassInRun.current();
        int agentId = Integer.parseInt(scope.group(2));
        Part part = scope.group(3) != null ? Part.device(agentId, Integer.parseInt(scope.group(3)))
                : scope.group(1) != null ? Part.agentBindings(agentId) : Part.allDevices(agentId);
        Optional<String> conflict = ownership.claim(owner, part);
        if (conflict.isPresent()) {
            String message = owner + " changed sandbox data another test class owns: " + request.getMethod() + " "
                    + request.getUriInfo().getPath() + ", but " + conflict.get() + ". Give each class data of its own.";
            LOG.error(message);
            response.setStatus(409);
            response.setEntity(message, null, MediaType.TEXT_PLAIN_TYPE);
        }
    }

    /** For a test that changes the world in-process (through the simulator), not through the API. */
    public void claimInProcess(Part part) {
        ownership.claim(TestClassInRun.current(), part).ifPresent(conflict -> {
            throw new AssertionError(TestClassInRun.current() + " changes " + part + ", but " + conflict);
        });
    }

    void report(@Observes ShutdownEvent shutdown) {
        LOG.info("Sandbox data changed by test classes in this application run:\n" + ownership.summary());
    }
}
