package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.design.DesignTokens;
import dev.specboard.design.Feature;
import dev.specboard.design.FeatureDetection;
import dev.specboard.design.FeatureForm;
import dev.specboard.design.FeatureLooks;
import dev.specboard.design.FeatureRow;
import dev.specboard.design.FeatureService;
import dev.specboard.design.FeatureView;
import dev.specboard.design.PageRow;
import dev.specboard.design.PageService;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.story.Story;
import dev.specboard.web.ValidationException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** API v1 for features (what the product does, with its data operations and rules) and the stories drafted from them. */
@Path("/api/v1/projects/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeatureApi {

    public record DataOperationsBody(List<String> creates, List<String> reads, List<String> updates, List<String> deletes) {
    }

    public record TechnicalBody(List<String> needs) {
    }

    public record FeatureBody(String name, String userDescription, String category, String status, DataOperationsBody dataOperations,
                              List<String> uiRequirements, List<String> businessRules, TechnicalBody technicalRequirements,
                              List<String> affectedPages, List<String> requiredJourneys, List<Integer> storyNumbers, Integer version) {

        /** Each list at most {@link BodyLists#MAX_ENTRIES} entries and none null, refused before any is looked up. */
        FeatureBody checked() {
            BodyLists lists = BodyLists.check();
            if (dataOperations != null) {
                lists.list("dataOperations.creates", dataOperations.creates()).list("dataOperations.reads", dataOperations.reads())
                        .list("dataOperations.updates", dataOperations.updates()).list("dataOperations.deletes", dataOperations.deletes());
            }
            lists.list("uiRequirements", uiRequirements).list("businessRules", businessRules)
                    .list("technicalRequirements.needs", technicalRequirements == null ? null : technicalRequirements.needs())
                    .list("affectedPages", affectedPages).list("requiredJourneys", requiredJourneys).list("storyNumbers", storyNumbers).refuse();
            return this;
        }
    }

    @RegisterForReflection
    public record FeatureStoryAnswer(String key, int number, String title, String status, boolean drafted, List<String> specs) {
    }

    /** A journey the feature requires, by id and name (its {@code requiredJourneys} are the ids alone). */
    @RegisterForReflection
    public record JourneyName(UUID id, String name) {
    }

    @RegisterForReflection
    public record FeatureAnswer(UUID id, String name, String userDescription, String category, String status, List<String> affectedPages,
                                List<UUID> requiredJourneys, List<JourneyName> journeys, Feature.DataOperations dataOperations, List<String> uiRequirements,
                                List<String> businessRules, Feature.TechnicalRequirements technicalRequirements, List<FeatureStoryAnswer> stories,
                                boolean detectedFromMockups, FeatureLooks visualSpecification, int version) {
    }

    /** What a detection added, and the entities it passed over with the reason ("Contact: detected before"). */
    @RegisterForReflection
    public record DetectionAnswer(List<FeatureAnswer> detected, List<String> passedOver) {
    }

    /** {@code draftedBefore}: the story had been drafted from the feature before and is answered again (a feature drafts one). */
    @RegisterForReflection
    public record DraftedStoryAnswer(String key, int number, String title, String description, String acceptanceCriteria, String status,
                                     UUID featureId, boolean draftedBefore) {
    }

    @Inject
    ListPaging paging;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    FeatureService features;

    @Inject
    PageService pages;

    @Inject
    FeatureDetection detection;

    /** The project's features by name, 50 a page; past the last page an empty list. */
    @GET
    @Path("/features")
    public List<FeatureAnswer> listFeatures(@PathParam("slug") String slug, @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        FeatureService.ApiPage found = features.apiPage(access.project().id, page);
        paging.counted(page, found.total(), found.size());
        return answers(access, found.rows());
    }

    /**
     * Describes a feature; {@code affectedPages} are page paths, {@code requiredJourneys} journey ids or names,
     * {@code storyNumbers} the stories realising it.
     */
    @RoleFirst.Member
    @POST
    @Path("/features")
    @APIResponse(responseCode = "201", description = "The feature", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeatureAnswer.class)))
    public Response createFeature(@PathParam("slug") String slug, FeatureBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        FeatureBody b = ComponentApi.body(body).checked();
        Feature f = named(() -> features.create(access, form(b)));
        return Response.status(201).entity(feature(access, f.id)).build();
    }

    /**
     * Detects features from the current mockups: one for each entity their forms, tables and cards add, view, edit or
     * delete, unless detected before or its name is taken; each is an inference on the thinking chain.
     */
    @RoleFirst.Member
    @POST
    @Path("/features/detect")
    public DetectionAnswer detectFeatures(@PathParam("slug") String slug) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        FeatureDetection.Outcome o = detection.detect(access);
        return new DetectionAnswer(answers(access, o.detected()), o.passedOver());
    }

    @GET
    @Path("/features/{id}")
    public FeatureAnswer getFeature(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.read(slug);
        return feature(access, DesignApi.uuid(id));
    }

    /**
     * Replaces the feature's description as the feature page's edit form does (every field, stories linked by hand included);
     * with {@code version}, 409 when someone saved in between.
     */
    @RoleFirst.Member
    @PUT
    @Path("/features/{id}")
    public FeatureAnswer updateFeature(@PathParam("slug") String slug, @PathParam("id") String id, FeatureBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        FeatureBody given = ComponentApi.body(body).checked();
        FeatureBody b = kept(current(() -> getFeature(slug, id)), given);
        Feature f = named(() -> features.update(access, DesignApi.uuid(id), form(b)));
        // The saved feature itself, not a new read: outside the transaction a read can come from the request's session,
        // which still holds the feature as a caller (the MCP tool) read it before the edit.
        return answers(access, List.of(f)).get(0);
    }

    /** Deletes a feature; the stories that realised it stay, no longer linked to it. */
    @RoleFirst.Member
    @DELETE
    @Path("/features/{id}")
    @APIResponse(responseCode = "204", description = "No content")
    public Response deleteFeature(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        features.delete(access, DesignApi.uuid(id));
        return Response.noContent().build();
    }

    /**
     * Drafts a story from the feature (title, description, EARS criteria from its rules and data operations), once: asked
     * again, answers 200 with the story drafted before ({@code draftedBefore} true) instead of making an identical one.
     */
    @RoleFirst.Member
    @POST
    @Path("/features/{id}/stories")
    @APIResponse(responseCode = "201", description = "The drafted story, linked to the feature", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftedStoryAnswer.class)))
    @APIResponse(responseCode = "200", description = "The story drafted from the feature before", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftedStoryAnswer.class)))
    public Response draftStory(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID fid = DesignApi.uuid(id);
        FeatureService.Drafted d = features.draftStory(access, fid);
        Story s = d.story();
        return Response.status(d.created() ? 201 : 200).entity(new DraftedStoryAnswer(s.key(), s.number, s.title, s.description, s.acceptanceCriteria,
                s.status, fid, !d.created())).build();
    }

    /** A refusal names the fields as this API's body does (the form's {@code pages} is {@code affectedPages} here). */
    private static Feature named(java.util.function.Supplier<Feature> save) {
        try {
            return save.get();
        } catch (ValidationException e) {
            ValidationException named = e.renamed("pages", "affectedPages").renamed("journeys", "requiredJourneys");
            for (String op : List.of("creates", "reads", "updates", "deletes")) {
                named = named.renamed(op, "dataOperations." + op);
            }
            throw named;
        }
    }

    private FeatureAnswer feature(Access access, UUID id) {
        return answers(access, List.of(features.get(access.project().id, id))).get(0);
    }

    /** These features as answers, with their stories' states, their pages' paths and looks, in a constant number of queries. */
    private List<FeatureAnswer> answers(Access access, List<Feature> list) {
        Map<UUID, PageRow> pageRows = new LinkedHashMap<>();
        pages.rows(access.project().id).forEach(r -> pageRows.put(r.id(), r));
        // The design system is read only when some feature has pages whose looks it names.
        DesignTokens.Tokens tokens = list.stream().anyMatch(f -> !f.affectedPages.isEmpty())
                ? FeatureLooks.tokens(access.project().id) : DesignTokens.Tokens.none();
        Map<UUID, FeatureRow> rows = new LinkedHashMap<>();
        features.rows(access.project().id, list).forEach(r -> rows.put(r.id(), r));
        Map<UUID, String> journeys = new LinkedHashMap<>();
        features.journeyRefs(access.project().id).forEach(j -> journeys.put(j.id(), j.name()));
        return list.stream().map(f -> answer(f, rows.get(f.id), f.affectedPages.stream().map(pageRows::get).filter(java.util.Objects::nonNull).toList(),
                tokens, journeys)).toList();
    }

    private static FeatureAnswer answer(Feature f, FeatureRow row, List<PageRow> affected, DesignTokens.Tokens tokens, Map<UUID, String> journeys) {
        List<FeatureView.StoryLink> links = row == null ? List.of() : row.stories();
        return new FeatureAnswer(f.id, f.name, f.userDescription, f.category, row == null ? f.status : row.status(),
                affected.stream().map(PageRow::path).toList(), f.requiredJourneys,
                f.requiredJourneys.stream().filter(journeys::containsKey).map(j -> new JourneyName(j, journeys.get(j))).toList(), f.operations(),
                f.uiRequirementList(), f.businessRuleList(), new Feature.TechnicalRequirements(f.technicalNeeds()),
                links.stream().map(l -> new FeatureStoryAnswer(l.key(), l.number(), l.title(), l.status(), l.drafted(),
                        l.specs().stream().map(FeatureView.SpecRef::key).toList())).toList(), f.detectedFromMockups,
                FeatureLooks.of(affected, tokens), f.version);
    }

    /**
     * The body with each field it leaves out as the feature has it now: a change names what it changes (lists given replace
     * the old ones, an empty one clears them), so an agent renaming a feature does not erase its rules and pages.
     */
    private static FeatureBody kept(FeatureAnswer now, FeatureBody b) {
        Feature.DataOperations ops = now.dataOperations();
        DataOperationsBody given = b.dataOperations() == null ? new DataOperationsBody(null, null, null, null) : b.dataOperations();
        // Stories drafted from the feature stay linked by themselves; the form names only those linked by hand.
        List<Integer> linked = now.stories().stream().filter(s -> !s.drafted()).map(FeatureStoryAnswer::number).toList();
        return new FeatureBody(or(b.name(), now.name()), or(b.userDescription(), now.userDescription()), or(b.category(), now.category()),
                or(b.status(), now.status()), new DataOperationsBody(or(given.creates(), ops.creates()), or(given.reads(), ops.reads()),
                or(given.updates(), ops.updates()), or(given.deletes(), ops.deletes())),
                or(b.uiRequirements(), now.uiRequirements()), or(b.businessRules(), now.businessRules()),
                or(b.technicalRequirements(), new TechnicalBody(now.technicalRequirements().needs())), or(b.affectedPages(), now.affectedPages()),
                or(b.requiredJourneys(), now.requiredJourneys().stream().map(String::valueOf).toList()), or(b.storyNumbers(), linked), b.version());
    }

    /**
     * The thing as it is now, read for a change that keeps what its body leaves out, in a transaction of its own: read in
     * the request's session, it would stay there as it was, and the answer after the change would show it unchanged.
     */
    static <T> T current(java.util.function.Supplier<T> read) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(read::get);
    }

    static <T> T or(T given, T kept) {
        return given == null ? kept : given;
    }

    private static FeatureForm form(FeatureBody b) {
        DataOperationsBody ops = b.dataOperations() == null ? new DataOperationsBody(null, null, null, null) : b.dataOperations();
        return new FeatureForm(b.name(), b.userDescription(), b.category(), b.status(), b.affectedPages(), b.requiredJourneys(),
                join(ops.creates(), ", "), join(ops.reads(), ", "), join(ops.updates(), ", "), join(ops.deletes(), ", "),
                join(b.uiRequirements(), "\n"), join(b.businessRules(), "\n"),
                b.technicalRequirements() == null ? "" : join(b.technicalRequirements().needs(), ", "),
                b.storyNumbers() == null ? "" : String.join(", ", b.storyNumbers().stream().map(String::valueOf).toList()), b.version());
    }

    private static String join(List<String> items, String with) {
        return items == null ? "" : String.join(with, items.stream().filter(java.util.Objects::nonNull).map(s -> s.replace(with.strip().isEmpty() ? "\n" : with.strip(), " ")).toList());
    }
}
