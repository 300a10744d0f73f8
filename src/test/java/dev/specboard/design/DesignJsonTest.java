package dev.specboard.design;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.junit.jupiter.api.Test;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DesignJsonTest {

    record Unregistered(String name) {
    }

    @Test
    void everyTypeJacksonMeetsFromARegisteredTypeIsRegisteredToo() {
        Set<Class<?>> registered = Set.of(DesignJson.class.getAnnotation(RegisterForReflection.class).targets());
        Set<String> missing = new TreeSet<>();
        Deque<Type> todo = new ArrayDeque<>(registered);
        Set<Class<?>> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            Type t = todo.pop();
            if (t instanceof ParameterizedType p) {
                todo.add(p.getRawType());
                todo.addAll(List.of(p.getActualTypeArguments()));
            } else if (t instanceof GenericArrayType g) {
                todo.add(g.getGenericComponentType());
            } else if (t instanceof Class<?> c && c.isArray()) {
                todo.add(c.getComponentType());
            } else if (t instanceof Class<?> c && c.getName().startsWith("dev.specboard.") && seen.add(c)) {
                if (!registered.contains(c)) {
                    missing.add(c.getName());
                }
                if (c.isRecord()) {
                    for (RecordComponent rc : c.getRecordComponents()) {
                        todo.add(rc.getGenericType());
                    }
                }
                todo.add(c.getGenericSuperclass());
            }
        }
        assertEquals(Set.of(), missing, "reachable from DesignJson's types but not registered for reflection");
    }

    @Test
    void aTypeThatIsNotRegisteredIsRefusedBeforeANativeBuildWouldFail() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DesignJson.write(new Unregistered("n")));
        assertTrue(e.getMessage().contains("not registered"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> DesignJson.read("{\"name\":\"n\"}", Unregistered.class, null));
    }

    @Test
    void registeredRecordsGoThereAndBackWithSnakeCaseKeys() {
        FlowModel.Position p = new FlowModel.Position(12.5, 40);
        assertEquals(p, DesignJson.read(DesignJson.write(p), FlowModel.Position.class, null));
        FlowModel.Canvas c = new FlowModel.Canvas(Map.of("a", p));
        assertEquals(c, DesignJson.read(DesignJson.write(c), FlowModel.Canvas.class, null));
    }
}
