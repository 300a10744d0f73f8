package dev.specboard.assist;

import java.util.ArrayList;
import java.util.List;

/**
 * The limits of a DOCS job's outline: the result is stored, sent whole by the API and rendered whole on the job page, so a
 * large scope (600 files made a 6 MB result, and two readers at once ran a 160 MB heap out) keeps its first files up to
 * these limits and counts what it left out.
 */
final class OutlineBudget {

    /** Files outlined in one result. */
    static final int MAX_FILES = 100;
    /** Declarations (members included) kept of one file. */
    static final int MAX_ENTRIES_PER_FILE = 40;
    /** Declarations kept in all. */
    static final int MAX_ENTRIES = 1_000;
    /** Characters of the kept signatures and doc comments in all. */
    static final int MAX_CHARS = 150_000;
    /** Characters kept of one doc comment. */
    static final int MAX_DOC = 400;
    static final int MAX_CALLS = 300;
    /** Unread files named; the rest are counted. */
    static final int MAX_SKIPPED = 50;

    /** What the outline keeps, and how much it left out. */
    record Bounded(List<CodeOutline> files, List<DocsOutline.CallLink> calls, List<String> skipped, DocsOutline.Omitted omitted) {
    }

    private OutlineBudget() {
    }

    /**
     * The public outlines of the files in order until a limit is reached (the files after it left out whole, so that a
     * narrower path picks up where this one stops), each cut to its first declarations; the first calls and unread files.
     */
    static Bounded apply(List<CodeOutline> outlines, List<DocsOutline.CallLink> calls, List<String> skipped) {
        List<CodeOutline> kept = new ArrayList<>();
        int entries = 0;
        int chars = 0;
        int filesLeft = 0;
        int entriesLeft = 0;
        for (CodeOutline o : outlines) {
            List<CodeOutline.Declaration> exported = o.exported();
            int all = count(exported);
            if (filesLeft > 0 || kept.size() >= MAX_FILES) {
                filesLeft++;
                entriesLeft += all;
                continue;
            }
            int[] room = {Math.min(MAX_ENTRIES_PER_FILE, MAX_ENTRIES - entries)};
            List<CodeOutline.Declaration> cut = cut(exported, room);
            int n = count(cut);
            int size = size(cut);
            if ((n == 0 && all > 0) || chars + size > MAX_CHARS) {
                filesLeft++;
                entriesLeft += all;
                continue;
            }
            kept.add(new CodeOutline(o.path(), o.language(), o.parser(), cut, List.of(), o.problem()));
            entries += n;
            chars += size;
            entriesLeft += all - n;
        }
        List<DocsOutline.CallLink> keptCalls = calls.size() > MAX_CALLS ? List.copyOf(calls.subList(0, MAX_CALLS)) : calls;
        List<String> keptSkipped = skipped.size() > MAX_SKIPPED ? List.copyOf(skipped.subList(0, MAX_SKIPPED)) : skipped;
        DocsOutline.Omitted omitted = new DocsOutline.Omitted(outlines.size(), filesLeft, entriesLeft, calls.size() - keptCalls.size(),
                skipped.size() - keptSkipped.size());
        return new Bounded(kept, keptCalls, keptSkipped, omitted.any() ? omitted : null);
    }

    /** The declarations depth first while there is room, their doc comments shortened. */
    private static List<CodeOutline.Declaration> cut(List<CodeOutline.Declaration> ds, int[] room) {
        List<CodeOutline.Declaration> out = new ArrayList<>();
        for (CodeOutline.Declaration d : ds) {
            if (room[0] <= 0) {
                break;
            }
            room[0]--;
            String doc = d.doc() != null && d.doc().length() > MAX_DOC ? d.doc().substring(0, MAX_DOC - 1) + "…" : d.doc();
            out.add(new CodeOutline.Declaration(d.kind(), d.name(), d.signature(), doc, d.line(), d.endLine(), d.exported(),
                    cut(d.members(), room)));
        }
        return out;
    }

    private static int count(List<CodeOutline.Declaration> ds) {
        return ds.stream().mapToInt(d -> d.flatten().size()).sum();
    }

    private static int size(List<CodeOutline.Declaration> ds) {
        return ds.stream().flatMap(d -> d.flatten().stream())
                .mapToInt(d -> d.signature().length() + (d.doc() == null ? 0 : d.doc().length())).sum();
    }
}
