package dev.specboard.home;

import dev.specboard.project.ProjectRow;
import dev.specboard.project.ProjectService;
import dev.specboard.account.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;


import java.util.List;
import java.util.UUID;

/** The start page: my projects and the first decisions waiting for me. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate(basePath = "home")
    static class Templates {
        static native TemplateInstance home(List<ProjectRow> projects, List<InboxRow> waiting);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    ProjectService projects;

    @Inject
    InboxService inbox;

    @GET
    public TemplateInstance home() {
        UUID me = currentUser.requireAccountId();
        List<InboxRow> waiting = inbox.forAccount(me);
        return Templates.home(projects.listFor(me, currentUser.isAdmin()), waiting.subList(0, Math.min(5, waiting.size())));
    }
}
