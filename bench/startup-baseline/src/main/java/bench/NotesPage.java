package bench;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** One server-rendered page reading the database. */
@Path("/")
public class NotesPage {

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance notes(List<Note> notes);
    }

    @GET
    @Transactional
    public TemplateInstance notes() {
        return Templates.notes(Note.listAll());
    }
}
