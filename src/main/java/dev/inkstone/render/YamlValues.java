package dev.inkstone.render;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns what snakeyaml built into plain JSON-friendly values: string keys, lists, maps and simple scalars. */
final class YamlValues {

    private YamlValues() {
    }

    static Map<String, Object> normalizeMap(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            result.put(String.valueOf(entry.getKey()), normalize(entry.getValue()));
        }
        return result;
    }

    private static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            return Collections.unmodifiableMap(normalizeMap(map));
        }
        if (value instanceof Collection<?> collection) {
            return normalizeAll(collection);
        }
        if (value instanceof Object[] pairs) {
            // !!pairs and !!omap arrive as arrays of key/value arrays.
            return normalizeAll(List.of(pairs));
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Double number && !Double.isFinite(number)) {
            // JSON has no NaN or Infinity.
            return number.toString();
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigInteger || value instanceof Double) {
            return value;
        }
        return String.valueOf(value);
    }

    private static List<Object> normalizeAll(Collection<?> values) {
        List<Object> result = new ArrayList<>(values.size());
        for (Object value : values) {
            result.add(normalize(value));
        }
        return Collections.unmodifiableList(result);
    }
}
