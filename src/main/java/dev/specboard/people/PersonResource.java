package dev.specboard.people;

import dev.specboard.account.CurrentUser;
import dev.specboard.web.Htmx;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A person's page ({@code @name} links here): shown to people who share a project with them and to site administrators, 404 to everyone else. */
@Path("/people/{username}")
@Produces(MediaType.TEXT_HTML)
public class PersonResource {

    @CheckedTemplate(basePath = "people")
    static class Templates {
        static native TemplateInstance person(PersonView person);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    PeopleService people;

    @GET
    public Response page(@PathParam("username") String username) {
        PersonView person = people.person(currentUser.requireAccountId(), currentUser.isAdmin(), username).orElseThrow(NotFoundException::new);
        return Htmx.page(Templates.person(person));
    }
}
