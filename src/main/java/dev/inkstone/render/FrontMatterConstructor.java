package dev.inkstone.render;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.Date;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** A safe YAML constructor that turns timestamps into ISO-8601 strings, so JSON output never depends on time zones. */
final class FrontMatterConstructor extends SafeConstructor {

    private static final Pattern DATE_ONLY = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$");

    FrontMatterConstructor(LoaderOptions options) {
        super(options);
        yamlConstructors.put(Tag.TIMESTAMP, new IsoTimestamp());
    }

    private final class IsoTimestamp extends AbstractConstruct {

        @Override
        public Object construct(Node node) {
            String raw = constructScalar((ScalarNode) node).trim();
            var match = DATE_ONLY.matcher(raw);
            if (match.matches()) {
                return LocalDate.of(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)),
                        Integer.parseInt(match.group(3))).toString();
            }
            // The stock construct understands every YAML timestamp spelling; keep its parsing, change the result.
            ConstructYamlTimestamp stock = new ConstructYamlTimestamp();
            Date date = (Date) stock.construct(node);
            Calendar calendar = stock.getCalendar();
            int offsetSeconds = calendar.getTimeZone().getOffset(date.getTime()) / 1000;
            return OffsetDateTime.ofInstant(date.toInstant(), ZoneOffset.ofTotalSeconds(offsetSeconds))
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    }
}
