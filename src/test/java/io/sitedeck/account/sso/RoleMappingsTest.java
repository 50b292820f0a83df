package io.sitedeck.account.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sitedeck.account.Role;
import io.sitedeck.shared.BadInput;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue #20: groups to roles, first matching line wins, no match no access. */
class RoleMappingsTest {

    private final RoleMappings mappings = RoleMappings.parse("""
            # who does what
            noc = TECHNICIAN
            sitedeck-admins = ADMIN
            CN=Ops,OU=Groups = VIEWER
            """);

    @Test
    void theFirstMatchingLineWins() {
        assertEquals(Optional.of(Role.TECHNICIAN), mappings.roleFor(List.of("sitedeck-admins", "noc")));
        assertEquals(Optional.of(Role.ADMIN), mappings.roleFor(List.of("sitedeck-admins")));
        assertEquals(Optional.of(Role.VIEWER), mappings.roleFor(List.of("CN=Ops,OU=Groups")), "the last = separates");
    }

    @Test
    void noMatchMeansNoAccessAndStarMatchesEveryone() {
        assertEquals(Optional.empty(), mappings.roleFor(List.of("marketing")));
        assertEquals(Optional.empty(), mappings.roleFor(List.of()));
        assertEquals(Optional.empty(), mappings.roleFor(List.of("NOC")), "group names compare exactly");
        assertEquals(Optional.of(Role.VIEWER), RoleMappings.parse("admins = ADMIN\n* = viewer").roleFor(List.of()));
    }

    @Test
    void refusesWhatIsNotAMappingWithItsLineNumber() {
        assertEquals("Role mapping line 2: OWNER is not ADMIN, TECHNICIAN or VIEWER.",
                assertThrows(BadInput.class, () -> RoleMappings.parse("a = ADMIN\nb = OWNER")).getMessage());
        assertThrows(BadInput.class, () -> RoleMappings.parse("just-a-group"));
        assertThrows(BadInput.class, () -> RoleMappings.parse("= ADMIN"));
        assertEquals("noc = TECHNICIAN\n", RoleMappings.parse("  noc=technician  ").text());
    }
}
