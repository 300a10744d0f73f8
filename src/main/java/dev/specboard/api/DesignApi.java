package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.design.JourneyQueries;
import dev.specboard.design.DesignSystemService;
import dev.specboard.design.DesignTokens;
import dev.specboard.design.Mockup;
import dev.specboard.design.MockupFeedback;
import dev.specboard.design.MockupAnalysis;
import dev.specboard.design.MockupForm;
import dev.specboard.design.MockupRow;
import dev.specboard.design.MockupAnalyzer;
import dev.specboard.design.MockupService;
import dev.specboard.design.Page;
import dev.specboard.design.PageForm;
import dev.specboard.design.PageRow;
import dev.specboard.design.PageService;
import dev.specboard.design.PageStatus;
import dev.specboard.kernel.Ids;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ApiException;
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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** API v1 for the design side: pages, mockup versions and the design system (context items: {@link ContextItemApi}). */
@Path("/api/v1/projects/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DesignApi {

    @RegisterForReflection
    public record PageAnswer(UUID id, String name, String slug, String path, UUID parentId, String parentPath, String type, String purpose,
                             String primaryDevice, String status, Integer currentVersion, int sortOrder, List<String> keyElements, int version,
                             boolean placeholder, List<String> relatedPatterns) {
    }

    @RegisterForReflection
    /** A page with its mockup versions and the journey screens that show it. */
    public record PageDetail(PageAnswer page, List<VersionAnswer> versions, List<JourneyUse> journeys) {
    }

    @RegisterForReflection
    public record JourneyUse(UUID id, String name, String nodeKey) {
    }

    @RegisterForReflection
    public record VersionAnswer(int version, String changeDescription, String changedBy, String author, Instant createdAt, boolean current) {
    }

    public record PageBody(String name, String path, String parentPath, String type, String purpose, String primaryDevice,
                           List<String> keyElements, Integer version, String html, String css, String js) {
    }

    /** A new version; {@code aiNotes} are what an assistant saving it notes on it (assumptions, open questions). */
    public record MockupBody(String html, String css, String js, String changeDescription, String changedBy, Integer basedOnVersion, List<String> aiNotes) {
    }

    public record StatusBody(String status) {
    }

    /** The patterns parsed from a mockup, in the API's camelCase. */
    @RegisterForReflection
    public record Patterns(List<String> colorsUsed, List<String> componentsDetected, Spacing spacing, List<MockupAnalysis.ColorUse> colorUsage,
                           List<MockupAnalysis.ComponentUse> components, MockupAnalysis.Typography typography, Map<String, String> customProperties,
                           List<MockupAnalysis.Interaction> interactions, MockupAnalysis.ResponsiveRules responsiveRules) {
    }

    @RegisterForReflection
    public record Spacing(Integer baseUnit, boolean consistent, double consistency, List<MockupAnalysis.Measure> values) {
    }

    /**
     * A version of a page's mockup. {@code analysisPartial}: the mockup was larger than one analysis reads, and its extracted
     * patterns count only its first styled elements, declarations and interactions.
     */
    @RegisterForReflection
    public record MockupAnswer(UUID id, UUID pageId, int version, boolean current, String html, String css, String js, String changeDescription,
                               String changedBy, UUID parentMockupId, Instant createdAt, Patterns extractedPatterns,
                               @Schema(description = "True when the mockup was larger than one analysis reads: extractedPatterns count only its "
                                       + "first 2,000 styled elements, 10,000 declarations and 500 interactions") boolean analysisPartial,
                               List<FeedbackAnswer> feedback, List<String> aiNotes) {
    }

    /** One note of a version's feedback: its author's username (null once the account is gone), text and time. */
    @RegisterForReflection
    public record FeedbackAnswer(String author, String text, Instant at) {
    }

    public record FeedbackBody(String text) {
    }

    @RegisterForReflection
    public record DesignSystemAnswer(String generationMethod, Tokens tokens, Map<String, DesignTokens.ComponentPattern> componentPatterns,
                                     Map<String, Double> confidenceScores, DesignTokens.Flags flags, DesignTokens.Confirmations userConfirmations,
                                     Instant computedAt, boolean pending, int mockupCount) {
    }

    @RegisterForReflection
    public record Tokens(Map<String, DesignTokens.ColorToken> colors, DesignTokens.Spacing spacing, DesignTokens.Typography typography) {
    }


    @Inject
    ListPaging paging;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    PageService pages;

    @Inject
    MockupService mockups;

    @Inject
    DesignSystemService designSystems;

    @Inject
    JourneyQueries journeyQueries;

    /**
     * The pages in tree order (each under its parent, which the row names), 50 a page as the other lists; past the last page
     * an empty list. The tree is paged as the flat list it is read as: a page's children may begin the next page.
     * {@code ?pattern=card} only those whose current mockup uses that component pattern.
     */
    @GET
    @Path("/pages")
    public List<PageAnswer> listPages(@PathParam("slug") String slug, @QueryParam("pattern") String pattern, @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        String only = QueryParams.oneOf("pattern", pattern, MockupAnalyzer.COMPONENT_KINDS);
        List<PageRow> rows = pages.inTreeOrder(access.project().id);
        return paging.of(rows.stream().filter(r -> only == null || r.relatedPatterns().contains(only)).toList(), page).stream()
                .map(r -> answer(r, rows)).toList();
    }

    /** Creates a page; with {@code html} its first mockup too, in one transaction. */
    @RoleFirst.Member
    @POST
    @Path("/pages")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageAnswer.class)))
    public Response createPage(@PathParam("slug") String slug, PageBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        PageBody b = ComponentApi.body(body);
        BodyLists.check().list("keyElements", b.keyElements()).refuse();
        Page p = ValidationException.renaming("parent", "parentPath", () -> pages.create(access, form(b, b.parentPath())));
        return Response.status(201).entity(page(access, p.id)).build();
    }

    /** A page with its mockup versions, newest first, 50 a page ({@code ?page}); past the last page no versions. */
    @GET
    @Path("/pages/{id}")
    public PageDetail getPage(@PathParam("slug") String slug, @PathParam("id") String id, @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        Page p = pages.get(access.project().id, uuid(id));
        MockupService.Versions versions = mockups.versions(p.id, p.currentMockupId, page);
        paging.counted(page, versions.at().total(), versions.at().size());
        return new PageDetail(page(access, p.id), page != null && page > versions.at().pages() ? List.of()
                : versions.rows().stream().map(DesignApi::version).toList(),
                journeyQueries.showing(access.project().id, p.id).stream().map(u -> new JourneyUse(u.journeyId(), u.journey(), u.nodeKey())).toList());
    }

    @RoleFirst.Member
    @PUT
    @Path("/pages/{id}")
    public PageAnswer updatePage(@PathParam("slug") String slug, @PathParam("id") String id, PageBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Addressed.page(access, uuid(id));
        // A field left out stays as the page has it (parentPath "" moves it to the top): a rename keeps its device and place.
        PageBody given = ComponentApi.body(body);
        BodyLists.check().list("keyElements", given.keyElements()).refuse();
        PageAnswer now = FeatureApi.current(() -> getPage(slug, id, null).page());
        PageBody b = new PageBody(FeatureApi.or(given.name(), now.name()), FeatureApi.or(given.path(), now.path()),
                FeatureApi.or(given.parentPath(), now.parentPath() == null ? "" : now.parentPath()), FeatureApi.or(given.type(), now.type()),
                FeatureApi.or(given.purpose(), now.purpose()), FeatureApi.or(given.primaryDevice(), now.primaryDevice()),
                FeatureApi.or(given.keyElements(), now.keyElements()), given.version(), given.html(), given.css(), given.js());
        Page p = ValidationException.renaming("parent", "parentPath", () -> pages.update(access, uuid(id), form(b, b.parentPath())));
        return page(access, p.id);
    }

    /** Deletes a page with its mockup versions; features no longer affect it; 409 naming the pages under it while there are some. */
    @RoleFirst.Member
    @DELETE
    @Path("/pages/{id}")
    @APIResponse(responseCode = "204", description = "No content")
    public Response deletePage(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        pages.delete(access, uuid(id));
        return Response.noContent().build();
    }

    @RoleFirst.Member
    @POST
    @Path("/pages/{id}/status")
    public PageAnswer setStatus(@PathParam("slug") String slug, @PathParam("id") String id, StatusBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Addressed.page(access, uuid(id));
        StatusBody b = ComponentApi.body(body);
        PageStatus status = PageStatus.parse(b.status())
                .orElseThrow(() -> new ApiException(422, "Validation failed", Map.of("status", "One of draft, designed, approved, built")));
        Page p = pages.setStatus(access, uuid(id), status);
        return page(access, p.id);
    }

    /**
     * Saves a new mockup version; {@code basedOnVersion} is optional (left out: the newest version on top of the current one,
     * unchecked); given, a stale one is 409 with both versions, and a version never saved a 422 naming {@code basedOnVersion}.
     */
    @RoleFirst.Member
    @POST
    @Path("/pages/{id}/mockups")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MockupAnswer.class)))
    public Response saveMockup(@PathParam("slug") String slug, @PathParam("id") String id, MockupBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        MockupBody b = ComponentApi.body(body);
        BodyLists.check().list("aiNotes", b.aiNotes()).refuse();
        Mockup m = ValidationException.renaming("basedOn", "basedOnVersion", () -> mockups.save(access, uuid(id),
                new MockupForm(b.html(), b.css(), b.js(), b.changeDescription(), b.basedOnVersion(), b.changedBy()), b.aiNotes()));
        return Response.status(201).entity(mockup(m, true, List.of())).build();
    }

    @GET
    @Path("/pages/{id}/mockups/{version}")
    public MockupAnswer getMockup(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("version") int version) {
        Access access = projectAccess.read(slug);
        Page p = pages.get(access.project().id, uuid(id));
        Mockup m = mockups.get(p.id, version);
        return mockup(m, m.id.equals(p.currentMockupId), mockups.feedback(m));
    }

    /** Appends feedback to a version (reviewers and up): 201 with the version and all its feedback; 422 for an empty note. */
    @POST
    @Path("/pages/{id}/mockups/{version}/feedback")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MockupAnswer.class)))
    public Response addFeedback(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("version") int version, FeedbackBody body) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        FeedbackBody b = ComponentApi.body(body);
        Page p = pages.get(access.project().id, uuid(id));
        Mockup m = mockups.addFeedback(access, p.id, version, b.text());
        return Response.status(201).entity(mockup(m, m.id.equals(p.currentMockupId), mockups.feedback(m))).build();
    }

    @RoleFirst.Member
    @POST
    @Path("/pages/{id}/mockups/{version}/current")
    public MockupAnswer makeCurrent(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("version") int version) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Mockup m = mockups.makeCurrent(access, uuid(id), version);
        return mockup(m, true, mockups.feedback(m));
    }

    @GET
    @Path("/design-system")
    public DesignSystemAnswer designSystem(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        DesignSystemService.View v = designSystems.view(access.project().id);
        return new DesignSystemAnswer(v.generationMethod(), new Tokens(v.tokens().colors(), v.tokens().spacing(), v.tokens().typography()),
                v.componentPatterns(), v.confidenceScores(), v.tokens().flags(), v.confirmations(), v.computedAt(), v.pending(), v.mockupCount());
    }

    private static PageForm form(PageBody b, String parentPath) {
        return new PageForm(b.name(), b.path(), parentPath, b.type(), b.purpose(), b.primaryDevice(),
                commas(b.keyElements()), b.version(), b.html(), b.css(), b.js());
    }

    private PageAnswer page(Access access, UUID id) {
        List<PageRow> rows = pages.rows(access.project().id);
        return rows.stream().filter(r -> r.id().equals(id)).findFirst().map(r -> answer(r, rows))
                .orElseThrow(() -> ApiException.notFound("No such page in this project"));
    }

    static PageAnswer answer(PageRow r, List<PageRow> all) {
        String parentPath = r.parentId() == null ? null : all.stream().filter(o -> o.id().equals(r.parentId())).map(PageRow::path).findFirst().orElse(null);
        return new PageAnswer(r.id(), r.name(), r.slug(), r.path(), r.parentId(), parentPath, r.type(), r.purpose(), r.primaryDevice(),
                r.status().value(), r.currentVersion(), r.sortOrder(), r.keyElements(), r.version(), r.placeholder(), r.relatedPatterns());
    }

    private static VersionAnswer version(MockupRow r) {
        return new VersionAnswer(r.version(), r.changeDescription(), r.changedBy(), r.author(), r.createdAt(), r.current());
    }

    static MockupAnswer mockup(Mockup m, boolean current, List<MockupFeedback.Shown> feedback) {
        MockupAnalysis a = m.analysis();
        Patterns patterns = new Patterns(a.colorsUsed(), a.componentsDetected(),
                new Spacing(a.spacingAnalysis().baseUnit(), a.spacingAnalysis().consistent(), a.spacingAnalysis().consistency(), a.spacingAnalysis().values()),
                a.colorUsage(), a.components(), a.typography(), a.customProperties(), a.interactions(), a.responsiveRules());
        return new MockupAnswer(m.id, m.pageId, m.version, current, m.htmlContent, m.cssContent, m.javascriptContent, m.changeDescription, m.changedBy,
                m.parentMockupId, m.createdAt, patterns, a.partial(), feedback.stream().map(f -> new FeedbackAnswer(f.author(), f.text(), f.at())).toList(),
                m.aiNoteList());
    }

    static UUID uuid(String id) {
        return Ids.parseOr404(id, "Not found in this project");
    }

    /** A list of the body as the form's comma-separated field; a null entry is no entry (it is not the word "null"). */
    static String commas(List<String> items) {
        return items == null ? "" : String.join(",", items.stream().filter(java.util.Objects::nonNull).toList());
    }
}
