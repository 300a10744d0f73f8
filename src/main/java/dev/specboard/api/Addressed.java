package dev.specboard.api;

import dev.specboard.architecture.BoundedContext;
import dev.specboard.architecture.Component;
import dev.specboard.architecture.WorkSession;
import dev.specboard.design.ContextItem;
import dev.specboard.design.Page;
import dev.specboard.design.Thought;
import dev.specboard.project.Access;
import dev.specboard.repo.Repo;
import dev.specboard.spec.ImplementationTask;
import dev.specboard.spec.TechnicalSpec;
import dev.specboard.story.Story;
import dev.specboard.web.ApiException;

import java.util.UUID;

/**
 * Answers 404 for the thing an API change addresses before its body is judged: a member naming an unknown story, spec,
 * task and so on got the body's 422 first. Each check counts rows instead of loading the entity: an entity loaded here
 * would stay in the request's persistence context, and the answer read after the service's transaction would show it
 * as it was before the change.
 */
final class Addressed {

    private Addressed() {
    }

    static void story(Access access, int number) {
        exists(Story.count("projectId = ?1 and number = ?2", access.project().id, number), "No story " + Story.named(number) + " in this project");
    }

    static void spec(Access access, String key) {
        Integer number = TechnicalSpec.parseKey(key).orElse(null);
        exists(number == null ? 0 : TechnicalSpec.count("project = ?1 and specNumber = ?2", access.project(), number),
                "No spec " + key + " in this project");
    }

    static void task(Access access, String key) {
        exists(ImplementationTask.count("project = ?1 and taskKey = ?2", access.project(), ImplementationTask.requireKey(key)),
                "No task " + key + " in this project");
    }

    static void page(Access access, UUID id) {
        exists(Page.count("projectId = ?1 and id = ?2", access.project().id, id), "No such page in this project");
    }

    static void contextItem(Access access, UUID id) {
        exists(ContextItem.count("projectId = ?1 and id = ?2", access.project().id, id), "No such context item in this project");
    }

    static void thought(Access access, UUID id) {
        exists(Thought.count("projectId = ?1 and id = ?2", access.project().id, id), "No such thought in this project");
    }

    static void component(Access access, UUID id) {
        exists(Component.count("projectId = ?1 and id = ?2", access.project().id, id), "No such component in this project");
    }

    static void context(Access access, UUID id) {
        exists(BoundedContext.count("projectId = ?1 and id = ?2", access.project().id, id), "No such context in this project");
    }

    static void workSession(Access access, UUID id) {
        exists(WorkSession.count("projectId = ?1 and id = ?2", access.project().id, id), "No such work session in this project");
    }

    static void repository(Access access, String name) {
        exists(Repo.count("projectId = ?1 and name = ?2", access.project().id, name), "No repository named " + name);
    }

    private static void exists(long count, String message) {
        if (count == 0) {
            throw ApiException.notFound(message);
        }
    }
}
