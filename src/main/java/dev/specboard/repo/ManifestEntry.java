package dev.specboard.repo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One file of a manifest: what the file browser and the API show without opening the blob. A symbolic link has its target
 * ({@code linkTarget}, a path as {@link GitNames} writes one; null for any other file).
 */
public record ManifestEntry(String path, String blobSha, long size, String language, Integer lines, boolean binary, String linkTarget) {

    public ManifestEntry(String path, String blobSha, long size, String language, Integer lines, boolean binary) {
        this(path, blobSha, size, language, lines, binary, null);
    }

    public boolean symlink() {
        return linkTarget != null;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("blobSha", blobSha);
        m.put("size", size);
        m.put("language", language);
        m.put("lines", lines);
        m.put("binary", binary);
        if (linkTarget != null) {
            // Only on links, so a manifest without any is written (and hashed) as before.
            m.put("symlink", linkTarget);
        }
        return m;
    }

    static ManifestEntry fromJson(Map<?, ?> m) {
        Object lines = m.get("lines");
        return new ManifestEntry((String) m.get("path"), (String) m.get("blobSha"), ((Number) m.get("size")).longValue(),
                (String) m.get("language"), lines == null ? null : ((Number) lines).intValue(), Boolean.TRUE.equals(m.get("binary")),
                (String) m.get("symlink"));
    }

    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
