package dev.specboard.project;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProjectFieldsTest {

    @Test
    void referenceAppsAreSplitOnCommas() {
        VisionForm f = new VisionForm("", "", " Notion, Linear ,, Notion ", "", "");
        assertEquals(List.of("Notion", "Linear"), f.referenceAppList());
    }

    @Test
    void repositoryNameComesFromTheUrl() {
        assertEquals("app", ProjectService.repoName("https://example.com/team/app.git"));
        assertEquals("app", ProjectService.repoName("git@github.com:team/app.git"));
        assertEquals("app", ProjectService.repoName("/srv/git/app/"));
    }
}
