package dev.specboard.api;

import dev.specboard.web.DatabaseOutage;
import dev.specboard.web.LoggedPath;
import dev.specboard.web.LoggedText;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.util.AbstractList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A list answered whole that is read while its JSON goes out, a batch of rows at a time: Jackson writes a list that is not
 * {@link java.util.RandomAccess} through its iterator, so the answer never holds more than one batch of rows whatever the
 * list's length (a chain of 5,000 thoughts read whole by thirty viewers at once ran the heap out when built in memory).
 * Each iteration reads the rows again; {@code size} is the count the answer's {@code X-Total-Count} gives.
 * <p>
 * A read that fails once rows went out (the database lost mid-answer) cannot change the answer's status any more: it is
 * logged here, saying what failed after how many rows, and the connection is closed without the answer's end, so the
 * reader gets a cut answer (never a shorter but valid JSON array) and knows to read again. A read that fails before any
 * row went out is thrown on, answered as any other failure.
 */
final class StreamedRows<B, T> extends AbstractList<T> {

    private static final Logger LOG = Logger.getLogger(StreamedRows.class);

    private final String what;
    private final RoutingContext request;
    private final Runnable afterCut;
    private final long size;
    private final Supplier<Iterator<List<B>>> batches;
    private final Function<List<B>, List<T>> rows;

    /**
     * {@code what}: the rows' name in the log ("the whole thinking chain's thoughts"); {@code request}: the answer cut on a
     * failure; {@code afterCut}: what the answer's end handlers do (a turn given back), run once it is cut, since a
     * response closed by the server calls none of them.
     */
    StreamedRows(String what, RoutingContext request, Runnable afterCut, long size, Supplier<Iterator<List<B>>> batches,
                 Function<List<B>, List<T>> rows) {
        this.what = what;
        this.request = request;
        this.afterCut = afterCut;
        this.size = size;
        this.batches = batches;
        this.rows = rows;
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<List<B>> read = batches.get();
        return new Iterator<>() {
            private Iterator<T> batch = Collections.emptyIterator();
            private long sent;
            private boolean cut;

            @Override
            public boolean hasNext() {
                if (cut) {
                    return false;
                }
                try {
                    while (!batch.hasNext() && read.hasNext()) {
                        batch = rows.apply(read.next()).iterator();
                    }
                } catch (RuntimeException e) {
                    if (sent == 0 && !request.response().headWritten()) {
                        throw e;
                    }
                    cut = true;
                    throw cut(e, sent);
                }
                return batch.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                sent++;
                return batch.next();
            }
        };
    }

    /**
     * Logs the read that failed after {@code sent} rows, closes the answer's connection before its end, and throws on a
     * closed channel: an I/O failure, which Jackson throws on as it is (it writes no array end after it, and the failure is
     * not taken for unreadable JSON), and which the answer's failure handling takes for the connection gone that it is.
     */
    private RuntimeException cut(RuntimeException e, long sent) {
        String message = "The stream of " + what + " to GET " + LoggedPath.of(request.request().path()) + " failed after " + sent
                + " of " + size + "; its connection is closed so that the reader sees the answer cut";
        if (DatabaseOutage.isCause(e) || DatabaseOutage.isBusy(e)) {
            LOG.warnf("%s: %s", message, LoggedText.of(LoggedPath.text(String.valueOf(e.getMessage()))));
        } else {
            LOG.error(message, LoggedPath.thrown(e));
        }
        try {
            request.response().reset();
        } finally {
            afterCut.run();
        }
        java.nio.channels.ClosedChannelException closed = new java.nio.channels.ClosedChannelException();
        closed.initCause(e);
        throw StreamedRows.<RuntimeException>unchecked(closed);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E unchecked(Throwable e) throws E {
        throw (E) e;
    }

    /** Rows are read in order only: reaching one by its index would read the list again up to it. */
    @Override
    public T get(int index) {
        int i = 0;
        for (T row : this) {
            if (i++ == index) {
                return row;
            }
        }
        throw new IndexOutOfBoundsException(index);
    }

    @Override
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, size);
    }
}
