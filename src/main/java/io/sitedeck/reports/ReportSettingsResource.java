package io.sitedeck.reports;

import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.Role;
import io.sitedeck.account.Tenant;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.availability.SiteBusinessHours;
import io.sitedeck.availability.WeekDay;
import io.sitedeck.shared.BadInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import io.sitedeck.shared.Missing;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * What every report of the tenant carries (issue #18), set by admins and audited: the MSP's name and logo, the zone
 * schedules and team reports are written in, and the usual business hours of sites without their own.
 */
@Path("/reports/settings")
public class ReportSettingsResource {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    @Inject
    Clock clock;

    public record SettingsView(String mspName, String zone, boolean logo, String hours, List<WeekDay> weekDays,
                               boolean admin) {
    }

    private final CurrentUser user;
    private final AuditLog audit;

    ReportSettingsResource(CurrentUser user, AuditLog audit) {
        this.user = user;
        this.audit = audit;
    }

    @GET
    public TemplateInstance page() {
        ReportSettings settings = ReportSettings.of(user.tenantId()).orElse(null);
        String hours = SiteBusinessHours.of(user.tenantId(), SiteBusinessHours.TENANT_WIDE)
                .map(h -> h.hours().describe()).orElse(null);
        return ReportPages.Templates.settings(new SettingsView(
                settings != null ? settings.mspName : Tenant.<Tenant>findById(user.tenantId()).name,
                settings != null ? settings.zone : "UTC", settings != null && settings.hasLogo(), hours, WeekDay.ALL,
                user.admin()));
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public Response save(@RestForm String mspName, @RestForm String zone) {
        String name = mspName == null ? "" : mspName.strip();
        if (name.isEmpty() || name.length() > 120) {
            throw new BadInput("The MSP's name is 1 to 120 characters.");
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone == null ? "" : zone.strip());
        } catch (DateTimeException unknown) {
            throw new BadInput("The time zone is a name like Europe/Rome or America/New_York.");
        }
        ReportSettings settings = settings();
        settings.mspName = name;
        settings.zone = zoneId.getId();
        audit.record(user.tenantId(), user.email(), "report.settings", "tenant", "ok: " + name + ", " + zoneId.getId());
        return Response.seeOther(URI.create("/reports/settings")).build();
    }

    /** A PNG or JPEG of at most 200 KB, recognised by its bytes (the name and the browser's type are not trusted). */
    @POST
    @Path("logo")
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public Response logo(@RestForm FileUpload logo, @RestForm String remove) {
        ReportSettings settings = settings();
        if ("true".equals(remove)) {
            settings.logo = null;
            settings.logoType = null;
            audit.record(user.tenantId(), user.email(), "report.logo", "tenant", "ok: removed");
            return Response.seeOther(URI.create("/reports/settings")).build();
        }
        if (logo == null || logo.size() == 0) {
            throw new BadInput("Choose a PNG or JPEG file for the logo.");
        }
        if (logo.size() > ReportSettings.LOGO_MAX_BYTES) {
            throw new BadInput("The logo is at most 200 KB.");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(logo.uploadedFile());
        } catch (IOException unreadable) {
            throw new BadInput("The logo could not be read; try again.");
        }
        String type = startsWith(bytes, PNG) ? "image/png" : startsWith(bytes, JPEG) ? "image/jpeg" : null;
        if (type == null || !ReportPdf.placeable(bytes)) {
            throw new BadInput("The logo must be a PNG or JPEG image.");
        }
        settings.logo = bytes;
        settings.logoType = type;
        audit.record(user.tenantId(), user.email(), "report.logo", "tenant", "ok: " + type + ", " + bytes.length + " bytes");
        return Response.seeOther(URI.create("/reports/settings")).build();
    }

    /** The tenant's logo, for the report pages (members of the tenant only). */
    @GET
    @Path("logo")
    public Response logoImage() {
        ReportSettings settings = ReportSettings.of(user.tenantId()).filter(ReportSettings::hasLogo)
                .orElseThrow(() -> new Missing("No logo is set."));
        return Response.ok(settings.logo, settings.logoType).header("Cache-Control", "private, max-age=300").build();
    }

    private ReportSettings settings() {
        return ReportSettings.of(user.tenantId()).map(s -> {
            s.updatedAt = clock.instant();
            return s;
        }).orElseGet(() -> {
            ReportSettings fresh = new ReportSettings();
            fresh.tenantId = user.tenantId();
            fresh.mspName = Tenant.<Tenant>findById(user.tenantId()).name;
            fresh.zone = "UTC";
            fresh.updatedAt = clock.instant();
            fresh.persist();
            return fresh;
        });
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(Arrays.copyOf(bytes, magic.length), magic);
    }
}
