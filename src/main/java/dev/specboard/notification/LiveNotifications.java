package dev.specboard.notification;

import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Tells the recipient's open pages about a new notification, on whichever instance they are connected. */
@ApplicationScoped
public class LiveNotifications {

    @Inject
    LiveUpdates live;

    void onCreated(@Observes NotificationCreated created) {
        live.publish(LiveEvent.forAccount("notification", created.accountId()));
    }
}
