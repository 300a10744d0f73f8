package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.design.DesignSystemService;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A member's decisions on the design system's colour tokens, as on its page: name a colour, confirm it, merge it into
 * another or undo that, add back a colour left out. Each answers the design system as {@code GET .../design-system} does; the decisions are kept
 * across recomputes, and a change made meanwhile by someone else is 409 naming both.
 */
@Path("/api/v1/projects/{slug}/design-system/colors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DesignSystemApi {

    /** {@code was}: the name you saw (left out: no check). */
    @RegisterForReflection
    public record NameBody(String color, String name, String was) {
    }

    @RegisterForReflection
    public record ColorBody(String color) {
    }

    /** {@code into}: the colour it is merged into (for an undo, the one you saw; left out: no check). */
    @RegisterForReflection
    public record MergeBody(String color, String into) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    DesignSystemService designSystems;

    @Inject
    DesignApi designApi;

    @RoleFirst.Member
    @POST
    @Path("/name")
    public DesignApi.DesignSystemAnswer name(@PathParam("slug") String slug, NameBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        NameBody b = body == null ? new NameBody(null, null, null) : body;
        designSystems.name(access, b.color(), b.name(), b.was());
        return designApi.designSystem(slug);
    }

    @RoleFirst.Member
    @POST
    @Path("/confirm")
    public DesignApi.DesignSystemAnswer confirm(@PathParam("slug") String slug, ColorBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        designSystems.confirm(access, body == null ? null : body.color());
        return designApi.designSystem(slug);
    }

    @RoleFirst.Member
    @POST
    @Path("/merge")
    public DesignApi.DesignSystemAnswer merge(@PathParam("slug") String slug, MergeBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        MergeBody b = body == null ? new MergeBody(null, null) : body;
        designSystems.merge(access, b.color(), b.into());
        return designApi.designSystem(slug);
    }

    @RoleFirst.Member
    @POST
    @Path("/unmerge")
    public DesignApi.DesignSystemAnswer unmerge(@PathParam("slug") String slug, MergeBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        MergeBody b = body == null ? new MergeBody(null, null) : body;
        designSystems.unmerge(access, b.color(), b.into());
        return designApi.designSystem(slug);
    }

    /** A colour left out (rejected, or left out in the wizard) comes back; one not left out (any more) is 409. */
    @RoleFirst.Member
    @POST
    @Path("/restore")
    public DesignApi.DesignSystemAnswer restore(@PathParam("slug") String slug, ColorBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        designSystems.restore(access, body == null ? null : body.color());
        return designApi.designSystem(slug);
    }
}
