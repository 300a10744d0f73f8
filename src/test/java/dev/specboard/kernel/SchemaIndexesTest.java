package dev.specboard.kernel;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The migrated schema keeps no index that another one makes useless: every index is one more entry to write on each
 * insert and on each update that is not HOT (a task's claim updates every index of its table).
 */
@QuarkusTest
class SchemaIndexesTest {

    @Inject
    EntityManager em;

    private record Index(String table, String name, boolean unique, int[] keys, int[] options) {
    }

    @Test
    void noPlainIndexIsTheLeadingPartOfAnother() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT CAST(i.indrelid AS regclass)::text, CAST(i.indexrelid AS regclass)::text, i.indisunique,
                       i.indkey::text, i.indoption::text
                FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND am.amname = 'btree' AND i.indpred IS NULL AND i.indexprs IS NULL""")
                .getResultList();
        List<Index> indexes = rows.stream().map(r -> new Index((String) r[0], (String) r[1], (Boolean) r[2],
                numbers((String) r[3]), numbers((String) r[4]))).toList();

        List<String> redundant = new ArrayList<>();
        for (Index a : indexes) {
            for (Index b : indexes) {
                if (a != b && !a.unique() && a.table().equals(b.table()) && leads(a, b)) {
                    redundant.add(a.name() + " (leading part of " + b.name() + ")");
                }
            }
        }
        assertEquals(List.of(), redundant);
    }

    @Test
    void everyForeignKeyLeadsAnIndex() {
        // Otherwise deleting (or re-keying) a referred row reads the whole referring table to check or cascade.
        @SuppressWarnings("unchecked")
        List<Object[]> keys = em.createNativeQuery("""
                SELECT CAST(c.conrelid AS regclass)::text, c.conname, array_to_string(c.conkey, ' ') FROM pg_constraint c
                WHERE c.contype = 'f' AND c.connamespace = CAST(current_schema() AS regnamespace)""").getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> indexes = em.createNativeQuery("""
                SELECT CAST(i.indrelid AS regclass)::text, i.indkey::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE c.relnamespace = CAST(current_schema() AS regnamespace) AND i.indexprs IS NULL""").getResultList();

        List<String> unindexed = new ArrayList<>();
        for (Object[] key : keys) {
            Set<Integer> columns = Arrays.stream(numbers((String) key[2])).boxed().collect(Collectors.toSet());
            boolean led = indexes.stream().anyMatch(i -> i[0].equals(key[0]) && leadingSet(numbers((String) i[1]), columns.size())
                    .equals(columns));
            if (!led) {
                unindexed.add(key[0] + "." + key[1]);
            }
        }
        assertEquals(List.of(), unindexed);
    }

    @Test
    void specTextIsIndexedOnceForSearch() {
        // Search matches the stored vector (V0521); an index over another expression of the same text is never read.
        @SuppressWarnings("unchecked")
        List<String> fullText = em.createNativeQuery("""
                SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'technical_specs'
                  AND indexdef LIKE '%USING gin%' ORDER BY indexname""").getResultList();
        assertEquals(List.of("technical_specs_search_idx"), fullText);
    }

    private static Set<Integer> leadingSet(int[] keys, int count) {
        return keys.length < count ? Set.of() : Arrays.stream(keys, 0, count).boxed().collect(Collectors.toSet());
    }

    /** Whether b's leading columns are a's, in a's order both ways (b read forwards or backwards). */
    private static boolean leads(Index a, Index b) {
        if (a.keys().length > b.keys().length) {
            return false;
        }
        boolean forwards = true;
        boolean backwards = true;
        for (int i = 0; i < a.keys().length; i++) {
            if (a.keys()[i] != b.keys()[i]) {
                return false;
            }
            // indoption: bit 0 DESC, bit 1 NULLS FIRST; a backward scan flips both.
            forwards &= a.options()[i] == b.options()[i];
            backwards &= a.options()[i] == (b.options()[i] ^ 3);
        }
        return forwards || backwards;
    }

    private static int[] numbers(String vector) {
        return Arrays.stream(vector.trim().split(" +")).mapToInt(Integer::parseInt).toArray();
    }
}
