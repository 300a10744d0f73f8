package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.design.DesignWork;
import dev.specboard.design.InferredEntity;
import dev.specboard.design.SourceRef;
import dev.specboard.design.Thought;
import dev.specboard.design.ThoughtChain;
import dev.specboard.design.ThoughtService;
import dev.specboard.kernel.HeavyWork;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ResponseEnd;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** API v1 for the thinking chain: each inference with its reasoning, confirmed, revised or rejected by a person. */
@Path("/api/v1/projects/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ThinkingApi {

    /**
     * A thought: {@code sourceDescription} says where it came from in words; {@code source} is the first thing it came
     * from (null when unknown) and {@code sources} all of them, each with its page's {@code url} (null once deleted);
     * {@code note} says what a rejection left standing (an entity a member confirmed), else null; {@code version} is what a
     * decision on it sends as the version its caller saw.
     */
    @RegisterForReflection
    public record ThoughtAnswer(UUID id, String thoughtType, String reasoning, double confidence, String status, List<UUID> dependsOn,
                                List<UUID> leadsTo, String sourceDescription, String subject, boolean needsReview, boolean needsAnswer,
                                String userFeedback, SourceAnswer source, List<SourceAnswer> sources, List<String> alternatives,
                                String note, int version) {
    }

    /** One thing a thought came from: {@code kind} page, mockup, feature or journey. */
    @RegisterForReflection
    public record SourceAnswer(String kind, UUID id, String name, String url) {
    }

    /** A revision: the correction or answer, and the version of the thought its caller saw (see {@link DecisionBody}). */
    public record FeedbackBody(String feedback, Integer version) {
    }

    /**
     * The optional body of a confirmation or rejection: the version of the thought its caller saw. A decision taken since
     * that version refuses it with 409; without it, only a thought someone else decided on is refused.
     */
    public record DecisionBody(Integer version) {
    }

    @Inject
    ListPaging paging;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    ThoughtService thoughts;

    @Inject
    ThoughtChain chain;

    @Inject
    DesignWork work;

    @Inject
    RoutingContext request;

    /** A thought's statuses, and "review" for the thoughts flagged for another look. */
    private static final List<String> STATUS_FILTERS = java.util.stream.Stream.concat(Thought.STATUSES.stream(), java.util.stream.Stream.of("review")).toList();

    @GET
    @Path("/thinking")
    public List<ThoughtAnswer> listThinking(@PathParam("slug") String slug, @QueryParam("status") String status, @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        String only = QueryParams.oneOf("status", status, STATUS_FILTERS);
        UUID projectId = access.project().id;
        if (page == null) {
            // Read and written a batch at a time as the JSON goes out: a chain of thousands stays out of memory; a few
            // such reads at a time, each holding its turn until its answer's last byte is sent.
            HeavyWork.Turn turn = wholeReadTurn();
            long total = chain.count(projectId, only);
            paging.whole(total);
            return new StreamedRows<>("the whole thinking chain's thoughts", request, turn::close, total,
                    () -> chain.batches(projectId, only, ThoughtChain.READ_SIZE), batch -> answers(access, batch));
        }
        // Only the page is read, and the filter's rows counted by the database: a chain of thousands stays out of memory.
        List<Thought> list = chain.rows(projectId, only, (Math.max(1L, page) - 1) * QueryParams.PAGE_SIZE, QueryParams.PAGE_SIZE);
        paging.counted(page, chain.count(projectId, only), QueryParams.PAGE_SIZE);
        return answers(access, list);
    }

    /**
     * Waits for a turn of {@link DesignWork#wholeChains} (503 busy when none came in time), given back when the answer ends
     * (or once it is cut: see {@link StreamedRows}).
     */
    private HeavyWork.Turn wholeReadTurn() {
        HeavyWork.Turn turn = work.wholeChains().turn();
        if (ResponseEnd.onEnd(request, turn::close)) {
            throw HeavyWork.busy();
        }
        return turn;
    }

    /** The thoughts' answers, their sources read in one statement per kind of source. */
    private List<ThoughtAnswer> answers(Access access, List<Thought> list) {
        Map<UUID, List<SourceRef>> sources = thoughts.sources(access, list);
        return list.stream().map(t -> thought(t, sources.get(t.id))).toList();
    }

    @RoleFirst.Member
    @POST
    @Path("/thinking/{id}/confirm")
    public ThoughtAnswer confirmThought(@PathParam("slug") String slug, @PathParam("id") String id, DecisionBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return thought(access, thoughts.confirm(access, DesignApi.uuid(id), body == null ? null : body.version()));
    }

    @RoleFirst.Member
    @POST
    @Path("/thinking/{id}/revise")
    public ThoughtAnswer reviseThought(@PathParam("slug") String slug, @PathParam("id") String id, FeedbackBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Addressed.thought(access, DesignApi.uuid(id));
        FeedbackBody b = ComponentApi.body(body);
        return thought(access, thoughts.revise(access, DesignApi.uuid(id), b.feedback(), b.version()));
    }

    /** Rejects a thought: what it created is withdrawn and the thoughts depending on it are flagged for review. */
    @RoleFirst.Member
    @POST
    @Path("/thinking/{id}/reject")
    public ThoughtAnswer rejectThought(@PathParam("slug") String slug, @PathParam("id") String id, DecisionBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Thought t = thoughts.reject(access, DesignApi.uuid(id), body == null ? null : body.version());
        return thought(t, thoughts.sources(access, List.of(t)).get(t.id), InferredEntity.keptNote(t));
    }

    private ThoughtAnswer thought(Access access, Thought t) {
        return thought(t, thoughts.sources(access, List.of(t)).get(t.id));
    }

    private static ThoughtAnswer thought(Thought t, List<SourceRef> refs) {
        return thought(t, refs, null);
    }

    private static ThoughtAnswer thought(Thought t, List<SourceRef> refs, String note) {
        List<SourceAnswer> sources = refs == null ? List.of() : refs.stream().map(r -> new SourceAnswer(r.kind(), r.id(), r.name(), r.url())).toList();
        return new ThoughtAnswer(t.id, t.thoughtType, t.reasoning, t.confidence, t.status, t.dependsOn, t.leadsTo, ThoughtService.describe(t, refs),
                t.subjectKey, t.needsReview, t.needsAnswer, t.userFeedback, sources.isEmpty() ? null : sources.get(0), sources,
                t.alternativeList(), note, t.version);
    }
}
