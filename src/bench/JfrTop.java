import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sums up a JDK Flight Recorder file of the benchmark: where the sampled CPU time of the request
 * threads went, as self time per method and as time inside each method (counted once per sample).
 * Usage: {@code java src/bench/JfrTop.java app.jfr [rows] [thread-name-part] [focus]}: with a focus
 * (a method, {@code Class.method}) only the samples inside it count, and the callees it spends on are listed.
 */
public class JfrTop {

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java src/bench/JfrTop.java FILE.jfr [rows=40] [thread-name-part|-] [focus Class.method]");
            System.exit(2);
        }
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        String threadPart = args.length > 2 && !args[2].equals("-") ? args[2] : null;
        String focus = args.length > 3 ? args[3] : null;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inside = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            if (thread == null || (threadPart != null && !thread.contains(threadPart))) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = st.getFrames();
            if (focus != null) {
                int at = -1;
                for (int i = frames.size() - 1; i >= 0 && at < 0; i--) {
                    if (name(frames.get(i)).equals(focus)) {
                        at = i;
                    }
                }
                if (at < 0) {
                    continue;
                }
                frames = frames.subList(0, at + 1);
            }
            samples++;
            threads.merge(thread.replaceAll("[-#0-9]+$", ""), 1, Integer::sum);
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (seen.add(n)) {
                    inside.merge(n, 1, Integer::sum);
                }
            }
        }
        System.out.printf("%d samples%s%n%nthreads:%n", samples, focus == null ? "" : " inside " + focus);
        print(threads, samples, 10);
        System.out.printf("%nself time:%n");
        print(self, samples, rows);
        if (focus != null) {
            System.out.printf("%ntime inside:%n");
            print(inside, samples, rows * 2);
            return;
        }
        System.out.printf("%ntime inside (our code, Qute, Hibernate, JDBC, Vert.x, Jackson, security):%n");
        Map<String, Integer> ours = new HashMap<>();
        inside.forEach((k, v) -> {
            if (k.startsWith("dev.specboard") || k.startsWith("io.quarkus.qute") || k.startsWith("org.hibernate")
                    || k.startsWith("org.postgresql") || k.startsWith("io.vertx") || k.startsWith("com.fasterxml")
                    || k.startsWith("io.quarkus.security") || k.startsWith("io.quarkus.vertx.http")
                    || k.startsWith("org.commonmark") || k.startsWith("org.owasp") || k.startsWith("io.agroal")) {
                ours.put(k, v);
            }
        });
        print(ours, samples, rows * 2);
    }

    static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    static void print(Map<String, Integer> counts, int total, int rows) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
                .forEach(en -> System.out.printf("%6.1f%%  %6d  %s%n", 100.0 * en.getValue() / Math.max(1, total), en.getValue(), en.getKey()));
    }
}
