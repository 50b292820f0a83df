package io.sitedeck.annotations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One saved change of an annotation: who, when, and the changed fields before and after. */
@Entity
@Table(name = "annotation_change")
public class AnnotationChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "annotation_id", nullable = false)
    public Long annotationId;

    /** The version this change produced. */
    @Column(nullable = false)
    public int version;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    /** JSON list of {field, before, after}. */
    @Column(nullable = false)
    public String diff;

    static List<AnnotationChange> of(Annotation annotation) {
        return list("annotationId = ?1 order by version desc", annotation.id);
    }
}
