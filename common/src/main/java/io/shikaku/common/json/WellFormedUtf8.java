package io.shikaku.common.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;

/**
 * A JSON factory whose parsers decode bytes with the JDK's UTF-8 decoder set to report malformed input, so that a body
 * that is not well-formed UTF-8 (RFC 8259 §8.1) fails with a {@link java.nio.charset.MalformedInputException}.
 * Jackson's own byte parser accepts overlong forms (C0 AF for '/') and encoded surrogates; a check made on the text
 * afterwards could not tell them from the real characters. Copies the factory it is made from: its features, limits
 * and codec.
 */
final class WellFormedUtf8 extends JsonFactory {

    private static final long serialVersionUID = 1L;

    WellFormedUtf8(JsonFactory original) {
        super(original, original.getCodec());
    }

    @Override
    public JsonFactory copy() {
        return new WellFormedUtf8(this);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        return _createParser(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), context);
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return _createParser(new ByteArrayInputStream(data, offset, length), context);
    }
}
