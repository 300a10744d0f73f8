package dev.specboard.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The questions a journey's decisions leave open, kept in the thinking chain as the journey changes. */
final class BranchQuestions {

    private BranchQuestions() {
    }

    /**
     * Asks, as a question thought waiting for the project's designers, what happens on each branch of a decision that
     * leads nowhere yet (or when a decision has a single branch); questions about branches since connected go unless answered.
     */
    static void ask(JourneyFlow f, List<FlowNode> nodes) {
        String prefix = "branch:" + f.id + ".";
        Map<String, Thought> bySubject = ThoughtService.bySubjectPrefix(f.projectId, prefix);
        java.util.Set<String> asked = new java.util.HashSet<>();
        Map<java.util.UUID, String> pageNames = null;
        for (FlowNode n : nodes) {
            if (!n.nodeType.equals("decision")) {
                continue;
            }
            FlowModel.Data d = FlowModel.data(n.data);
            List<String> connected = FlowModel.connections(n.connections).stream().map(FlowModel.Connection::label).filter(l -> !blank(l)).toList();
            String decision = d.question() != null && !d.question().isBlank() ? "\u201c" + d.question() + "\u201d" : n.nodeKey;
            List<String> open = new ArrayList<>(d.branches().stream().map(FlowModel.Branch::label).filter(l -> !connected.contains(l)).toList());
            if (d.branches().size() < 2) {
                open.add("otherwise");
            }
            for (String label : open) {
                String subject = prefix + n.nodeKey + "." + label;
                String what = label.equals("otherwise") && d.branches().size() < 2
                        ? "The decision " + decision + " in the journey " + f.name + " has " + (d.branches().isEmpty() ? "no branch" : "a single branch")
                        + ". What happens otherwise?"
                        : "The decision " + decision + " in the journey " + f.name + " has no path for \u201c" + label + "\u201d. What happens when the answer is \u201c"
                        + label + "\u201d?";
                Thought q = ThoughtService.upsert(f.projectId, bySubject, subject, "question", what, 0.5, ThoughtSource.of("journey", f.id, f.name), List.of());
                if (!q.decided()) {
                    q.needsAnswer = true;
                    if (pageNames == null) {
                        pageNames = pageNames(nodes);
                    }
                    q.offer(destinations(n, nodes, pageNames));
                }
                asked.add(q.subjectKey);
            }
        }
        bySubject.values().stream().filter(t -> !asked.contains(t.subjectKey) && !t.decided()).forEach(Thought::delete);
    }

    /**
     * The answers offered to "what happens then": the journey ends, or it goes on to one of its screens (at most five,
     * named by label, else by their page's name); one query for the pages' names.
     */
    static List<String> destinations(FlowNode decision, List<FlowNode> nodes, Map<java.util.UUID, String> pageNames) {
        List<String> choices = new ArrayList<>();
        choices.add(ENDS);
        nodes.stream().filter(n -> n != decision && n.nodeType.equals("screen")).map(n -> {
            FlowModel.Data d = FlowModel.data(n.data);
            return blank(d.label()) ? pageNames.getOrDefault(d.pageId(), n.nodeKey) : d.label();
        }).distinct().limit(5).forEach(l -> choices.add("It goes on to \u201c" + l + "\u201d."));
        return choices;
    }

    /**
     * What answering a branch's question adds to the journey {@code flowId}: the branch {@code branch} of the decision
     * {@code decision} goes on to the node {@code screen} ("It goes on to “X”."), or, {@code screen} null, leads to the
     * journey's end step ("The journey ends there.").
     */
    record Answer(java.util.UUID flowId, String decision, String branch, String screen) {

        boolean ends() {
            return screen == null;
        }

        ConnectionForm connection() {
            return new ConnectionForm(decision, screen, branch, "", "");
        }
    }

    private static final String GOES_ON = "It goes on to \u201c";

    static final String ENDS = "The journey ends there.";

    /** Whether the feedback is the answer that sends a branch on to a screen (an offered one, or written the same way). */
    static boolean goesOn(Thought t) {
        return "branch".equals(t.subjectKind()) && t.userFeedback != null && t.userFeedback.startsWith(GOES_ON);
    }

    /** Whether the feedback is the answer that ends the journey on a branch. */
    static boolean endsThere(Thought t) {
        return "branch".equals(t.subjectKind()) && ENDS.equals(t.userFeedback);
    }

    /**
     * What answering a branch's question does to its journey: "It goes on to “X”." connects the decision, labelled with
     * the branch, to the journey's screen named X as the answers name them; "The journey ends there." leads the branch to
     * the journey's end step. None for another answer, a journey or decision gone, or a branch connected meanwhile. 422 on
     * {@code feedback} when no screen is named X any more.
     */
    static java.util.Optional<Answer> answer(Thought t, String feedback) {
        String[] at = t.subjectName().split("\\.", 3); // flow id, decision key, branch label
        boolean ends = feedback.equals(ENDS);
        if (!"branch".equals(t.subjectKind()) || at.length < 3 || !ends && (!feedback.startsWith(GOES_ON) || !feedback.endsWith("\u201d."))) {
            return java.util.Optional.empty();
        }
        JourneyFlow f = JourneyFlow.inProject(t.projectId, dev.specboard.kernel.Ids.parseOrNull(at[0])).orElse(null);
        List<FlowNode> nodes = f == null ? List.of() : FlowNode.<FlowNode>list("flowId", f.id);
        FlowNode decision = nodes.stream().filter(n -> n.nodeKey.equals(at[1]) && n.nodeType.equals("decision")).findFirst().orElse(null);
        if (decision == null || FlowModel.connections(decision.connections).stream().anyMatch(c -> at[2].equals(c.label()))) {
            return java.util.Optional.empty();
        }
        if (ends) {
            return java.util.Optional.of(new Answer(f.id, decision.nodeKey, at[2], null));
        }
        String screen = feedback.substring(GOES_ON.length(), feedback.length() - 2);
        Map<java.util.UUID, String> pageNames = pageNames(nodes);
        return java.util.Optional.of(nodes.stream().filter(n -> n != decision && n.nodeType.equals("screen")).filter(n -> {
            FlowModel.Data d = FlowModel.data(n.data);
            return screen.equals(blank(d.label()) ? pageNames.getOrDefault(d.pageId(), n.nodeKey) : d.label());
        }).findFirst().map(n -> new Answer(f.id, decision.nodeKey, at[2], n.nodeKey)).orElseThrow(() -> dev.specboard.web.ValidationException
                .of("feedback", "The journey " + f.name + " has no screen \u201c" + screen + "\u201d any more: choose another answer or write your own")));
    }

    /** Locks the journey a branch's question is about, as its edits do before they ask again: an answer may connect the branch. */
    static void lockJourney(Thought t, jakarta.persistence.EntityManager em) {
        String[] at = t.subjectName().split("\\.", 3);
        if ("branch".equals(t.subjectKind())) {
            JourneyFlow.inProject(t.projectId, dev.specboard.kernel.Ids.parseOrNull(at[0]))
                    .ifPresent(f -> em.refresh(f, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
        }
    }

    /** The names of the pages the journey's screens show. */
    private static Map<java.util.UUID, String> pageNames(List<FlowNode> nodes) {
        List<java.util.UUID> ids = nodes.stream().filter(n -> n.nodeType.equals("screen")).map(n -> FlowModel.data(n.data).pageId())
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<java.util.UUID, String> names = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            Page.<Page>list("id in ?1", ids).forEach(p -> names.put(p.id, p.name));
        }
        return names;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
