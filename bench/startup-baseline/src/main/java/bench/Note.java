package bench;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

/** One table, so Hibernate ORM and Flyway have something to do at start-up. */
@Entity
public class Note extends PanacheEntity {
    public String text;
}
