package dev.inkstone.content;


/** Checks that bytes meant as Markdown are UTF-8 text, and decodes them. */
final class TextContent {

    private TextContent() {
    }

    static String decode(String path, byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                throw new UnprocessableContentException(path + " is not text (it contains NUL bytes)");
            }
        }
        return ContentBytes.utf8(bytes)
                .orElseThrow(() -> new UnprocessableContentException(path + " is not valid UTF-8"));
    }
}
