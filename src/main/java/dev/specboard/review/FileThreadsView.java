package dev.specboard.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A file's threads arranged for its page: open ones under their last line, the others at the file level. */
public record FileThreadsView(Map<Integer, List<ThreadView>> byLine, List<ThreadView> fileLevel, int openCount) {

    public static FileThreadsView arrange(List<ThreadView> threads, int lineCount) {
        Map<Integer, List<ThreadView>> byLine = new HashMap<>();
        List<ThreadView> fileLevel = new ArrayList<>();
        int open = 0;
        for (ThreadView t : threads) {
            if (t.isOpen() && t.lineEnd() <= lineCount) {
                byLine.computeIfAbsent(t.lineEnd(), k -> new ArrayList<>()).add(t);
                open++;
            } else {
                fileLevel.add(t);
            }
        }
        return new FileThreadsView(byLine, fileLevel, open);
    }

    public List<ThreadView> at(int line) {
        return byLine.getOrDefault(line, List.of());
    }
}
