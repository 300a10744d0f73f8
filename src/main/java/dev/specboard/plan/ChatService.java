package dev.specboard.plan;

import dev.specboard.account.Account;
import dev.specboard.assist.Assistant;
import dev.specboard.kernel.QuerySpaces;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.web.ApiException;
import dev.specboard.web.Markdown;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import dev.specboard.project.Membership;
import java.util.stream.IntStream;

/** A plan's chat: people post messages, each question queues the assistant's answer (written by {@link ChatWorker}); failed answers are retried. */
@ApplicationScoped
public class ChatService {

    @Inject
    PlanService plans;

    @Inject
    EntityManager em;

    @Inject
    Markdown markdown;

    @Inject
    Assistant assistant;

    @Inject
    Event<ChatAsked> asked;

    @Inject
    ChatAnswerWaits waits;

    /** An older version's chat stays readable as it was: a new message (or a retried answer) goes to the newest's. */
    private static final String CHAT_KEPT = "keep their chat as it was; ask in the chat of %s instead";

    @ConfigProperty(name = "specboard.chat.max-message-chars", defaultValue = "8000")
    int maxChars;

    @ConfigProperty(name = "specboard.assistant.timeout-seconds", defaultValue = "60")
    int timeoutSeconds;

    /** The chat of a plan version with its messages rendered. */
    @Transactional
    public ChatView view(Access access, UUID planId, String draft, String error) {
        Plan plan = plans.require(access, planId);
        Optional<ChatSession> session = ChatSession.forPlan(plan.id);
        List<ChatMessage> stored = session.map(s -> ChatMessage.read(s.messages)).orElse(List.of());
        List<String> html = Membership.mentionLinksOfMembersOnly(access.project(),
                stored.stream().map(m -> m.pending() || m.failed() ? "" : m.fromAssistant() ? markdown.render(m.content())
                        : markdown.renderAsTyped(m.content())).toList());
        List<ChatView.Message> messages = IntStream.range(0, stored.size())
                .mapToObj(i -> new ChatView.Message(stored.get(i), html.get(i))).toList();
        return new ChatView(plan, open(plan, session), assistant.usesModel(), messages, draft, error, maxChars, plans.newer(plan).orElse(null));
    }

    /** The chat's status and messages as stored. */
    @Transactional
    public Transcript transcript(Access access, UUID planId) {
        Plan plan = plans.require(access, planId);
        Optional<ChatSession> session = ChatSession.forPlan(plan.id);
        return new Transcript(session.map(s -> s.status).orElse(ChatSession.ACTIVE),
                session.map(s -> ChatMessage.read(s.messages)).orElse(List.of()));
    }

    public record Transcript(String status, List<ChatMessage> messages) {
    }

    /**
     * Waits, outside any transaction, until the answer is written or has failed (at most the model's timeout and
     * ten seconds more), then reads the chat once: the answer is still pending when the time ran out.
     */
    public Transcript transcriptOnceAnswered(Access access, UUID planId, UUID answerId) {
        waits.await(answerId, Duration.ofSeconds(timeoutSeconds + 10L));
        return transcript(access, planId);
    }

    /**
     * Stores a person's message and a pending answer of the assistant, and queues that answer (a job
     * row that any app instance may take); answers the id of the pending answer.
     */
    @Transactional
    public UUID ask(Access access, UUID planId, String content) {
        access.requireWrite(Role.MEMBER);
        Plan plan = plans.require(access, planId);
        plans.requireNewest(plan, CHAT_KEPT);
        String text = content == null ? "" : content.strip();
        if (text.isEmpty()) {
            throw ValidationException.of("content", "Write a message first");
        }
        if (text.length() > maxChars) {
            throw ValidationException.of("content", "A message is at most " + maxChars + " characters; this one has " + text.length());
        }
        ChatSession session = lockedSession(plan);
        if (!ChatSession.ACTIVE.equals(session.status)) {
            throw ApiException.conflict("This chat is closed: the plan is " + plan.status.value() + ".");
        }
        Account author = Account.findById(access.accountId());
        List<ChatMessage> messages = ChatMessage.read(session.messages);
        Instant now = Instant.now();
        messages.add(new ChatMessage(UUID.randomUUID(), ChatMessage.USER, text, author.username, author.id, now, ChatMessage.COMPLETE, null, null));
        UUID answerId = UUID.randomUUID();
        messages.add(new ChatMessage(answerId, ChatMessage.ASSISTANT, "", "assistant", null, now.plusMillis(1), ChatMessage.PENDING, null, null));
        session.messages = ChatMessage.write(messages);
        session.updatedAt = now;
        em.flush();
        QuerySpaces.touching(em.createNativeQuery("INSERT INTO chat_answers (id, session_id, project_id, asked_by) VALUES (?1, ?2, ?3, ?4)"),
                        "chat_answers")
                .setParameter(1, answerId).setParameter(2, session.id).setParameter(3, plan.projectId).setParameter(4, author.id)
                .executeUpdate();
        asked.fire(new ChatAsked(answerId));
        return answerId;
    }

    /** Asks the assistant again for an answer that failed (a model timeout or error); the question stays as it was. */
    @Transactional
    public UUID retry(Access access, UUID planId, UUID messageId) {
        access.requireWrite(Role.MEMBER);
        Plan plan = plans.require(access, planId);
        plans.requireNewest(plan, CHAT_KEPT);
        ChatSession session = lockedSession(plan);
        List<ChatMessage> messages = ChatMessage.read(session.messages);
        int at = indexOf(messages, messageId);
        if (at < 0 || !messages.get(at).fromAssistant()) {
            throw ApiException.notFound("No such answer in this chat");
        }
        if (!messages.get(at).failed()) {
            throw ApiException.conflict("Only a failed answer can be retried; this one is " + messages.get(at).status() + ".");
        }
        messages.set(at, messages.get(at).retried());
        session.messages = ChatMessage.write(messages);
        session.updatedAt = Instant.now();
        em.flush();
        QuerySpaces.touching(em.createNativeQuery("""
                INSERT INTO chat_answers (id, session_id, project_id, asked_by) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (id) DO UPDATE SET status = 'pending', attempts = 0, lease_until = NULL, locked_by = NULL, updated_at = now()"""),
                        "chat_answers")
                .setParameter(1, messageId).setParameter(2, session.id).setParameter(3, plan.projectId).setParameter(4, access.accountId())
                .executeUpdate();
        asked.fire(new ChatAsked(messageId));
        return messageId;
    }

    private ChatSession lockedSession(Plan plan) {
        // One session per plan version (a unique key): concurrent first messages meet on the insert.
        QuerySpaces.touching(em.createNativeQuery("INSERT INTO chat_sessions (plan_id, status) VALUES (?1, ?2) ON CONFLICT (plan_id) DO NOTHING"),
                        "chat_sessions")
                .setParameter(1, plan.id).setParameter(2, plan.status.open() ? ChatSession.ACTIVE : ChatSession.COMPLETED).executeUpdate();
        ChatSession session = ChatSession.forPlan(plan.id).orElseThrow();
        em.lock(session, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(session);
        return session;
    }

    private static boolean open(Plan plan, Optional<ChatSession> session) {
        return session.map(s -> ChatSession.ACTIVE.equals(s.status)).orElse(plan.status.open());
    }

    static int indexOf(List<ChatMessage> messages, UUID id) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
