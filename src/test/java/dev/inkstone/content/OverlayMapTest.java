package dev.inkstone.content;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OverlayMapTest {

    /** A chain of replacements reads exactly like a plain map given the same puts, in the base's order. */
    @Test
    void chainedReplacementsEqualAPlainMap() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            int size = 1 + random.nextInt(400);
            List<Integer> edits = new ArrayList<>();
            for (int i = random.nextInt(60); i > 0; i--) {
                edits.add(random.nextInt(10_000));
            }
            chainOfReplacements(size, edits);
        }
    }

    private static void chainOfReplacements(int size, List<Integer> edits) {
        Map<String, Integer> base = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            base.put("k" + i, i);
        }
        Map<String, Integer> expected = new LinkedHashMap<>(base);
        Map<String, Integer> overlaid = base;
        for (int edit : edits) {
            String key = "k" + edit % size;
            expected.put(key, -edit);
            overlaid = OverlayMap.replacing(overlaid, Map.of(key, -edit));
            assertThat(overlaid.get(key)).isEqualTo(-edit);
        }
        assertThat(overlaid).containsExactlyEntriesOf(expected);
        assertThat(new ArrayList<>(overlaid.keySet())).isEqualTo(new ArrayList<>(base.keySet()));
        assertThat(overlaid).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(overlaid.containsKey("absent")).isFalse();
        assertThat(overlaid.get("absent")).isNull();
    }

    @Test
    void aFewReplacementsOfALargeMapShareItAndManyAreCopiedFlat() {
        Map<String, Integer> base = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            base.put("k" + i, i);
        }
        Map<String, Integer> overlaid = base;
        for (int i = 0; i < 1000 / OverlayMap.FLATTEN_SHARE; i++) {
            overlaid = OverlayMap.replacing(overlaid, Map.of("k" + i, -i));
            assertThat(overlaid).isInstanceOf(OverlayMap.class);
        }
        overlaid = OverlayMap.replacing(overlaid, Map.of("k999", -999));
        assertThat(overlaid).isNotInstanceOf(OverlayMap.class).containsEntry("k999", -999).containsEntry("k0", 0)
                .containsEntry("k1", -1).hasSize(1000);
        // Later overlays build on the flat copy, not on the first base.
        assertThat(OverlayMap.replacing(overlaid, Map.of("k5", 5))).isInstanceOf(OverlayMap.class)
                .containsEntry("k999", -999);
    }

    @Test
    void refusesToAddKeysAndToBeChanged() {
        Map<String, Integer> base = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            base.put("k" + i, i);
        }
        assertThatThrownBy(() -> OverlayMap.replacing(base, Map.of("new", 1)))
                .isInstanceOf(IllegalArgumentException.class);
        Map<String, Integer> overlaid = OverlayMap.replacing(base, Map.of("k1", 10));
        assertThatThrownBy(() -> overlaid.put("k2", 3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> overlaid.keySet().remove("k2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> {
            var entries = overlaid.entrySet().iterator();
            entries.next();
            entries.remove();
        }).isInstanceOf(UnsupportedOperationException.class);
        assertThat(base).containsEntry("k1", 1);
    }
}
