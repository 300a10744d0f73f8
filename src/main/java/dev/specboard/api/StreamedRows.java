package dev.specboard.api;

import java.util.AbstractList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A list answered whole that is read while its JSON goes out, a batch of rows at a time: Jackson writes a list that is not
 * {@link java.util.RandomAccess} through its iterator, so the answer never holds more than one batch of rows whatever the
 * list's length (a chain of 5,000 thoughts read whole by thirty viewers at once ran the heap out when built in memory).
 * Each iteration reads the rows again; {@code size} is the count the answer's {@code X-Total-Count} gives.
 */
final class StreamedRows<B, T> extends AbstractList<T> {

    private final long size;
    private final Supplier<Iterator<List<B>>> batches;
    private final Function<List<B>, List<T>> rows;

    StreamedRows(long size, Supplier<Iterator<List<B>>> batches, Function<List<B>, List<T>> rows) {
        this.size = size;
        this.batches = batches;
        this.rows = rows;
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<List<B>> read = batches.get();
        return new Iterator<>() {
            private Iterator<T> batch = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!batch.hasNext() && read.hasNext()) {
                    batch = rows.apply(read.next()).iterator();
                }
                return batch.hasNext();
            }

            @Override
            public T next() {
                hasNext();
                return batch.next();
            }
        };
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
