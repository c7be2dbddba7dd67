package dev.inkstone.render;

import dev.inkstone.content.MarkupEngine;
import dev.inkstone.content.PageHeader;
import dev.inkstone.content.Problem;
import dev.inkstone.content.RenderedBody;
import dev.inkstone.content.TocItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The domain's {@link MarkupEngine}, backed by this package's front matter parser and flexmark renderer. */
public final class FlexmarkEngine implements MarkupEngine {

    private static final Pattern LINE = Pattern.compile("\\(line (\\d+)\\)|at line (\\d+)");

    private final FrontMatterParser frontMatter = new FrontMatterParser();
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Override
    public PageHeader readHeader(String sourcePath, String text) {
        try {
            FrontMatter parsed = frontMatter.parse(text);
            List<Problem> problems = new ArrayList<>();
            for (String warning : parsed.warnings()) {
                problems.add(new Problem(sourcePath, lineOf(warning), Problem.FRONT_MATTER, warning));
            }
            return new PageHeader(parsed.values(), parsed.body(), parsed.bodyStartLine(),
                    FirstHeading.of(parsed.body()), List.copyOf(problems), null);
        } catch (FrontMatterException e) {
            // The page is still served: its body is what follows the block that failed to parse.
            BodyAfterFrontMatter rest = BodyAfterFrontMatter.of(text);
            Problem problem = new Problem(sourcePath, e.line(), Problem.FRONT_MATTER,
                    "front matter does not parse (line " + e.line() + ", column " + e.column() + "): "
                            + e.getMessage());
            return new PageHeader(Map.of(), rest.body(), rest.startLine(), FirstHeading.of(rest.body()),
                    List.of(problem), new PageHeader.SyntaxError(e.line(), e.column(), e.getMessage()));
        }
    }

    @Override
    public RenderedBody render(PageHeader header, String sourcePath) {
        RenderResult result = renderer.render(header.body(), header.bodyStartLine(), sourcePath);
        List<TocItem> toc = result.toc().stream().map(e -> new TocItem(e.level(), e.id(), e.text())).toList();
        List<RenderedBody.LinkTarget> links = result.links().stream()
                .map(link -> new RenderedBody.LinkTarget(link.repoPath(), link.pagePath(), link.line()))
                .toList();
        List<Problem> problems = new ArrayList<>();
        for (String warning : result.warnings()) {
            String kind = warning.contains("escapes the repository") ? Problem.BROKEN_LINK : Problem.RENDER_LIMIT;
            problems.add(new Problem(sourcePath, lineOf(warning), kind, warning));
        }
        return new RenderedBody(result.html(), toc, links, List.copyOf(problems));
    }

    private static Integer lineOf(String warning) {
        Matcher matcher = LINE.matcher(warning);
        if (!matcher.find()) {
            return null;
        }
        return Integer.valueOf(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }
}
