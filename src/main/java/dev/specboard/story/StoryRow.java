package dev.specboard.story;

/** One line of the story list, read without loading entities. */
public record StoryRow(int number, String title, String status, String review, boolean approved, boolean dirty,
                       int version, Integer approvedVersion) {

    public String key() {
        return Story.key(number);
    }

    public StoryStage stage() {
        return StoryStage.of(status, review);
    }
}
