package dev.specboard.home;

import dev.specboard.account.CurrentUser;
import dev.specboard.web.Htmx;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The approvals inbox: every decision waiting for me, and its count for the navigation. */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML)
public class InboxResource {

    @CheckedTemplate(basePath = "home")
    static class Templates {
        static native TemplateInstance inbox(List<InboxRow> items);

        static native TemplateInstance inbox$list(List<InboxRow> items);

        static native TemplateInstance inboxCount(long count);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    InboxService inbox;

    @GET
    public Response page() {
        return Htmx.page(Templates.inbox(inbox.forAccount(currentUser.requireAccountId())));
    }

    /** The navigation badge, loaded by htmx after the page. */
    @GET
    @Path("/count")
    public TemplateInstance count() {
        return Templates.inboxCount(inbox.count(currentUser.requireAccountId()));
    }
}
