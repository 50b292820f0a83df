package io.sitedeck.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.sitedeck.shared.SystemClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The layering of docs/architecture.md, stated once: no cycles between top-level packages; the
 * leaf packages, the Domotz client and the sandbox import nothing of the console; {@code web} is
 * HTTP plumbing and imports no feature; only {@code domotz} speaks HTTP to Domotz (the sandbox's
 * webhook delivery is the one other HTTP client); "now" comes from the clock bean. Main classes only.
 */
@AnalyzeClasses(packages = "io.sitedeck", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String[] CONSOLE = {"io.sitedeck.account..", "io.sitedeck.audit..", "io.sitedeck.console..",
            "io.sitedeck.web..", "io.sitedeck.agents..", "io.sitedeck.devices..", "io.sitedeck.alerts..",
            "io.sitedeck.annotations..", "io.sitedeck.events..", "io.sitedeck.usage..", "io.sitedeck.fleet..",
            "io.sitedeck.preferences..", "io.sitedeck.availability..", "io.sitedeck.reports..", "io.sitedeck.notifications..",
            "io.sitedeck.operator.."};

    private static final String[] FEATURES = {"io.sitedeck.agents..", "io.sitedeck.devices..", "io.sitedeck.alerts..",
            "io.sitedeck.annotations..", "io.sitedeck.events..", "io.sitedeck.usage..", "io.sitedeck.account..",
            "io.sitedeck.audit..", "io.sitedeck.console..", "io.sitedeck.fleet..", "io.sitedeck.preferences..",
            "io.sitedeck.availability..", "io.sitedeck.reports..", "io.sitedeck.notifications..",
            "io.sitedeck.operator.."};

    @ArchTest
    static final ArchRule topLevelPackagesHaveNoCycles = slices().matching("io.sitedeck.(*)..").should().beFreeOfCycles();

    private static final List<String> TOP_LEVEL = List.of("account", "agents", "alerts", "annotations", "audit",
            "console", "devices", "domotz", "events", "fleet", "outbound", "platform", "preferences", "redis", "availability",
            "reports", "sandbox", "shared", "usage", "web", "notifications", "operator");

    @ArchTest
    static final ArchRule theSharedLeafImportsNoOtherSitedeckPackage = noClasses()
            .that().resideInAPackage("io.sitedeck.shared..")
            .should().dependOnClassesThat().resideInAnyPackage(allBut("shared"));

    @ArchTest
    static final ArchRule theOutboundGuardImportsNoOtherSitedeckPackage = noClasses()
            .that().resideInAPackage("io.sitedeck.outbound..")
            .should().dependOnClassesThat().resideInAnyPackage(allBut("outbound"));

    @ArchTest
    static final ArchRule theDomotzClientAndTheSandboxImportNoConsolePackage = noClasses()
            .that().resideInAnyPackage("io.sitedeck.domotz..", "io.sitedeck.sandbox..", "io.sitedeck.redis..",
                    "io.sitedeck.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(CONSOLE);

    @ArchTest
    static final ArchRule theSandboxImportsNothingOfTheConsoleNorTheClient = noClasses()
            .that().resideInAPackage("io.sitedeck.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sitedeck.domotz..", "io.sitedeck.redis..",
                    "io.sitedeck.outbound..");

    @ArchTest
    static final ArchRule webIsPlumbingAndImportsNoFeature = noClasses()
            .that().resideInAPackage("io.sitedeck.web..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES);

    @ArchTest
    static final ArchRule onlyTheDomotzPackageUsesTheRestClient = noClasses()
            .that().resideOutsideOfPackage("io.sitedeck.domotz..")
            .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.microprofile.rest.client..",
                    "io.quarkus.rest.client..", "jakarta.ws.rs.client..", "org.jboss.resteasy.reactive.client..");

    /** Every top-level package but {@code own}, as ArchUnit package patterns. */
    private static String[] allBut(String own) {
        return TOP_LEVEL.stream().filter(p -> !p.equals(own)).map(p -> "io.sitedeck." + p + "..").toArray(String[]::new);
    }

    /** "Now" comes from the injected {@code java.time.Clock}, so tests can move time instead of sleeping. */
    @ArchTest
    static final ArchRule nobodyReadsTheSystemClockButTheClockBean = noClasses()
            .that().doNotHaveFullyQualifiedName(SystemClock.class.getName())
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone");

    /** Outbound HTTP: the Domotz client, the sandbox's webhooks, and the guarded POST of notification channels. */
    @ArchTest
    static final ArchRule httpClientsOnlyInTheDomotzClientAndTheSandboxsWebhooks = noClasses()
            .that().resideOutsideOfPackages("io.sitedeck.domotz..", "io.sitedeck.sandbox..", "io.sitedeck.outbound..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "io.vertx.ext.web.client..",
                    "io.vertx.core.http.HttpClient");
}
