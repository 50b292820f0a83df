package io.sitedeck.annotations;

import io.sitedeck.account.CurrentUser;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.shared.LocalPaths;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Saved views: a name and a console URL, the member's own or shared with the tenant. */
@ApplicationScoped
public class Views {

    @Inject
    Clock clock;

    private final CurrentUser user;
    private final AuditLog audit;

    Views(CurrentUser user, AuditLog audit) {
        this.user = user;
        this.audit = audit;
    }

    public List<SavedView> visible() {
        return user.signedIn() ? SavedView.visibleTo(user.tenantId(), user.id()) : List.of();
    }

    /** A console path with its query, and nothing that could lead elsewhere; null if it is not one. */
    static String consoleUrl(String url) {
        return LocalPaths.parse(url).map(URI::toString).orElse(null);
    }

    @Transactional
    public SavedView save(String name, String url, boolean shared) {
        SavedView view = new SavedView();
        view.tenantId = user.tenantId();
        view.userId = user.id();
        view.name = name;
        view.url = url;
        view.shared = shared;
        view.createdAt = clock.instant();
        view.persist();
        if (shared) {
            audit.record(user.tenantId(), user.email(), "view.share", url, "ok: " + name);
        }
        return view;
    }

    /** Deletes a view the member may delete: their own, or (ADMIN) a shared one. */
    @Transactional
    public boolean delete(long id) {
        Optional<SavedView> view = SavedView.visibleTo(user.tenantId(), user.id(), id)
                .filter(v -> v.userId.equals(user.id()) || user.admin());
        view.ifPresent(SavedView::delete);
        return view.isPresent();
    }

    public boolean mayDelete(SavedView view) {
        return view.userId.equals(user.id()) || user.admin();
    }
}
