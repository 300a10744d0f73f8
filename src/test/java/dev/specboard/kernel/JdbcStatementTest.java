package dev.specboard.kernel;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JdbcStatementTest {

    @Test
    void numberedParametersBecomePositionalOnesBoundByNumberEachTimeTheyAppear() throws Exception {
        JdbcStatement s = JdbcStatement.numbered("SELECT ?2, ?10 FROM t WHERE a = ?1 AND b = ?2 AND c::text = '?' AND d = ?1");
        List<Object> bound = new ArrayList<>();
        PreparedStatement ps = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setObject")) {
                        bound.add(args[1]);
                    }
                    return null;
                });
        s.bind(ps, new Object[] {"one", "two", null, null, null, null, null, null, null, "ten"});
        assertEquals("SELECT ?, ? FROM t WHERE a = ? AND b = ? AND c::text = '?' AND d = ?", s.sql());
        assertEquals(List.of("two", "ten", "one", "two", "one"), bound);
    }
}
