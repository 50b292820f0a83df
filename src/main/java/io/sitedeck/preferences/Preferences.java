package io.sitedeck.preferences;

import io.sitedeck.account.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The signed-in member's settings of the console, read at most once per request ({@code inject:prefs});
 * someone signed out gets the defaults. Changes go to the member's own row, created on the first.
 */
@RequestScoped
@Named("prefs")
public class Preferences {

    public static final String COMPACT = "compact";
    public static final String COMFORTABLE = "comfortable";
    /** Notices a member may dismiss for good. */
    static final Set<String> NOTICES = Set.of("generated-key");

    private final CurrentUser user;
    private Optional<MemberPreference> mine;

    Preferences(CurrentUser user) {
        this.user = user;
    }

    /** Table density: compact (the default: one line per row) or comfortable. */
    public String density() {
        return row().map(p -> p.density).orElse(COMPACT);
    }

    public boolean comfortable() {
        return COMFORTABLE.equals(density());
    }

    /** The devices tables' columns as the member last chose them (comma-separated ids), or null: the defaults. */
    public String deviceColumns() {
        return row().map(p -> p.deviceColumns).orElse(null);
    }

    public boolean dismissed(String notice) {
        return row().map(p -> p.dismissedNotices).map(d -> Arrays.asList(d.split(",")).contains(notice)).orElse(false);
    }

    @Transactional
    public void setDensity(String density) {
        change(p -> p.density = density);
    }

    @Transactional
    public void setDeviceColumns(String columns) {
        change(p -> p.deviceColumns = columns);
    }

    @Transactional
    public void dismiss(String notice) {
        change(p -> p.dismissedNotices = Stream.concat(p.dismissedNotices == null ? Stream.empty()
                : Arrays.stream(p.dismissedNotices.split(",")), Stream.of(notice)).distinct()
                .collect(Collectors.joining(",")));
    }

    private void change(Consumer<MemberPreference> edit) {
        MemberPreference row = MemberPreference.of(user.tenantId(), user.id()).orElseGet(() -> {
            MemberPreference fresh = new MemberPreference();
            fresh.userId = user.id();
            fresh.tenantId = user.tenantId();
            fresh.density = COMPACT;
            fresh.persist();
            return fresh;
        });
        edit.accept(row);
        mine = Optional.of(row);
    }

    private Optional<MemberPreference> row() {
        if (mine == null) {
            mine = user.signedIn() ? MemberPreference.of(user.tenantId(), user.id()) : Optional.empty();
        }
        return mine;
    }
}
