package dev.specboard.assist;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A small Java repository for the job tests, and waiting for the real background worker. */
@ApplicationScoped
public class JobTestSupport {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport repos;

    @Inject
    JobService service;

    @Inject
    JobWorker worker;

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

    /** The app committed to the fixture, added to the team's project as repository "app" and synced. */
    public Repo synced(TestData.Team t, GitFixture git) {
        commitApp(git);
        Repo repo = repos.add(t.project(), t.owner(), "app", git.url());
        if (repos.awaitLatest(repo).status != SyncStatus.SUCCESS) {
            throw new AssertionError("the first sync of " + git.url() + " failed");
        }
        return repo;
    }

    /** A new team whose project has the app synced. */
    public TestData.Team syncedTeam(GitFixture git) {
        TestData.Team t = data.team();
        synced(t, git);
        return t;
    }

    /**
     * Queues the member's DOCS job of the app's folder and, in the same transaction, lets a worker that
     * does not run it yet claim it with the given lease (a worker that will die, or a slow one).
     */
    public UUID docsJobClaimedBy(TestData.Team t, String workerId, int leaseSeconds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Access access = new Access(Project.findById(t.project().id), Role.MEMBER, t.member().id);
            AiJob job = service.create(access, AiJobType.DOCS, Map.of("repo", "app", "path", DIR));
            if (!worker.claimWithin(JobKind.AI, workerId, leaseSeconds, job.id).equals(Optional.of(job.id))) {
                throw new AssertionError("the worker could not claim the new job");
            }
            return job.id;
        });
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
