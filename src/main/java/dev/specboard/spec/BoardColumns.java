package dev.specboard.spec;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.specboard.project.Access;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The board's columns, rendered and kept per project, board version, filter, whether the viewer may move cards and
 * age window: a repeated view reads one counter instead of reading and rendering the cards again. Any change the
 * board shows moves the version in the database itself (migration V0330), so every app instance sees it at once and
 * never shows a stale board. Cards show their age ("3h"), so a rendering is kept only for the 30 s window it was made
 * in, the board's own poll interval. The viewer's CSRF token is no part of the kept rendering: it is put into each
 * move form when the columns go out.
 */
@ApplicationScoped
public class BoardColumns {

    /** Kept renderings at most, in characters: a board of six full columns is about 600,000, a usual one far less. */
    static final long KEPT_CHARS = 8L * 1024 * 1024;

    /** How long a rendering's card ages may stand: the board polls every 30 s to refresh them. */
    static final Duration AGE_WINDOW = Duration.ofSeconds(30);

    /** Stands for the viewer's CSRF token in a kept rendering; random per start, so no task's text can hold it. */
    static final String TOKEN_MARK = "sb-token-" + UUID.randomUUID();

    private static final Pattern TOKEN_SPLIT = Pattern.compile(Pattern.quote(TOKEN_MARK));

    /** The slug is part of the key because the cards' links carry it and a project can be renamed. */
    record Key(UUID projectId, String slug, long version, TaskBoardService.BoardFilter filter, boolean canMove, long ageWindow) {
    }

    /** A board's data (for the filters and the limits form) and its columns cut where the viewer's token goes. */
    record Kept(TaskBoardService.BoardView board, String[] parts, int length) {

        RawString columns(Supplier<String> token) {
            if (parts.length == 1) {
                return new RawString(parts[0]);
            }
            String t = token.get();
            StringBuilder b = new StringBuilder(length + (parts.length - 1) * t.length());
            b.append(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                b.append(t).append(parts[i]);
            }
            return new RawString(b.toString());
        }
    }

    /** The board and its columns rendered for this viewer. */
    public record Board(TaskBoardService.BoardView view, RawString columns) {
    }

    private final Cache<Key, Kept> kept = Caffeine.newBuilder()
            .maximumWeight(KEPT_CHARS).weigher((Key k, Kept v) -> v.length())
            .expireAfterWrite(AGE_WINDOW.multipliedBy(2)).build();

    @Inject
    TaskBoardService boards;

    /**
     * The board for the filter: kept columns while nothing on the board changed in this age window, else read and
     * rendered (by {@code template}, given the board and the token to write in each move form).
     */
    public Board get(Access access, TaskBoardService.BoardFilter filter, boolean canMove, Supplier<String> token,
                     BiFunction<TaskBoardService.BoardView, String, TemplateInstance> template) {
        UUID projectId = access.project().id;
        Key key = new Key(projectId, access.slug(), boards.version(projectId), filter, canMove,
                System.currentTimeMillis() / AGE_WINDOW.toMillis());
        Kept k = kept.getIfPresent(key);
        if (k == null) {
            // Read and rendered outside the cache's lock: two requests may both render on a miss, which is harmless.
            TaskBoardService.BoardView board = boards.board(access.project(), filter);
            String html = template.apply(board, TOKEN_MARK).render();
            k = new Kept(board, TOKEN_SPLIT.split(html, -1), html.length());
            kept.put(key, k);
        }
        return new Board(k.board(), k.columns(token));
    }
}
