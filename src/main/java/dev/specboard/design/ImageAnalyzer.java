package dev.specboard.design;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Images by their content, never their name: the format from the magic bytes (PNG, JPEG, WebP), the
 * dimensions, and the dominant colour palette (ImageIO; WebP through the TwelveMonkeys plugin, or, if
 * no reader decodes it, the dimensions read from its VP8/VP8L/VP8X header and no palette).
 */
public final class ImageAnalyzer {

    /**
     * Above this many pixels an image gets its size but no palette. The JDK's PNG and JPEG readers decode row by
     * row into the subsampled picture, so the cap bounds the time spent and libjpeg's native buffers (a progressive
     * JPEG keeps all its coefficients), not the heap.
     */
    static final long MAX_PIXELS = 40_000_000L;

    /**
     * The WebP reader builds a full-size raster even when asked to subsample, about 8 bytes a pixel with its work
     * arrays, and the server's heap is 160 MB (docker/jvm.options): this keeps one upload under ~50 MB.
     */
    static final long MAX_WEBP_PIXELS = 6_000_000L;

    /** The palette samples about this many pixels on the long side, so decoding builds no more than twice that. */
    static final int SAMPLE_SIDE = 150;

    private static volatile boolean scanned;

    private ImageAnalyzer() {
    }

    /** The image format the bytes start with: {@code png}, {@code jpeg} or {@code webp}. */
    public static Optional<String> format(byte[] data) {
        if (data == null || data.length < 12) {
            return Optional.empty();
        }
        if ((data[0] & 0xff) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G' && data[4] == 0x0d && data[5] == 0x0a
                && data[6] == 0x1a && data[7] == 0x0a) {
            return Optional.of("png");
        }
        if ((data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8 && (data[2] & 0xff) == 0xff) {
            return Optional.of("jpeg");
        }
        if (data[0] == 'R' && data[1] == 'I' && data[2] == 'F' && data[3] == 'F' && data[8] == 'W' && data[9] == 'E' && data[10] == 'B'
                && data[11] == 'P') {
            return Optional.of("webp");
        }
        return Optional.empty();
    }

    public static String contentType(String format) {
        return switch (format) {
            case "png" -> "image/png";
            case "jpeg" -> "image/jpeg";
            case "webp" -> "image/webp";
            default -> "application/octet-stream";
        };
    }

    /** Dimensions and palette of an image already known to be PNG, JPEG or WebP. */
    public static ContextAnalysis analyze(byte[] data, String format) {
        Decoded decoded = decode(data, format);
        if (decoded.sample() == null) {
            int[] size = decoded.width() != null ? new int[]{decoded.width(), decoded.height()} : "webp".equals(format) ? webpSize(data) : null;
            return new ContextAnalysis(List.of(), List.of(), List.of(), null, List.of("design"), size == null ? null : size[0],
                    size == null ? null : size[1], format, List.of(), decoded.note());
        }
        List<double[]> palette = palette(decoded.sample(), 6);
        List<String> colors = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (double[] p : palette) {
            colors.add(CssColors.hex((int) Math.round(p[0]), (int) Math.round(p[1]), (int) Math.round(p[2])));
            shares.add(Math.round(p[3] * 1000) / 1000d);
        }
        return new ContextAnalysis(List.of(), colors, shares, null, List.of("design"), decoded.width(), decoded.height(), format, List.of(), null);
    }

    /** The size from the image's header (null if no reader understood it) and a subsampled picture, or a note why there is none. */
    private record Decoded(Integer width, Integer height, BufferedImage sample, String note) {
    }

    private static final String UNDECODABLE = "The image could not be decoded, so its colour palette is unavailable.";

    /**
     * Reads the size from the header before decoding anything, because the header may claim any size (a 69-byte PNG
     * can say 12000 x 12000), then decodes only every n-th pixel of every n-th row, so that the picture built never
     * exceeds twice {@link #SAMPLE_SIDE} on its long side.
     */
    private static Decoded decode(byte[] data, String format) {
        if (!scanned) {
            ImageIO.scanForPlugins(); // registers the WebP reader from the application's class loader
            scanned = true;
        }
        Integer width = null;
        Integer height = null;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return new Decoded(null, null, null, UNDECODABLE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
                long cap = "webp".equals(format) ? MAX_WEBP_PIXELS : MAX_PIXELS;
                if ((long) width * height > cap) {
                    return new Decoded(width, height, null, "The image is " + width + " \u00d7 " + height + " pixels, more than the "
                            + cap / 1_000_000 + " million Specboard analyses, so its colour palette is unavailable.");
                }
                int step = Math.max(1, Math.max(width, height) / SAMPLE_SIDE);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return new Decoded(width, height, reader.read(0, param), null);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new Decoded(width, height, null, UNDECODABLE);
        }
    }

    /**
     * The dominant colours: pixels (sampled to about 150 px on the long side, transparent ones skipped)
     * grouped by 4 bits per channel, the biggest groups averaged, groups too close to a bigger one folded
     * into it. Each entry is red, green, blue and its share of the pixels.
     */
    static List<double[]> palette(BufferedImage image, int size) {
        int step = Math.max(1, Math.max(image.getWidth(), image.getHeight()) / 150);
        Map<Integer, long[]> buckets = new HashMap<>();
        long total = 0;
        for (int y = 0; y < image.getHeight(); y += step) {
            for (int x = 0; x < image.getWidth(); x += step) {
                int argb = image.getRGB(x, y);
                if ((argb >>> 24) < 128) {
                    continue;
                }
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                long[] acc = buckets.computeIfAbsent(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4), k -> new long[4]);
                acc[0] += r;
                acc[1] += g;
                acc[2] += b;
                acc[3]++;
                total++;
            }
        }
        List<long[]> sorted = new ArrayList<>(buckets.values());
        sorted.sort(Comparator.comparingLong((long[] a) -> a[3]).reversed());
        List<double[]> out = new ArrayList<>();
        for (long[] acc : sorted) {
            double[] c = {(double) acc[0] / acc[3], (double) acc[1] / acc[3], (double) acc[2] / acc[3], acc[3]};
            String hex = CssColors.hex((int) Math.round(c[0]), (int) Math.round(c[1]), (int) Math.round(c[2]));
            double[] near = out.stream().filter(o -> CssColors.distance(hex,
                    CssColors.hex((int) Math.round(o[0]), (int) Math.round(o[1]), (int) Math.round(o[2]))) < 10).findFirst().orElse(null);
            if (near != null) {
                near[3] += c[3];
            } else if (out.size() < size) {
                out.add(c);
            }
        }
        long all = total;
        out.forEach(c -> c[3] = all == 0 ? 0 : c[3] / all);
        out.sort(Comparator.comparingDouble((double[] c) -> c[3]).reversed());
        return out;
    }

    /** Width and height from a WebP file's first chunk (VP8 lossy, VP8L lossless or VP8X extended), or null. */
    static int[] webpSize(byte[] d) {
        if (d.length < 30) {
            return null;
        }
        String chunk = new String(d, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8 " -> {
                if ((d[23] & 0xff) != 0x9d || (d[24] & 0xff) != 0x01 || (d[25] & 0xff) != 0x2a) {
                    return null;
                }
                return new int[]{((d[26] & 0xff) | (d[27] & 0xff) << 8) & 0x3fff, ((d[28] & 0xff) | (d[29] & 0xff) << 8) & 0x3fff};
            }
            case "VP8L" -> {
                if ((d[20] & 0xff) != 0x2f) {
                    return null;
                }
                long bits = (d[21] & 0xffL) | (d[22] & 0xffL) << 8 | (d[23] & 0xffL) << 16 | (d[24] & 0xffL) << 24;
                return new int[]{(int) (bits & 0x3fff) + 1, (int) ((bits >> 14) & 0x3fff) + 1};
            }
            case "VP8X" -> {
                return new int[]{1 + ((d[24] & 0xff) | (d[25] & 0xff) << 8 | (d[26] & 0xff) << 16),
                        1 + ((d[27] & 0xff) | (d[28] & 0xff) << 8 | (d[29] & 0xff) << 16)};
            }
            default -> {
                return null;
            }
        }
    }
}
