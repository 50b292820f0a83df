package io.sitedeck.annotations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What cross-site pages (the fleet's NOC page and search) ask of a tenant's team notes, without
 * seeing the rows: owners of some devices, sites carrying a tag, and the devices whose note, owner,
 * tags or custom fields contain a text. Always one tenant's, whatever is asked.
 */
@ApplicationScoped
public class NoteLookups {

    /** A device (or a site: {@code deviceId} 0) a note is about. */
    public record Subject(int agentId, int deviceId) {}

    private final EntityManager entities;

    NoteLookups(EntityManager entities) {
        this.entities = entities;
    }

    /** Owners named in the tenant's notes of these sites' devices, by device. */
    public Map<Subject, String> owners(long tenantId, Collection<Integer> agentIds) {
        Map<Subject, String> owners = new HashMap<>();
        if (agentIds.isEmpty()) {
            return owners;
        }
        entities.createQuery("select a from Annotation a where a.tenantId = ?1 and a.agentId in ?2 and a.owner <> ''",
                        Annotation.class).setParameter(1, tenantId).setParameter(2, Set.copyOf(agentIds)).getResultList()
                .forEach(a -> owners.put(new Subject(a.agentId, a.deviceId), a.owner));
        return owners;
    }

    /** The team's tags on one device (none without a note). */
    public List<String> tags(long tenantId, int agentId, int deviceId) {
        return Annotation.of(tenantId, agentId, deviceId).map(Annotation::tagList).orElse(List.of());
    }

    /** Sites with a note of their own (text, owner or tags) in the tenant: their NOC tile says so. */
    public Set<Integer> sitesWithNotes(long tenantId) {
        return Set.copyOf(entities.createQuery("select distinct a.agentId from Annotation a where a.tenantId = ?1"
                        + " and a.deviceId = ?2 and (a.note <> '' or a.owner <> '' or a.tags <> '')", Integer.class)
                .setParameter(1, tenantId).setParameter(2, Annotation.SITE).getResultList());
    }

    /** Sites with the tag on their own note or on a note of one of their devices. */
    public Set<Integer> sitesTagged(long tenantId, String tag) {
        String wanted = tag.strip().toLowerCase(Locale.ROOT);
        return entities.createQuery("select a from Annotation a where a.tenantId = ?1 and lower(a.tags) like ?2 escape '\\'",
                        Annotation.class).setParameter(1, tenantId).setParameter(2, "%" + like(wanted) + "%")
                .getResultStream().filter(a -> a.tagList().stream().anyMatch(t -> t.equalsIgnoreCase(wanted)))
                .map(a -> a.agentId).collect(Collectors.toSet());
    }

    /** Devices whose note, owner, tags or custom fields contain the text (case-insensitive), at most {@code limit}. */
    public List<Subject> mentioning(long tenantId, String text, int limit) {
        String pattern = "%" + like(text.strip().toLowerCase(Locale.ROOT)) + "%";
        return entities.createQuery("select a from Annotation a where a.tenantId = ?1 and a.deviceId <> 0 and ("
                                + "lower(a.note) like ?2 escape '\\' or lower(a.owner) like ?2 escape '\\'"
                                + " or lower(a.tags) like ?2 escape '\\' or lower(a.customFields) like ?2 escape '\\')",
                        Annotation.class).setParameter(1, tenantId).setParameter(2, pattern).setMaxResults(limit)
                .getResultStream().map(a -> new Subject(a.agentId, a.deviceId)).toList();
    }

    /** The text with LIKE's wildcards escaped (the escape character is a backslash). */
    public static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
