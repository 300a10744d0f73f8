package dev.specboard.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entity model as an SVG picture drawn on the server: one box per entity with its fields and types, a
 * line per relationship with its kind; each box links to the entity's section. Text is escaped; the picture
 * has a title and the page lists the same model as text for screen readers.
 */
public final class EntityPicture {

    static final int WIDTH = 220;
    static final int ROW = 18;
    static final int HEADER = 28;
    static final int GAP = 40;
    static final int COLUMNS = 3;

    private EntityPicture() {
    }

    public static String svg(List<InferredEntity> entities, String slug) {
        if (entities.isEmpty()) {
            return "";
        }
        Map<String, int[]> boxes = new HashMap<>();
        List<Integer> rowHeights = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            int row = i / COLUMNS;
            int h = HEADER + ROW * Math.max(1, entities.get(i).fieldMap().size()) + 8;
            if (rowHeights.size() <= row) {
                rowHeights.add(h);
            } else {
                rowHeights.set(row, Math.max(rowHeights.get(row), h));
            }
        }
        int y0 = GAP / 2;
        List<Integer> rowY = new ArrayList<>();
        for (int h : rowHeights) {
            rowY.add(y0);
            y0 += h + GAP;
        }
        int columns = Math.min(COLUMNS, entities.size());
        int width = columns * (WIDTH + GAP) + GAP / 2;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < entities.size(); i++) {
            InferredEntity e = entities.get(i);
            int x = GAP / 2 + (i % COLUMNS) * (WIDTH + GAP);
            int y = rowY.get(i / COLUMNS);
            int h = HEADER + ROW * Math.max(1, e.fieldMap().size()) + 8;
            boxes.put(e.entityName, new int[] {x, y, WIDTH, h});
        }
        for (InferredEntity e : entities) {
            int[] from = boxes.get(e.entityName);
            for (EntityModel.Relationship r : e.relationshipList()) {
                int[] to = boxes.get(r.targetEntity());
                if (to == null) {
                    continue;
                }
                int x1 = from[0] + from[2] / 2;
                int y1 = from[1] + from[3] / 2;
                int x2 = to[0] + to[2] / 2;
                int y2 = to[1] + to[3] / 2;
                body.append("<g class=\"relationship\"><line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"").append(x2)
                        .append("\" y2=\"").append(y2).append("\" stroke=\"#59616b\" stroke-width=\"1.5\" marker-end=\"url(#entity-arrow)\"/>")
                        .append("<text x=\"").append((x1 + x2) / 2).append("\" y=\"").append((y1 + y2) / 2 - 4)
                        .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1f2933\">").append(esc(r.type().replace('_', ' '))).append("</text></g>");
            }
        }
        for (InferredEntity e : entities) {
            int[] b = boxes.get(e.entityName);
            body.append("<a href=\"#entity-").append(e.id).append("\" class=\"entity-node\"><title>").append(esc(e.entityName)).append("</title>")
                    .append("<rect x=\"").append(b[0]).append("\" y=\"").append(b[1]).append("\" width=\"").append(b[2]).append("\" height=\"").append(b[3])
                    .append("\" rx=\"6\" fill=\"").append(e.userConfirmed ? "#e3f3e6" : "#f0f2f4").append("\" stroke=\"")
                    .append(e.userConfirmed ? "#1e7a3c" : "#59616b").append("\" stroke-width=\"1.5\"/>")
                    .append("<text x=\"").append(b[0] + 10).append("\" y=\"").append(b[1] + 19).append("\" font-weight=\"bold\" font-size=\"14\" fill=\"#1f2933\">")
                    .append(esc(e.entityName)).append("</text>")
                    .append("<text x=\"").append(b[0] + b[2] - 10).append("\" y=\"").append(b[1] + 19)
                    .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#3d4852\">").append(Math.round(e.confidenceScore * 100)).append("%</text>");
            int y = b[1] + HEADER + 12;
            for (Map.Entry<String, EntityModel.Field> f : e.fieldMap().entrySet()) {
                body.append("<text x=\"").append(b[0] + 10).append("\" y=\"").append(y).append("\" font-size=\"12\" fill=\"#1f2933\">")
                        .append(esc(f.getKey())).append(f.getValue().mandatory() ? "*" : "").append(" : ").append(esc(f.getValue().type())).append("</text>");
                y += ROW;
            }
            body.append("</a>");
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"entity-picture\" role=\"group\" aria-labelledby=\"entity-picture-title\" viewBox=\"0 0 "
                + width + " " + y0 + "\" width=\"" + width + "\" height=\"" + y0 + "\"><title id=\"entity-picture-title\">Entity model of " + esc(slug)
                + ": " + entities.size() + " entities</title><defs><marker id=\"entity-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                + "markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#59616b\"/></marker></defs>"
                + body + "</svg>";
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
