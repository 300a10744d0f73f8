package dev.specboard.kernel;

import jakarta.persistence.Query;
import org.hibernate.query.NativeQuery;

/**
 * Names the tables a native update touches. Hibernate cannot tell them from the SQL, so a native update that names
 * none empties every region of the second-level cache (the projects the project policy keeps): every native update
 * names its tables (and those its triggers write), so that it leaves the kept projects alone ({@code NativeUpdatesTest}).
 */
public final class QuerySpaces {

    private QuerySpaces() {
    }

    /** The native query {@code query}, declared to touch only {@code tables}. */
    public static Query touching(Query query, String... tables) {
        NativeQuery<?> q = query.unwrap(NativeQuery.class);
        for (String table : tables) {
            q.addSynchronizedQuerySpace(table);
        }
        return query;
    }
}
