package dev.specboard.preview;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** The index of a rendered bundle: its pages in order, each rendered to {@code pages/<index>.html}. */
@RegisterForReflection
public record PreviewManifest(String project, List<Entry> pages) {

    @RegisterForReflection
    public record Entry(int index, String name, String path, int version) {
    }
}
