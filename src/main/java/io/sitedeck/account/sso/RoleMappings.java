package io.sitedeck.account.sso;

import io.sitedeck.account.Role;
import io.sitedeck.shared.BadInput;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which Sitedeck role a provider's groups give, one line each: {@code group = ROLE}, read top to
 * bottom; the first line whose group the person is in wins, and no matching line means no access.
 * {@code *} matches anyone the provider signs in (for a provider that sends no groups).
 */
public record RoleMappings(List<Mapping> lines) {

    public record Mapping(String group, Role role) {}

    public static RoleMappings parse(String text) {
        List<Mapping> lines = new ArrayList<>();
        int number = 0;
        for (String line : (text == null ? "" : text).split("\\R")) {
            number++;
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.lastIndexOf('=');
            if (equals <= 0 || equals == trimmed.length() - 1) {
                throw new BadInput("Role mapping line " + number + ": write it as  group = ADMIN, TECHNICIAN or VIEWER.");
            }
            String group = trimmed.substring(0, equals).trim();
            String role = trimmed.substring(equals + 1).trim().toUpperCase(Locale.ROOT);
            try {
                lines.add(new Mapping(group, Role.valueOf(role)));
            } catch (IllegalArgumentException unknown) {
                throw new BadInput("Role mapping line " + number + ": " + role + " is not ADMIN, TECHNICIAN or VIEWER.");
            }
        }
        if (lines.size() > 50) {
            throw new BadInput("At most 50 role mappings.");
        }
        return new RoleMappings(List.copyOf(lines));
    }

    /** The role of the first line whose group is among the person's groups (group names compare exactly). */
    public Optional<Role> roleFor(Collection<String> groups) {
        return lines.stream().filter(line -> line.group().equals("*") || groups.contains(line.group()))
                .map(Mapping::role).findFirst();
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.group()).append(" = ").append(line.role()).append('\n'));
        return text.toString();
    }
}
