package dev.specboard.assist;

import dev.specboard.project.Access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A refactor's page (or its live panel): the status, and once proposed, each file's diff (unified or
 * side by side) with its occurrence count, whether the proposal is stale, and what applying made.
 */
public record RefactorView(Access access, RefactorJob job, String repo, String requester, String cancelledBy, Renamer.Proposal proposal,
                           List<FileDiff> files, RefactorService.Staleness staleness, boolean split, String problem) {

    /** One line of a unified diff: its kind (context, del, add, hunk), its old and new line numbers, its text. */
    public record DiffLine(String kind, Integer oldLine, Integer newLine, String text) {
        public String sign() {
            return switch (kind) {
                case "del" -> "-";
                case "add" -> "+";
                default -> " ";
            };
        }
    }

    /** One row of a side-by-side diff: the old line on the left, the new one on the right (either may be empty). */
    public record SplitRow(String kind, Integer leftLine, String left, String leftKind, Integer rightLine, String right, String rightKind) {
    }

    /** A file of the proposal as the page shows it. */
    /** {@code movedTo}: the file's new path when the rename moves it (the Java file named after the type), else null. */
    public record FileDiff(String path, String movedTo, String method, int count, List<Renamer.Occurrence> occurrences, List<DiffLine> unified,
                           List<SplitRow> rows) {
        public String anchor() {
            return "file-" + Integer.toHexString(path.hashCode());
        }
    }

    public JobProgress progress() {
        return job.progressView();
    }

    public String url() {
        return "/projects/" + access.slug() + "/repos/" + repo + "/refactors/" + job.id;
    }

    public boolean stale() {
        return staleness != null && staleness.stale();
    }

    /** Apply is offered to its starter or a lead, as the service allows, once a fresh proposal waits. */
    public boolean canApply() {
        return applicable() && job.mayChange(access);
    }

    /** A fresh proposal another member started: the page says who may apply it rather than offer a button that is refused. */
    public boolean applyIsNotYours() {
        return applicable() && !job.mayChange(access);
    }

    private boolean applicable() {
        return access.isMember() && proposal != null && !job.applied() && job.status == JobStatus.SUCCESS && !stale();
    }

    public boolean canRerun() {
        return access.isMember() && job.mayChange(access) && !job.applied() && job.status.isFinished();
    }

    /** Cancel is offered to its starter or a lead, as the service allows, while it is queued or running. */
    public boolean canCancel() {
        return access.isMember() && job.mayChange(access) && job.status.isActive() && !job.cancelRequested;
    }

    public String param(String name) {
        return job.param(name);
    }

    public Map<String, Object> applied() {
        return job.appliedChanges;
    }

    public String appliedBranch() {
        return job.appliedChanges == null ? "" : String.valueOf(job.appliedChanges.get("branch"));
    }

    public String appliedSha() {
        return job.appliedChanges == null ? "" : String.valueOf(job.appliedChanges.get("commitSha"));
    }

    public String appliedShort() {
        String sha = appliedSha();
        return sha.substring(0, Math.min(10, sha.length()));
    }

    public boolean pushed() {
        return job.appliedChanges != null && Boolean.TRUE.equals(job.appliedChanges.get("pushed"));
    }

    public String pushError() {
        Object e = job.appliedChanges == null ? null : job.appliedChanges.get("pushError");
        return e == null ? null : String.valueOf(e);
    }

    public String viewUrl(boolean sideBySide) {
        return url() + (sideBySide ? "?view=split" : "");
    }

    static List<FileDiff> files(Renamer.Proposal p) {
        List<FileDiff> out = new ArrayList<>();
        if (p == null) {
            return out;
        }
        for (Renamer.ProposedFile f : p.files()) {
            List<DiffLine> unified = parse(f.diff());
            out.add(new FileDiff(f.path(), f.movedTo(), f.method(), f.count(), f.occurrences(), unified, split(unified)));
        }
        return out;
    }

    /** Reads a unified diff into numbered lines (file headers dropped, hunk headers kept). */
    static List<DiffLine> parse(String diff) {
        List<DiffLine> out = new ArrayList<>();
        int oldNo = 0;
        int newNo = 0;
        for (String line : diff.split("\n", -1)) {
            if (line.startsWith("--- ") || line.startsWith("+++ ")) {
                continue;
            }
            if (line.startsWith("@@")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@").matcher(line);
                if (m.find()) {
                    oldNo = Integer.parseInt(m.group(1));
                    newNo = Integer.parseInt(m.group(2));
                }
                out.add(new DiffLine("hunk", null, null, line));
            } else if (line.startsWith("-")) {
                out.add(new DiffLine("del", oldNo++, null, line.substring(1)));
            } else if (line.startsWith("+")) {
                out.add(new DiffLine("add", null, newNo++, line.substring(1)));
            } else if (line.startsWith(" ")) {
                out.add(new DiffLine("context", oldNo++, newNo++, line.substring(1)));
            }
        }
        return out;
    }

    /** Pairs each run of removed lines with the run of added lines after it, row by row; context shows on both sides. */
    static List<SplitRow> split(List<DiffLine> lines) {
        List<SplitRow> rows = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            DiffLine l = lines.get(i);
            if (l.kind().equals("hunk")) {
                rows.add(new SplitRow("hunk", null, l.text(), "hunk", null, "", "hunk"));
                i++;
            } else if (l.kind().equals("context")) {
                rows.add(new SplitRow("context", l.oldLine(), l.text(), "context", l.newLine(), l.text(), "context"));
                i++;
            } else {
                List<DiffLine> dels = new ArrayList<>();
                List<DiffLine> adds = new ArrayList<>();
                while (i < lines.size() && lines.get(i).kind().equals("del")) {
                    dels.add(lines.get(i++));
                }
                while (i < lines.size() && lines.get(i).kind().equals("add")) {
                    adds.add(lines.get(i++));
                }
                for (int k = 0; k < Math.max(dels.size(), adds.size()); k++) {
                    DiffLine d = k < dels.size() ? dels.get(k) : null;
                    DiffLine a = k < adds.size() ? adds.get(k) : null;
                    rows.add(new SplitRow("change", d == null ? null : d.oldLine(), d == null ? "" : d.text(), d == null ? "empty" : "del",
                            a == null ? null : a.newLine(), a == null ? "" : a.text(), a == null ? "empty" : "add"));
                }
            }
        }
        return rows;
    }
}
