package dev.specboard.design;

import dev.specboard.account.Account;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.web.ApiException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step of the assistant's thinking chain (seed 004's ai_thinking_chain): an observation, assumption,
 * decision, question or inference with its reasoning, confidence and source, the thoughts it builds on and
 * leads to, and what a user made of it (confirmed, revised with feedback, rejected).
 */
@Entity
@Table(name = "ai_thinking_chain")
public class Thought extends PanacheEntityBase {

    public static final List<String> TYPES = List.of("observation", "assumption", "decision", "question", "inference");
    public static final List<String> STATUSES = List.of("active", "confirmed", "revised", "rejected");

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "wizard_run_id")
    public UUID wizardRunId;

    @Column(name = "thought_type")
    public String thoughtType;

    public String reasoning;

    public double confidence = 0.5;

    /** The source as free text: only thoughts recorded before sources were structured and whose text named nothing found since. */
    @Column(name = "source_description")
    public String sourceDescription;

    /** One of {@link ThoughtSource#KINDS}, or null when the thought has no structured source. */
    @Column(name = "source_kind")
    public String sourceKind;

    @Column(name = "source_ids", columnDefinition = "uuid[]")
    public List<UUID> sourceIds = new ArrayList<>();

    /** The sources' names when the thought was recorded, shown for a source deleted since. */
    @Column(name = "source_names", columnDefinition = "text[]")
    public List<String> sourceNames = new ArrayList<>();

    @Column(name = "depends_on", columnDefinition = "uuid[]")
    public List<UUID> dependsOn = new ArrayList<>();

    @Column(name = "leads_to", columnDefinition = "uuid[]")
    public List<UUID> leadsTo = new ArrayList<>();

    @Column(name = "is_assumption")
    public boolean assumption;

    @Column(name = "needs_answer")
    public boolean needsAnswer;

    @Column(name = "has_alternatives")
    public boolean hasAlternatives;

    @JdbcTypeCode(SqlTypes.JSON)
    public String alternatives = "[]";

    public String status = "active";

    @Column(name = "user_feedback")
    public String userFeedback;

    @Column(name = "subject_key")
    public String subjectKey;

    @Column(name = "needs_review")
    public boolean needsReview;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** 1 as recorded, one more for each decision on it (and for being undecided again): what a decision says it saw. */
    public int version = 1;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public static Optional<Thought> inProject(UUID projectId, UUID id) {
        return id == null ? Optional.empty() : find("projectId = ?1 and id = ?2", projectId, id).firstResultOptional();
    }

    public static Optional<Thought> bySubject(UUID projectId, String subject) {
        return find("projectId = ?1 and subjectKey = ?2", projectId, key(subject)).firstResultOptional();
    }

    /** The subject_key column's length. */
    static final int MAX_KEY = 300;

    /** How much of a long subject its key keeps: a prefix query of up to this many characters finds it. */
    static final int MAX_PREFIX = MAX_KEY - 17;

    /**
     * The stored key of a subject: the subject itself when it fits the column, else its first {@link #MAX_PREFIX}
     * characters, {@code #} and a hash of the whole, so that two long subjects alike at the start keep apart and a
     * subject always finds the row it made (cutting alone made a second row with the same key: a unique violation).
     */
    public static String key(String subject) {
        if (subject.length() <= MAX_KEY) {
            return subject;
        }
        int cut = MAX_PREFIX;
        if (Character.isHighSurrogate(subject.charAt(cut - 1))) {
            cut--; // never half a character, which the database would store as '?'
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return subject.substring(0, cut) + "#" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kind of thing the thought is about: {@code entity}, {@code field}, {@code relationship}, {@code observation}, {@code question}... */
    public String subjectKind() {
        return subjectKey == null || !subjectKey.contains(":") ? "" : subjectKey.substring(0, subjectKey.indexOf(':'));
    }

    /**
     * The subject as a link names it, in words rather than its key: "entity Contact", "field email of Contact", "question
     * about Company", "colour #1e293b", a detected feature as "feature for Contact" and a feature's operation as "creates
     * Contact" (their keys carry ids), a decision's branch as "branch Paid? of pay"; any other subject as its key, a
     * thought without one by its type.
     */
    public String subjectLabel() {
        if (subjectKey == null || subjectKey.isBlank()) {
            return thoughtType;
        }
        String name = subjectName();
        String[] owned = name.split("\\.", 2); // entity.field, entity.relationship
        String[] op = name.split("\\.", 3); // feature id.verb.entity, journey id.node.branch
        return switch (subjectKind()) {
            case "entity" -> "entity " + name;
            case "field", "relationship" -> owned.length == 2 ? subjectKind() + " " + owned[1] + " of " + owned[0] : subjectKey;
            case "question" -> "question about " + name;
            case "token" -> "colour " + name;
            case "feature" -> "feature for " + (name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : name);
            case "operation" -> op.length == 3 ? op[1] + " " + op[2] : subjectKey;
            case "branch" -> op.length == 3 ? "branch " + op[2] + " of " + op[1] : subjectKey;
            case "observation" -> observationLabel(name);
            default -> subjectKey;
        };
    }

    /** A sighting's key, {@code <page path>#<form|table|cards>-<n>} (see {@link PageEntities#read}). */
    private static final Pattern SIGHTING = Pattern.compile("(/.*)#(form|table|cards)-(\\d+)");

    /** An observation in words: "form 1 on /home" for {@code observation:/home#form-1}, as "Leads to" says "entity User". */
    private static String observationLabel(String name) {
        Matcher m = SIGHTING.matcher(name);
        if (m.matches()) {
            return ("cards".equals(m.group(2)) ? "card grid" : m.group(2)) + " " + m.group(3) + " on " + m.group(1);
        }
        return "observation " + (name.startsWith("/") ? "on " : "") + name;
    }

    public String subjectName() {
        return subjectKey == null || !subjectKey.contains(":") ? "" : subjectKey.substring(subjectKey.indexOf(':') + 1);
    }

    /** Records what the thought came from; a source naming nothing (an inference from no page) leaves it without one. */
    void source(ThoughtSource s) {
        boolean none = s == null || s.ids().isEmpty();
        sourceKind = none ? null : s.kind();
        sourceIds = none ? new ArrayList<>() : new ArrayList<>(s.ids());
        sourceNames = none ? new ArrayList<>() : new ArrayList<>(s.names());
        sourceDescription = null;
    }

    public boolean decided() {
        return !"active".equals(status);
    }

    /** The answers the assistant offers to choose from, in its order (seed 004's alternatives); a user may still write their own. */
    public List<String> alternativeList() {
        return List.of(DesignJson.read(alternatives, String[].class, new String[0]));
    }

    /** Offers these answers to choose from (none: no choice offered). */
    public void offer(List<String> choices) {
        alternatives = DesignJson.write(choices.toArray(new String[0]));
        hasAlternatives = !choices.isEmpty();
    }

    /** Whether this is an entity's "where do its records come from" question answered "a page ... is still to be designed". */
    public boolean answeredWithAPageToDesign() {
        return "question".equals(subjectKind()) && EntityInferenceRun.toDesign(subjectName()).equals(userFeedback);
    }

    /** A user decides: confirm, revise (with feedback) or reject; a rejected thought stays rejected. */
    public void decide(String to, String feedback, UUID by) {
        if ("rejected".equals(status)) {
            throw ApiException.conflict("This thought was rejected already.");
        }
        if ("confirmed".equals(to) && "confirmed".equals(status)) {
            throw ApiException.conflict("This thought is confirmed already.");
        }
        status = to;
        if (feedback != null) {
            userFeedback = feedback;
        }
        if (!"revised".equals(to) || "question".equals(thoughtType)) {
            needsAnswer = false;
        }
        needsReview = false;
        decidedBy = by;
        decidedAt = Instant.now();
        version++;
    }

    /**
     * Refuses a decision ({@code action}: "confirmed", "revised", "rejected") taken on a state of the thought that is not
     * its own any more, so that a page opened before a colleague's decision does not silently undo it: 422 for a version it
     * never had (below 1, its first, or past its current one); 409 showing how it stands now when it was decided since the
     * version {@code seen}, or, with none given (an API caller), when someone other than the caller decided on it.
     */
    void requireSeen(Integer seen, UUID caller, String action) {
        StaleVersionException.requireSaved("The thought", seen, 1, version);
        if (seen != null ? seen == version : !decided() || caller.equals(decidedBy)) {
            return;
        }
        String by = Account.savedByAsSeenBy(decidedBy, caller);
        String now = "active".equals(status) ? "undecided again" : status;
        String message = "This thought was " + ("active".equals(status) ? "put back to undecided" : status) + " by "
                + (by == null ? "someone else" : by) + (seen != null ? " after you opened it (you saw version " + seen + ", it is now version "
                + version + ")" : " (version " + version + ")") + ": it is " + now
                + ("revised".equals(status) && userFeedback != null ? " with the feedback \"" + userFeedback + "\"" : "")
                + ". Nothing was " + action + (seen != null ? ": look at it again and decide anew." : ": to decide anyway, send the version you saw, " + version + ".");
        Map<String, String> current = StaleVersionException.texts("status", status, "feedback", userFeedback);
        if (seen != null) {
            throw StaleVersionException.withMessage(message, seen, version, current, null, by);
        }
        throw ApiException.conflict(message, Map.of("currentVersion", version, "current", current));
    }

    /**
     * What a rejected thought was about is back (a colour added back to the design system): the thought is undecided
     * again, as before the rejection, so the next reading refreshes it and a person can decide on it anew.
     */
    void reopen() {
        if (!"rejected".equals(status)) {
            throw new IllegalStateException("Only a rejected thought is reopened, not a " + status + " one");
        }
        status = "active";
        needsReview = false;
        decidedBy = null;
        decidedAt = null;
        version++;
    }

    /** The project's thoughts about a subject, by subject key: what an inference updates in place or finds rejected. */
    static java.util.Map<String, Thought> bySubjectKey(UUID projectId) {
        java.util.Map<String, Thought> bySubject = new java.util.HashMap<>();
        for (Thought t : Thought.<Thought>list("projectId = ?1 and subjectKey is not null", projectId)) {
            bySubject.put(t.subjectKey, t);
        }
        return bySubject;
    }
}
