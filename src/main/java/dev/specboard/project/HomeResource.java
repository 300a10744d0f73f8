package dev.specboard.project;

import dev.specboard.account.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The start page: my projects. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate(basePath = "project")
    static class Templates {
        static native TemplateInstance home(List<ProjectRow> projects);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    ProjectService projects;

    @GET
    public TemplateInstance home() {
        return Templates.home(projects.listFor(currentUser.requireAccountId(), currentUser.isAdmin()));
    }
}
