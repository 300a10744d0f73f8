package dev.specboard.design;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.ConflictView;
import dev.specboard.kernel.Ids;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.story.Story;
import dev.specboard.web.DeletedMeanwhile;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** Features: the list with the new-feature form, one feature with its thread to code, editing, and drafting a story from it. */
@Path("/projects/{slug}/features")
@Produces(MediaType.TEXT_HTML)
public class FeatureResource {

    @CheckedTemplate(basePath = "design")
    static class Templates {
        static native TemplateInstance features(FeatureListView view);

        static native TemplateInstance feature(FeatureView view);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    FeatureService features;

    @Inject
    FeatureDetection detection;

    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        return Htmx.page(Templates.features(features.list(access, page, FeatureForm.empty(), FormErrors.none())));
    }

    @RoleFirst.Member
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("slug") String slug, @BeanParam FeatureForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            Feature f = features.create(access, form);
            return Flash.redirect(headers, link(access, f.id), "Feature " + f.name + " created.");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.features(features.list(access, null, form, e.errors())));
        }
    }

    /** How many names a detection's message lists before it only counts them. */
    private static final int FLASH_NAMES = 5;

    /** Detects features from the current mockups and says which it added and which entities it passed over. */
    @RoleFirst.Member
    @POST
    @Path("/detect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response detect(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        FeatureDetection.Outcome o = detection.detect(access);
        // The message travels in a cookie: past a few names it counts them (the list shows the features themselves).
        String added = o.detected().isEmpty() ? "No new features in the mockups" : o.detected().size() == 1 ? "Feature " + o.detected().get(0).name
                + " detected from the mockups" : o.detected().size() > FLASH_NAMES ? o.detected().size() + " features detected from the mockups"
                : o.detected().size() + " features detected from the mockups: " + String.join(", ", o.detected().stream().map(f -> f.name).toList());
        String passed = o.passedOver().isEmpty() ? "" : o.passedOver().size() > FLASH_NAMES
                ? " (" + o.passedOver().size() + " entities passed over: detected before, or their feature names are taken)"
                : " (passed over: " + String.join("; ", o.passedOver()) + ")";
        return Flash.redirect(headers, "/projects/" + access.slug() + "/features", added + passed + ".");
    }

    @GET
    @Path("/{id}")
    public Response show(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.read(slug);
        Feature f = features.get(access.project().id, uuid(id));
        return Htmx.page(Templates.feature(features.view(access, f, null, FormErrors.none())));
    }

    @RoleFirst.Member
    @DeletedMeanwhile.Editor
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("slug") String slug, @PathParam("id") String id, @BeanParam FeatureForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID fid = uuid(id);
        try {
            Feature f = features.update(access, fid, form);
            return Flash.redirect(headers, link(access, f.id), "Feature saved.");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.feature(features.view(access, features.get(access.project().id, fid), form, e.errors())));
        } catch (StaleVersionException e) {
            FeatureForm rebased = new FeatureForm(form.name(), form.userDescription(), form.category(), form.status(), form.pages(), form.journeys(),
                    form.creates(), form.reads(), form.updates(), form.deletes(), form.uiRequirements(), form.businessRules(), form.technicalNeeds(),
                    form.storyNumbers(), e.currentVersion());
            return Htmx.page(Templates.feature(features.view(access, features.get(access.project().id, fid), rebased,
                    FormErrors.none().add("version", e.getMessage()), ConflictView.of(e, StaleVersionException.texts("name", "Name",
                            "userDescription", "What users can do", "businessRules", "Business rules")))), 409);
        }
    }

    /** The detect button lives on the list: a GET of its address opens the list. */
    @GET
    @Path("/detect")
    public Response detectForm(@PathParam("slug") String slug) {
        projectAccess.read(slug);
        return FormAddress.holder("/projects/{slug}/features", slug);
    }

    /** The delete and draft-a-story forms live on the feature's page: a GET of their address opens it. */
    @GET
    @Path("/{id}/{form: delete|stories}")
    public Response featureForms(@PathParam("slug") String slug, @PathParam("id") String id) {
        // another project's feature is 404 under this slug, as on every route, not a redirect to a page that 404s
        features.get(projectAccess.read(slug).project().id, uuid(id));
        return FormAddress.holder("/projects/{slug}/features/{id}", slug, id);
    }

    /** Deletes the feature (confirmed first in the browser) and goes back to the list. */
    @RoleFirst.Member
    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("slug") String slug, @PathParam("id") String id, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Feature f = features.get(access.project().id, uuid(id));
        String name = f.name;
        features.delete(access, f.id);
        return Flash.redirect(headers, "/projects/" + access.slug() + "/features", "Feature " + name + " deleted.");
    }

    /** Drafts a story from the feature (title, description, EARS criteria from its rules) and opens it; drafted before, opens that one. */
    @RoleFirst.Member
    @POST
    @Path("/{id}/stories")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response draftStory(@PathParam("slug") String slug, @PathParam("id") String id, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        FeatureService.Drafted d = features.draftStory(access, uuid(id));
        Story s = d.story();
        return Flash.redirect(headers, "/projects/" + access.slug() + "/stories/" + s.number,
                d.created() ? s.key() + " drafted from the feature." : s.key() + " was drafted from the feature before: here it is (edit it to change the draft).");
    }

    static String link(Access access, UUID id) {
        return "/projects/" + access.slug() + "/features/" + id;
    }

    static UUID uuid(String id) {
        return Ids.parseOr404(id, "No such feature in this project");
    }
}
