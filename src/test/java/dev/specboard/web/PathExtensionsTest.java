package dev.specboard.web;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PathExtensionsTest {

    @Test
    void eachSegmentIsPercentEncodedAndTheSlashesStay() {
        assertEquals("dir%20%231/100%25%20sure%3F.txt", PathExtensions.pathEncoded("dir #1/100% sure?.txt"));
        assertEquals("a%2Bb/%5Bv2%5D%20%26%20c%3Dd.md", PathExtensions.pathEncoded("a+b/[v2] & c=d.md"));
        assertEquals("src/main/App.java", PathExtensions.pathEncoded("src/main/App.java"));
        assertEquals("caf%C3%A9/%E6%97%A5%E6%9C%AC.md", PathExtensions.pathEncoded("café/日本.md"));
        assertEquals("", PathExtensions.pathEncoded(""));
        assertEquals("", PathExtensions.pathEncoded(null));
    }

    @Test
    void anEncodedPathReadsBackAsTheSamePath() {
        String path = "docs/Getting Started [v2]/a#b?c%d|e.md";
        URI uri = URI.create("/blob/" + PathExtensions.pathEncoded(path) + "?v=1#L3");
        assertEquals("/blob/" + path, uri.getPath());
        assertEquals("v=1", uri.getQuery());
        assertEquals("L3", uri.getFragment());
    }
}
