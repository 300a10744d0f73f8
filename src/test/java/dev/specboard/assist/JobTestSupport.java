package dev.specboard.assist;

import dev.specboard.repo.GitFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A small Java repository for the job tests, and waiting for the real background worker. */
@ApplicationScoped
public class JobTestSupport {

    public static final String GREETER = """
            package app;

            /** Greets people by name. */
            public class Greeter {

                private final String prefix;

                /** A greeter that starts every greeting with the prefix. */
                public Greeter(String prefix) {
                    this.prefix = prefix;
                }

                /** The greeting for one person. */
                public String greet(String name) {
                    return prefix + ", " + format(name);
                }

                static String format(String name) {
                    // greet nobody without a name
                    return name == null ? "nobody" : name.trim();
                }
            }
            """;

    public static final String APP = """
            package app;

            import java.util.List;

            /** The entry point. */
            public class App {

                public static void main(String[] args) {
                    Greeter greeter = new Greeter("Hello");
                    for (String name : List.of(args)) {
                        System.out.println(greeter.greet(name));
                    }
                    System.out.println("greet done");
                }
            }
            """;

    public static final String REGISTRY = """
            package app;

            import java.util.List;
            import java.util.function.Function;

            public class Registry {
                private final Greeter greeter = new Greeter("Hi");

                public Function<String, String> greeting() {
                    return greeter::greet;
                }

                /** Calls greet for everyone. */
                public int greetAll(List<String> names) {
                    names.forEach(n -> greeter.greet(n));
                    return names.size();
                }
            }
            """;

    public static final String DIR = "src/main/java/app";

    /** Commits the three Java files, a README and a script; answers the commit. */
    public static String commitApp(GitFixture git) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(DIR + "/Greeter.java", GREETER);
        files.put(DIR + "/App.java", APP);
        files.put(DIR + "/Registry.java", REGISTRY);
        files.put("README.md", "# App\n\nCall greet to greet someone.\n");
        files.put("scripts/hello.py", "def say_hello(name):\n    \"\"\"Says hello.\"\"\"\n    return 'hello ' + name\n");
        return git.commit("Greeter, App and Registry", files);
    }

    /** Waits until the job is finished (succeeded, failed or cancelled) and answers it. */
    public AiJob await(UUID id) {
        return (AiJob) awaitJob(JobKind.AI, id);
    }

    public RefactorJob awaitRefactor(UUID id) {
        return (RefactorJob) awaitJob(JobKind.REFACTOR, id);
    }

    private LeasedJob awaitJob(JobKind kind, UUID id) {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            LeasedJob job = QuarkusTransaction.requiringNew().call(() -> kind == JobKind.AI ? AiJob.findById(id) : RefactorJob.findById(id));
            if (job.status.isFinished()) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + id + " did not finish within 60 s");
    }
}
