package dev.specboard.api;

import dev.specboard.repo.RepoSynced;
import dev.specboard.story.StoryApproved;
import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Puts the project events agents follow and no page published yet on the live bus: a story approved, a repository synced. */
@ApplicationScoped
public class ProjectEventRelay {

    @Inject
    LiveUpdates live;

    void onStoryApproved(@Observes StoryApproved e) {
        live.publish(LiveEvent.forProject("story", e.projectId()));
    }

    void onSynced(@Observes RepoSynced e) {
        live.publish(LiveEvent.forProject("sync", e.projectId()));
    }
}
