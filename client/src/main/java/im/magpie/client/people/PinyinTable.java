package im.magpie.client.people;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;
import org.jspecify.annotations.Nullable;

/**
 * The toneless pinyin readings of a Chinese character (pinyin4j's table), every reading of a polyphonic one; ü is
 * written {@code v} as on a keyboard. Readings are cached per character, as one {@link SearchKeys.Unit} that every
 * name with the character shares.
 */
final class PinyinTable {
    private final HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
    private final ConcurrentHashMap<Character, Optional<SearchKeys.Unit>> cache = new ConcurrentHashMap<>();

    PinyinTable() {
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    /**
     * {@code c} as a name unit with its distinct readings in the table's order (the common one first), the same
     * instance every time; null when it has none.
     */
    SearchKeys.@Nullable Unit unit(char c) {
        return cache.computeIfAbsent(c, k -> {
                    List<String> readings = lookUp(k);
                    return readings.isEmpty()
                            ? Optional.empty()
                            : Optional.of(new SearchKeys.Unit(String.valueOf(k), readings));
                })
                .orElse(null);
    }

    private List<String> lookUp(char c) {
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, format);
            return all == null ? List.of() : Arrays.stream(all).distinct().toList();
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("pinyin format", e);
        }
    }
}
