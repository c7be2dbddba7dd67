package dev.inkstone.content;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnprocessableContentException(path + " is not valid UTF-8");
        }
    }
}
