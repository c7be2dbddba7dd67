package dev.inkstone.render;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.html.MutableAttributes;

/** Puts the page's heading ids on h1…h6 and rewrites relative links, reading both from the {@link PageContext}. */
final class PageHtmlExtension implements HtmlRenderer.HtmlRendererExtension {

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.attributeProviderFactory(new IndependentAttributeProviderFactory() {
            @Override
            public AttributeProvider apply(LinkResolverContext context) {
                return new HeadingIdProvider(PageContext.of(context.getDocument()));
            }
        });
        builder.linkResolverFactory(new IndependentLinkResolverFactory() {
            @Override
            public LinkResolver apply(LinkResolverBasicContext context) {
                return new RelativeLinkResolver(PageContext.of(context.getDocument()));
            }
        });
    }

    private record HeadingIdProvider(PageContext page) implements AttributeProvider {

        @Override
        public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
            if (page != null && node instanceof Heading && part == AttributablePart.NODE) {
                String id = page.headingIds().get(node);
                if (id != null) {
                    attributes.replaceValue("id", id);
                }
            }
        }
    }

    private record RelativeLinkResolver(PageContext page) implements LinkResolver {

        @Override
        public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
            boolean markdownLink = node instanceof Link || node instanceof LinkRef;
            boolean markdownImage = node instanceof Image || node instanceof ImageRef;
            if (page == null || !markdownLink && !markdownImage
                    || link.getLinkType() != LinkType.LINK && link.getLinkType() != LinkType.IMAGE) {
                return link;
            }
            LinkRewriter.Rewrite rewrite = page.rewriter().rewrite(link.getUrl(), markdownImage);
            return rewrite == null ? link : link.withUrl(rewrite.href()).withStatus(LinkStatus.VALID);
        }
    }
}
