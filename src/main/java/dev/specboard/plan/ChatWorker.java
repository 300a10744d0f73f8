package dev.specboard.plan;

import dev.specboard.kernel.LeaseLapses;
import dev.specboard.kernel.QuerySpaces;
import dev.specboard.web.DatabaseOutage;
import dev.specboard.assist.Assistant;
import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the assistant's chat answers off the request thread: claims a queued answer with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, asks the {@link Assistant} (streaming its tokens to the
 * chat pages), then stores the answer, or the failure (a model timeout or error) as a retryable
 * message, and wakes the requests of this instance that wait for it. Any number of app instances run it
 * side by side; an answer whose worker died is taken again after its lease, until it lapsed
 * {@link LeaseLapses#MAX} times (as syncs and jobs are): then it fails saying so.
 */
@ApplicationScoped
public class ChatWorker {

    private static final Logger LOG = Logger.getLogger(ChatWorker.class);

    @Inject
    EntityManager em;

    @Inject
    Assistant assistant;

    @Inject
    ChatStream stream;

    @Inject
    LiveUpdates live;

    @Inject
    ManagedExecutor executor;

    @Inject
    Event<ChatAnswered> answered;

    @ConfigProperty(name = "specboard.assistant.timeout-seconds", defaultValue = "60")
    int timeoutSeconds;

    private final String instanceId = "chat-" + UUID.randomUUID().toString().substring(0, 8);

    /** Starts on a question right after the request that asked it commits. */
    void onAsked(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatAsked event) {
        executor.runAsync(this::drain);
    }

    @Scheduled(every = "5s", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        drain();
    }

    /** Answers queued questions until none is left; answers how many it wrote. */
    public int drain() {
        int done = 0;
        try {
            giveUpOnAbandoned();
            Optional<Job> job;
            while (done < 20 && (job = claim()).isPresent()) {
                run(job.get());
                done++;
            }
        } catch (RuntimeException e) {
            DatabaseOutage.warn(LOG, "chat worker " + instanceId, e);
        }
        return done;
    }

    record Job(UUID answerId, UUID sessionId, UUID projectId, UUID askedBy, UUID planId) {
    }

    /**
     * Takes the oldest queued answer, or a running one whose worker let its lease expire (each claim counts an attempt, so
     * a running one has lapsed as often as it was claimed: one that lapsed {@link LeaseLapses#MAX} times is failed
     * instead), in one statement: {@code SKIP LOCKED} makes concurrent claimers pass over a row another is taking.
     */
    Optional<Job> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            UPDATE chat_answers SET status = 'running', locked_by = ?1, lease_until = now() + make_interval(secs => ?2),
                                   attempts = attempts + 1, updated_at = now()
                            WHERE id = (SELECT id FROM chat_answers WHERE (status = 'pending' OR (status = 'running' AND lease_until < now()))
                                        AND attempts < ?3 ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
                            RETURNING id, session_id, project_id, asked_by, (SELECT s.plan_id FROM chat_sessions s WHERE s.id = session_id)""")
                    .setParameter(1, instanceId).setParameter(2, leaseSeconds()).setParameter(3, LeaseLapses.MAX).getResultList();
            return rows.stream().findFirst().map(r -> new Job((UUID) r[0], (UUID) r[1], (UUID) r[2], (UUID) r[3], (UUID) r[4]));
        });
    }

    private int leaseSeconds() {
        return timeoutSeconds * 2 + 30;
    }

    /** Fails the answers whose lease lapsed too often: the next claim would likely stop the server again. */
    private void giveUpOnAbandoned() {
        @SuppressWarnings("unchecked")
        List<Object[]> dead = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        SELECT a.id, a.session_id, a.project_id, s.plan_id FROM chat_answers a JOIN chat_sessions s ON s.id = a.session_id
                        WHERE a.status = 'running' AND a.lease_until < now() AND a.attempts >= ?1""")
                .setParameter(1, LeaseLapses.MAX).getResultList());
        for (Object[] d : dead) {
            finish(new Job((UUID) d[0], (UUID) d[1], (UUID) d[2], null, (UUID) d[3]), null, LeaseLapses.REASON);
        }
    }

    private record Asked(Assistant.Question question) {
    }

    private void run(Job job) {
        Asked asked = QuarkusTransaction.requiringNew().call(() -> question(job));
        if (asked == null) {
            QuarkusTransaction.requiringNew().run(() -> {
                QuerySpaces.touching(em.createNativeQuery("DELETE FROM chat_answers WHERE id = ?1"), "chat_answers")
                        .setParameter(1, job.answerId()).executeUpdate();
                answered.fire(new ChatAnswered(job.answerId()));
            });
            return;
        }
        try {
            Assistant.Answer answer = assistant.answer(asked.question(), t -> stream.token(job.planId(), job.answerId(), t));
            finish(job, answer, null);
        } catch (RuntimeException e) {
            if (!(e instanceof dev.specboard.assist.AssistantUnavailableException)) {
                DatabaseOutage.warn(LOG, "the assistant on answer " + job.answerId(), e);
            }
            String reason = e instanceof dev.specboard.assist.AssistantUnavailableException ? e.getMessage()
                    : "The assistant failed (" + e.getClass().getSimpleName() + "); retry it.";
            finish(job, null, reason);
        }
    }

    /** The question the pending answer replies to, with the conversation before it; null when the answer is gone. */
    private Asked question(Job job) {
        ChatSession session = ChatSession.findById(job.sessionId());
        if (session == null) {
            return null;
        }
        List<ChatMessage> messages = ChatMessage.read(session.messages);
        int at = ChatService.indexOf(messages, job.answerId());
        if (at < 0 || !messages.get(at).pending()) {
            return null;
        }
        int q = at - 1;
        while (q >= 0 && !ChatMessage.USER.equals(messages.get(q).role())) {
            q--;
        }
        if (q < 0) {
            return null;
        }
        List<Assistant.Turn> history = ChatMessage.answeredTurns(messages.subList(0, q));
        String slug = (String) em.createNativeQuery("SELECT slug FROM projects WHERE id = ?1").setParameter(1, job.projectId()).getSingleResult();
        return new Asked(new Assistant.Question(job.projectId(), slug, job.askedBy(), messages.get(q).content(), history));
    }

    /** Stores the answer (or the failure) in the message and ends the job, if this worker still holds it. */
    private void finish(Job job, Assistant.Answer answer, String failure) {
        boolean written = QuarkusTransaction.requiringNew().call(() -> {
            // Wakes the requests waiting for this answer once the transaction has committed (ChatAnswerWaits).
            answered.fire(new ChatAnswered(job.answerId()));
            ChatSession session = em.find(ChatSession.class, job.sessionId(), LockModeType.PESSIMISTIC_WRITE);
            if (session == null) {
                return false;
            }
            List<ChatMessage> messages = ChatMessage.read(session.messages);
            int at = ChatService.indexOf(messages, job.answerId());
            if (at >= 0 && messages.get(at).pending()) {
                messages.set(at, answer != null
                        ? messages.get(at).answered(answer.text(), answer.sources().stream()
                        .map(s -> new ChatMessage.Source(s.kind(), s.title(), s.url(), s.snippet())).toList())
                        : messages.get(at).failedWith(failure));
                session.messages = ChatMessage.write(messages);
                session.updatedAt = Instant.now();
            }
            QuerySpaces.touching(em.createNativeQuery("UPDATE chat_answers SET status = ?2, lease_until = NULL, updated_at = now() WHERE id = ?1"), "chat_answers")
                    .setParameter(1, job.answerId()).setParameter(2, answer != null ? "complete" : "failed").executeUpdate();
            live.publish(LiveEvent.forProject("chat", job.projectId()));
            return true;
        });
        if (written) {
            stream.done(job.planId(), job.answerId());
        }
    }
}
