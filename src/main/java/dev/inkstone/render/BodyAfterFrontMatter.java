package dev.inkstone.render;

/** Where a page's body starts when its front matter block is there but does not parse. */
record BodyAfterFrontMatter(String body, int startLine) {

    static BodyAfterFrontMatter of(String text) {
        String normalized = text.startsWith("\uFEFF") ? text.substring(1) : text;
        normalized = normalized.replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = normalized.split("\n", -1);
        if (lines.length == 0 || !lines[0].stripTrailing().equals("---")) {
            return new BodyAfterFrontMatter(normalized, 1);
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                StringBuilder body = new StringBuilder();
                for (int j = i + 1; j < lines.length; j++) {
                    body.append(lines[j]);
                    if (j < lines.length - 1) {
                        body.append('\n');
                    }
                }
                return new BodyAfterFrontMatter(body.toString(), i + 2);
            }
        }
        return new BodyAfterFrontMatter(normalized, 1);
    }
}
