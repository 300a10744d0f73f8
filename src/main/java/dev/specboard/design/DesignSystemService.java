package dev.specboard.design;

import dev.specboard.kernel.QuerySpaces;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A project's design system: asking for a recompute (the job itself is {@link DesignSystemWorker}),
 * reading what the last recompute stored, and members' names, merges and confirmations of colour tokens (and colours
 * left out, added back).
 */
@ApplicationScoped
public class DesignSystemService {

    private static final Pattern HEX = Pattern.compile("^#[0-9a-f]{6}([0-9a-f]{2})?$");
    private static final Pattern SHORT_HEX = Pattern.compile("^#[0-9a-f]{3,4}$");

    @Inject
    EntityManager em;

    @Inject
    Event<DesignSystemRequested> requested;

    @Inject
    ThoughtService thoughts;

    /** What a design-system page or API call shows: the stored result, never computed on view. */
    public record View(String generationMethod, DesignTokens.Tokens tokens, Map<String, DesignTokens.ComponentPattern> componentPatterns,
                       Map<String, Double> confidenceScores, DesignTokens.Confirmations confirmations, Instant computedAt,
                       boolean pending, int mockupCount) {
        public boolean computed() {
            return computedAt != null;
        }
    }

    @SuppressWarnings("unchecked")
    private static final Class<Map<String, DesignTokens.ComponentPattern>> PATTERNS = (Class<Map<String, DesignTokens.ComponentPattern>>) (Class<?>) Map.class;

    /** Marks the project's design system for recomputing (creating its row on first use); the worker picks it up after commit. */
    @Transactional
    public void requestRecompute(UUID projectId) {
        QuerySpaces.touching(em.createNativeQuery("INSERT INTO design_systems (project_id, recompute_requested_at) VALUES (?1, clock_timestamp()) "
                        + "ON CONFLICT (project_id) DO UPDATE SET recompute_requested_at = clock_timestamp(), updated_at = now()"), "design_systems")
                .setParameter(1, projectId).executeUpdate();
        requested.fire(new DesignSystemRequested(projectId));
    }

    /** The stored design system of the project (empty before the first mockup). */
    public View view(UUID projectId) {
        return DesignSystem.forProject(projectId).map(DesignSystemService::view)
                .orElseGet(() -> new View("emergent", DesignTokens.Tokens.none(), Map.of(), Map.of(), DesignTokens.Confirmations.none(), null, false, 0));
    }

    static View view(DesignSystem ds) {
        return new View(ds.generationMethod, DesignJson.read(ds.tokens, DesignTokens.Tokens.class, DesignTokens.Tokens.none()),
                patterns(ds.componentPatterns), scores(ds.confidenceScores), ds.confirmations(), ds.computedAt,
                ds.recomputeRequestedAt != null, ds.mockupCount);
    }

    private static Map<String, DesignTokens.ComponentPattern> patterns(String json) {
        PatternMap m = DesignJson.read(json == null || json.equals("{}") ? null : "{\"patterns\":" + json + "}", PatternMap.class, null);
        return m == null || m.patterns() == null ? Map.of() : m.patterns();
    }

    private static Map<String, Double> scores(String json) {
        ScoreMap m = DesignJson.read(json == null || json.equals("{}") ? null : "{\"scores\":" + json + "}", ScoreMap.class, null);
        return m == null || m.scores() == null ? Map.of() : m.scores();
    }

    record PatternMap(Map<String, DesignTokens.ComponentPattern> patterns) {
    }

    record ScoreMap(Map<String, Double> scores) {
    }

    /**
     * A member names a colour token (kept across recomputes; a name another colour has is 422); {@code was}, the name the member saw (none: no check), answers
     * 409 with both names when someone renamed the colour meanwhile, so neither name is lost.
     */
    @Transactional
    public void name(Access access, String color, String name, String was) {
        access.requireWrite(Role.MEMBER);
        String hex = hex(color);
        String n = ColorNames.tokenName(name);
        String by = username(access);
        UUID projectId = access.project().id;
        // It rewrites the colour's token thought, which a running inference writes back whole: the lock of the other decisions on thoughts, taken first.
        InferredEntity.lockInference(projectId);
        withConfirmations(projectId, d -> {
            requireToken(d, hex, "color");
            // A name another colour has is a wrong answer, not a change made meanwhile: 422 at the name, so the field takes the focus.
            ColorNames.requireFree(d, Map.of(hex, n));
            ColorNames.requireUnchanged(d, hex, n, was);
            ColorNames.applyNames(projectId, d, Map.of(hex, n), by);
        });
    }

    /** A member confirms a colour token as part of the design system. */
    @Transactional
    public void confirm(Access access, String color) {
        access.requireWrite(Role.MEMBER);
        String hex = hex(color);
        String by = username(access);
        withConfirmations(access.project().id, d -> {
            requireToken(d, hex, "color");
            confirmIn(d, hex, by);
        });
    }

    /**
     * A member merges one colour into another: from the next recompute on, its uses count for the other. A colour merged
     * elsewhere meanwhile answers 409 naming both targets rather than silently moving it (unmerge it first).
     */
    @Transactional
    public void merge(Access access, String from, String into) {
        access.requireWrite(Role.MEMBER);
        String a = hex(from);
        String b = hex(into);
        if (a.equals(b)) {
            throw ValidationException.of("into", "Choose another colour to merge " + a + " into");
        }
        withConfirmations(access.project().id, d -> {
            if (a.equals(DesignSystemBuilder.resolve(b, d.merges()))) {
                throw ApiException.conflict(b + " is already merged into " + a + ".");
            }
            String current = d.merges().get(a);
            if (current == null) {
                requireToken(d, a, "color");
            }
            requireToken(d, b, "into");
            if (current != null && !current.equals(b)) {
                throw ApiException.conflict(a + " was merged into " + current + " since you loaded the page, so it was not merged into " + b
                        + ". Undo that merge first to merge it into " + b + ".", Map.<String, Object>of("current", current, "yours", b));
            }
            d.merges().put(a, b);
        });
    }

    /**
     * Undoes a merge; {@code seenInto}, the colour the member saw it merged into (none: no check), answers 409 when it was
     * merged elsewhere meanwhile, so nobody undoes a merge they never saw.
     */
    @Transactional
    public void unmerge(Access access, String from, String seenInto) {
        access.requireWrite(Role.MEMBER);
        String a = hex(from);
        String seen = seenInto == null || seenInto.isBlank() ? null : hex(seenInto);
        withConfirmations(access.project().id, d -> {
            String current = d.merges().remove(a);
            if (current == null) {
                throw ApiException.conflict(a + " is not merged into another colour (any more).");
            }
            if (seen != null && !seen.equals(current)) {
                throw ApiException.conflict(a + " is merged into " + current + " now, not into " + seen + " as you saw it: nothing was undone.",
                        Map.<String, Object>of("current", current, "yours", seen));
            }
        });
    }

    /**
     * Adds back a colour left out (in the wizard, or by rejecting its token thought): from the next recompute on it is a
     * token again if a mockup uses it, and a later wizard run offers it; its token thought, rejected, is undecided again.
     * One no longer left out answers 409 (added back meanwhile).
     */
    @Transactional
    public void restore(Access access, String color) {
        access.requireWrite(Role.MEMBER);
        String hex = hex(color);
        UUID projectId = access.project().id;
        // It reopens a thought, which a running inference writes back whole: the lock of the other decisions on thoughts, taken first.
        InferredEntity.lockInference(projectId);
        withConfirmations(projectId, d -> {
            if (!d.rejected().remove(hex)) {
                throw ApiException.conflict(hex + " is not left out of the design system (any more).");
            }
        });
        // The thought still said rejected, and no recompute rewrites a decided thought: the chain disagreed with the design system.
        Thought.bySubject(projectId, "token:" + hex).filter(t -> "rejected".equals(t.status)).ifPresent(Thought::reopen);
    }

    /**
     * The design-system wizard's last step: names and confirms the colours kept in one save (so two of them may swap
     * names; confirming their token thoughts) and rejects the token thoughts of the others, so they leave the design
     * system; all in one transaction.
     */
    @Transactional
    public void adopt(Access access, Map<String, String> kept, java.util.List<String> leftOut, UUID wizardRunId) {
        access.requireWrite(Role.MEMBER);
        UUID projectId = access.project().id;
        // It decides thoughts, which a running inference writes back whole: the same lock as the other decisions.
        InferredEntity.lockInference(projectId);
        Map<String, String> names = new LinkedHashMap<>();
        kept.forEach((color, name) -> names.put(hex(color), ColorNames.tokenName(name)));
        String by = username(access);
        withConfirmations(projectId, d -> {
            names.keySet().forEach(hex -> requireToken(d, hex, "color"));
            ColorNames.requireFree(d, names);
            ColorNames.applyNames(projectId, d, names, by);
            names.keySet().forEach(hex -> confirmIn(d, hex, by));
        });
        names.keySet().forEach(hex -> Thought.bySubject(projectId, "token:" + hex).filter(t -> !t.decided()).ifPresent(t -> {
            t.decide("confirmed", "Kept in the design-system wizard", access.accountId());
            t.wizardRunId = wizardRunId;
        }));
        for (String color : leftOut) {
            String h = hex(color);
            Thought t = Thought.bySubject(projectId, "token:" + h).filter(x -> !"rejected".equals(x.status)).orElse(null);
            if (t != null) {
                t.wizardRunId = wizardRunId;
                thoughts.rejectLocked(access, t);
            } else {
                withdrawColor(projectId, h);
            }
        }
    }

    /** A rejected token inference: the colour leaves the design system at the next recompute (inside the caller's transaction). */
    void withdrawColor(UUID projectId, String hex) {
        withConfirmations(projectId, d -> {
            if (!d.rejected().contains(hex)) {
                d.rejected().add(hex);
            }
        });
    }

    /** A confirmed token inference confirms the colour token (inside the caller's transaction). */
    void confirmColor(UUID projectId, String hex, String by) {
        withConfirmations(projectId, d -> confirmIn(d, hex, by));
    }

    /** Members' colour decisions while one change edits them: copies of the stored ones, beside the locked design system. */
    record Decisions(DesignSystem ds, Map<String, DesignTokens.ColorConfirmation> colors, Map<String, String> merges, java.util.List<String> rejected) {
        DesignTokens.Confirmations confirmations() {
            return new DesignTokens.Confirmations(colors, merges, rejected);
        }
    }

    /**
     * Every change of the members' colour decisions goes through here: the design system is locked, the change edits
     * copies of its decisions (refusing by throwing, which saves nothing), and what it changed is saved with a recompute asked for.
     */
    private void withConfirmations(UUID projectId, Consumer<Decisions> change) {
        DesignSystem ds = locked(projectId);
        DesignTokens.Confirmations stored = ds.confirmations();
        Decisions d = new Decisions(ds, new LinkedHashMap<>(stored.colors() == null ? Map.of() : stored.colors()),
                new LinkedHashMap<>(stored.merges() == null ? Map.of() : stored.merges()), new java.util.ArrayList<>(stored.rejected()));
        DesignTokens.Confirmations before = new DesignTokens.Confirmations(new LinkedHashMap<>(d.colors()), new LinkedHashMap<>(d.merges()),
                java.util.List.copyOf(d.rejected()));
        change.accept(d);
        if (!d.confirmations().equals(before)) {
            save(ds, d.confirmations());
        }
    }

    private static void confirmIn(Decisions d, String hex, String by) {
        DesignTokens.ColorConfirmation old = d.colors().get(hex);
        d.colors().put(hex, new DesignTokens.ColorConfirmation(old != null ? old.name() : ColorNames.tokenName(d.ds(), hex), true, by, Instant.now().toString()));
    }

    private void save(DesignSystem ds, DesignTokens.Confirmations confirmations) {
        ds.userConfirmations = DesignJson.write(confirmations);
        ds.recomputeRequestedAt = Instant.now();
        requested.fire(new DesignSystemRequested(ds.projectId));
    }

    /**
     * Locks the project's design system inside the caller's transaction. Whoever changes token thoughts
     * takes this lock first, as the recomputing worker does, so the two never wait on each other in a circle.
     */
    void lock(UUID projectId) {
        locked(projectId);
    }

    private DesignSystem locked(UUID projectId) {
        QuerySpaces.touching(em.createNativeQuery("INSERT INTO design_systems (project_id) VALUES (?1) ON CONFLICT (project_id) DO NOTHING"),
                "design_systems").setParameter(1, projectId).executeUpdate();
        return em.createQuery("select d from DesignSystem d where d.projectId = :p", DesignSystem.class).setParameter("p", projectId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getSingleResult();
    }

    /**
     * A decision is about a colour the design system shows: one no mockup uses (a typo, a guess) was stored all the same,
     * reserving its name invisibly (a real colour named so later was 409 against it) and turning the design system hybrid.
     */
    private static void requireToken(Decisions d, String hex, String field) {
        DesignTokens.Tokens t = DesignJson.read(d.ds().tokens, DesignTokens.Tokens.class, DesignTokens.Tokens.none());
        if (t.colors().values().stream().anyMatch(token -> token.value().equals(hex))) {
            return;
        }
        String into = d.merges().get(hex);
        throw ValidationException.of(field, into != null
                ? hex + " is merged into " + DesignSystemBuilder.resolve(hex, d.merges()) + ": decide on that colour, or undo the merge first"
                : d.rejected().contains(hex) ? hex + " was left out of the design system"
                : "No mockup uses " + hex + ": choose a colour of the design system");
    }

    private static String hex(String color) {
        String c = color == null ? "" : color.strip().toLowerCase(Locale.ROOT);
        if (SHORT_HEX.matcher(c).matches()) {
            // #fff as CSS reads it, #ffffff: the form the design system stores every colour in.
            StringBuilder whole = new StringBuilder("#");
            c.chars().skip(1).forEach(ch -> whole.append((char) ch).append((char) ch));
            c = whole.toString();
        }
        if (!HEX.matcher(c).matches()) {
            throw ValidationException.of("color", "Name a colour by its hex value, like #dc2626");
        }
        return c;
    }

    private static String username(Access access) {
        dev.specboard.account.Account a = dev.specboard.account.Account.findById(access.accountId());
        return a == null ? null : a.username;
    }
}
