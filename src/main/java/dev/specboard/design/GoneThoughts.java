package dev.specboard.design;

import dev.specboard.project.Access;

import java.util.Optional;
import java.util.UUID;

/**
 * Why a thought the page still showed is no longer in the chain: a journey change answered or removed the branch question
 * meanwhile (see {@link BranchQuestions#ask}), which deletes it, so an answer given on the stale page met a bare 404.
 */
final class GoneThoughts {

    private static final String BRANCH = "branch:";

    private GoneThoughts() {
    }

    /**
     * The sentence for a decision on a thought that is gone; {@code subject} is the subject key its form carried (null from
     * an older page), which names the journey and the decision a branch question was about.
     */
    static String why(Access access, String subject) {
        String why = branch(access, subject).orElse("it left the thinking chain since you opened the page");
        return "This question no longer applies: " + why + ". Nothing was saved.";
    }

    private static Optional<String> branch(Access access, String subject) {
        if (subject == null || !subject.startsWith(BRANCH) || subject.length() < BRANCH.length() + 38) {
            return Optional.empty();
        }
        UUID flowId = dev.specboard.kernel.Ids.parseOrNull(subject.substring(BRANCH.length(), BRANCH.length() + 36));
        if (flowId == null) {
            return Optional.empty();
        }
        Optional<JourneyFlow> flow = JourneyFlow.inProject(access.project().id, flowId);
        if (flow.isEmpty()) {
            return Optional.of("the journey it was about was deleted");
        }
        JourneyFlow f = flow.get();
        String rest = subject.substring(BRANCH.length() + 37);
        String by = f.savedByAsSeenBy(access.accountId());
        String who = by == null ? "someone" : by;
        // A node's key may hold a dot, a branch's label too: the node is the one whose key starts the rest.
        Optional<FlowNode> node = FlowNode.<FlowNode>list("flowId", f.id).stream().filter(n -> rest.startsWith(n.nodeKey + ".")).findFirst();
        if (node.isEmpty()) {
            String key = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
            return Optional.of(who + " removed the decision " + key + " from the journey " + f.name);
        }
        String label = rest.substring(node.get().nodeKey.length() + 1);
        return Optional.of(who + " changed the decision " + node.get().nodeKey + " in the journey " + f.name + ": its branch \u201c" + label
                + "\u201d is connected now, or gone");
    }
}
