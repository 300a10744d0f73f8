package dev.specboard.repo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which two addresses name the same repository, so that a project never adds and syncs it twice. */
class SameRepositoryUrlTest {

    @Test
    void trailingSlashesDotGitAndFileUrlsOfOneFolderAreTheSameRepository() {
        String path = "/srv/repos/weird";
        for (String other : new String[] {"/srv/repos/weird/", "/srv/repos/weird.git", "/srv/repos/weird/.git", "/srv/repos/weird/.git/",
                "file:///srv/repos/weird", "FILE:///srv/repos/weird/.git", " /srv/repos/weird// "}) {
            assertTrue(RepoService.sameUrl(path, other), other);
        }
        assertTrue(RepoService.sameUrl("https://git.example.com/team/app.git", "https://git.example.com/team/app/"));
    }

    @Test
    void otherFoldersAndHostsAreOtherRepositories() {
        assertFalse(RepoService.sameUrl("/srv/repos/weird", "/srv/repos/weirder"));
        assertFalse(RepoService.sameUrl("/srv/repos/weird", "/srv/repos"));
        assertFalse(RepoService.sameUrl("https://git.example.com/team/app", "https://git.example.org/team/app"));
        assertFalse(RepoService.sameUrl("/srv/repos/weird", null));
    }
}
