package dev.specboard.repo;

import dev.specboard.account.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The site administrators' list of local repositories that more than one project links, to review. */
@Path("/admin/repositories")
@Produces(MediaType.TEXT_HTML)
public class RepoAdminResource {

    @CheckedTemplate(basePath = "repo")
    static class Templates {
        static native TemplateInstance admin(List<SharedLocalRepos.Shared> shared);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    SharedLocalRepos sharedLocalRepos;

    @GET
    public TemplateInstance list() {
        currentUser.requireSiteAdmin();
        return Templates.admin(sharedLocalRepos.list());
    }
}
