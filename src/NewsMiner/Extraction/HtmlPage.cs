using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NewsMiner.Text;

namespace NewsMiner.Extraction;

/// <summary>The metadata one HTML page declares about itself (meta tags, JSON-LD, time elements, links).</summary>
internal sealed record PageMetadata(
    string? HeadingTitle,
    string? MetaTitle,
    IReadOnlyList<string> Headings,
    DateTimeOffset? MetaPublished,
    DateTimeOffset? JsonLdPublished,
    DateTimeOffset? TimeElementPublished,
    string? MetaAuthor,
    string? JsonLdAuthor,
    string? CanonicalUrl,
    string? Language,
    string? JsonLdArticleBody);

/// <summary>
/// Finds the article body of an HTML page by scoring blocks (text length, commas, link density, class/id hints) and
/// turns it into lines; the parts of the body it skips are reported with a reason.
/// </summary>
internal sealed class HtmlPage
{
    // Where CMSs put the publication time, most specific first.
    private static readonly string[] PublishedMetaSelectors =
    [
        "meta[property='article:published_time']", "meta[name='article:published_time']", "meta[itemprop='datePublished']",
        "meta[property='og:published_time']", "meta[name='pubdate']", "meta[name='publishdate']", "meta[name='publish-date']",
        "meta[name='dc.date.issued']", "meta[name='DC.date.issued']", "meta[name='date']", "meta[property='og:updated_time']",
    ];

    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "head", "meta", "link", "button", "select", "input",
        "textarea", "object", "embed", "canvas", "map", "video", "audio", "img", "picture", "source",
        // Ruby annotations: the reading printed above the characters, not part of the sentence.
        "rt", "rp",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "tbody", "thead", "tfoot", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption",
        "pre", "address", "form", "fieldset", "center", "hr", "caption",
    };

    private static readonly Regex IsoOffset = new("(?:Z|[+-]\\d{2}:?\\d{2})$", RegexOptions.CultureInvariant, ExtractionLexicon.RegexTimeout);

    /// <summary>Text measures of one element, taken in a single walk so scoring never re-reads a subtree.</summary>
    private sealed class Stats
    {
        public int Text;
        public int Link;
        public int Links;
        public int Commas;
        public int OwnText;
        public int OwnCommas;
        public bool HasBlockChild;
        public bool Unlikely;
        public bool ChromeNamed;
    }

    private readonly ExtractionLexicon lexicon;
    private readonly DateLineReader dates;
    private readonly IHtmlDocument document;
    private readonly Dictionary<IElement, Stats> stats = new();
    private readonly List<IElement> scorable = [];
    private readonly List<IElement> order = [];
    private readonly Dictionary<IElement, int> orderIndex = new();
    private readonly List<IElement> metas = [];
    private readonly List<IElement> jsonLd = [];
    private readonly List<IElement> times = [];
    private readonly List<IElement> headingElements = [];
    private string? canonicalHref;
    private string? headTitle;

    private readonly int previewChars;

    public HtmlPage(string html, ExtractionLexicon lexicon, int previewChars = 80)
    {
        this.lexicon = lexicon;
        this.previewChars = previewChars;
        dates = new DateLineReader(lexicon);
        document = new HtmlParser().ParseDocument(HtmlPrefilter.Strip(html));
        if (document.DocumentElement is { } root)
        {
            Measure(root, inLink: false, visible: true, unlikelyAbove: false);
            // A wrapper named like chrome ("above-footer", "page-bottom") that holds most of the page's text is
            // layout, not chrome: its paragraphs vote again. Rare, so the second walk runs only then.
            var total = document.Body is { } body ? StatsOf(body).Text : 0;
            foreach (var wrapper in chromeRoots)
            {
                if (total > 0 && StatsOf(wrapper).Text * 2 >= total) MarkUnlikely(wrapper, unlikelyAbove: false, layout: wrapper);
            }
        }
    }

    private readonly List<IElement> chromeRoots = [];

    private void MarkUnlikely(IElement e, bool unlikelyAbove, IElement? layout)
    {
        if (!stats.TryGetValue(e, out var st)) return;
        st.Unlikely = unlikelyAbove || (st.ChromeNamed && e != layout);
        foreach (var child in e.Children) MarkUnlikely(child, st.Unlikely, null);
    }

    private static readonly Stats Empty = new();

    private Stats StatsOf(IElement e) => stats.TryGetValue(e, out var s) ? s : Empty;

    // One walk over the whole tree: text, link text and comma counts per element, plus the elements the metadata
    // reader needs, so nothing later runs a selector over the document.
    private Stats Measure(IElement e, bool inLink, bool visible, bool unlikelyAbove)
    {
        var st = new Stats();
        var name = e.LocalName;
        switch (name)
        {
            case "meta":
                metas.Add(e);
                break;
            case "script":
                if ((e.GetAttribute("type") ?? string.Empty).Contains("ld+json", StringComparison.OrdinalIgnoreCase)) jsonLd.Add(e);
                return st;
            case "time":
                if (e.HasAttribute("datetime")) times.Add(e);
                break;
            case "link":
                if (canonicalHref is null && string.Equals(e.GetAttribute("rel"), "canonical", StringComparison.OrdinalIgnoreCase))
                    canonicalHref = e.GetAttribute("href");
                break;
            case "title":
                headTitle ??= e.TextContent;
                break;
            case "h1" or "h2" or "h3":
                if (visible) headingElements.Add(e);
                break;
        }
        if (Invisible.Contains(name) || IsHidden(e)) visible = false;
        if (visible)
        {
            st.ChromeNamed = name is not ("body" or "html" or "article" or "main") && HintsOf(e) is { ChromeNamed: true, Positive: false };
            st.Unlikely = unlikelyAbove || st.ChromeNamed;
            if (st.ChromeNamed && !unlikelyAbove) chromeRoots.Add(e);
            orderIndex[e] = order.Count;
            order.Add(e);
        }
        // Only a link that goes somewhere makes text "link text"; <a name> anchors wrap headings and whole sections.
        var isAnchor = name == "a" && e.HasAttribute("href");
        var isLink = inLink || isAnchor;
        if (isAnchor) st.Links = 1;
        foreach (var node in e.ChildNodes)
        {
            if (node.NodeType == NodeType.Text)
            {
                if (!visible) continue;
                var (len, commas) = Measure(node.TextContent);
                st.Text += len;
                st.OwnText += len;
                st.Commas += commas;
                st.OwnCommas += commas;
                if (isLink) st.Link += len;
            }
            else if (node is IElement child)
            {
                var c = Measure(child, isLink, visible, st.Unlikely);
                st.Text += c.Text;
                st.Link += c.Link;
                st.Links += c.Links;
                st.Commas += c.Commas;
                if (BlockTags.Contains(child.LocalName)) st.HasBlockChild = true;
                else if (!Invisible.Contains(child.LocalName))
                {
                    st.OwnText += c.Text;
                    st.OwnCommas += c.Commas;
                }
            }
        }
        if (visible)
        {
            stats[e] = st;
            if (name is "p" or "pre" or "td" or "div" or "li" or "blockquote") scorable.Add(e);
        }
        return visible ? st : Empty;
    }

    // Length as the text would read with runs of white space squeezed to one.
    private static (int Length, int Commas) Measure(string text)
    {
        int len = 0, commas = 0;
        var space = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space) len++;
                space = true;
                continue;
            }
            space = false;
            len++;
            if (c == ',') commas++;
        }
        return (len, commas);
    }

    /// <summary>The start of the body's visible text, to test for a leaked transport error.</summary>
    public string BodyStart()
    {
        if (document.Body is null) return string.Empty;
        var sb = new StringBuilder();
        Prefix(document.Body, sb, 400);
        return VietnameseText.Normalize(sb.ToString()).TrimStart();
    }

    private static void Prefix(INode node, StringBuilder sb, int max)
    {
        foreach (var child in node.ChildNodes)
        {
            if (sb.Length >= max) return;
            if (child.NodeType == NodeType.Text)
            {
                // Runs of white space count once, so indentation cannot use up the budget.
                foreach (var c in child.TextContent)
                {
                    if (!char.IsWhiteSpace(c)) sb.Append(c);
                    else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
                }
            }
            else if (child is IElement e && !Invisible.Contains(e.LocalName)) Prefix(e, sb, max);
        }
    }

    public PageMetadata ReadMetadata(Uri? url)
    {
        var ogTitle = Meta("meta[property='og:title']") ?? Meta("meta[name='twitter:title']");
        var headings = headingElements.Select(h => VietnameseText.Normalize(h.TextContent)).Where(h => h.Length > 0).ToList();
        DateTimeOffset? metaPublished = null;
        foreach (var selector in PublishedMetaSelectors)
        {
            if (Meta(selector) is { } v && ParseMachineDate(v) is { } d)
            {
                metaPublished = d;
                break;
            }
        }
        var (ldDate, ldAuthor, ldBody) = ReadJsonLd();
        DateTimeOffset? timeDate = null;
        foreach (var time in times)
        {
            if (ParseMachineDate(time.GetAttribute("datetime")!) is { } d)
            {
                timeDate = d;
                break;
            }
        }
        var metaAuthor = Meta("meta[name='author']") ?? Meta("meta[property='article:author']");
        if (metaAuthor is not null && (metaAuthor.Contains("://", StringComparison.Ordinal) || metaAuthor.Contains('.'))) metaAuthor = null;
        var canonical = canonicalHref ?? Meta("meta[property='og:url']");
        var lang = document.DocumentElement?.GetAttribute("lang");
        var metaTitle = new[] { ogTitle, headTitle }.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
        return new PageMetadata(
            MatchHeading(ogTitle, headTitle, headings),
            metaTitle is null ? null : StripSiteSuffix(VietnameseText.Normalize(metaTitle)),
            headings,
            metaPublished,
            ldDate,
            timeDate,
            metaAuthor,
            ldAuthor,
            Absolute(canonical, url),
            string.IsNullOrWhiteSpace(lang) ? null : lang.Split('-', '_')[0].Trim().ToLowerInvariant(),
            ldBody);
    }

    /// <summary>Every visible line of the body in order, with nothing skipped (for the date line near the title).</summary>
    public IReadOnlyList<string> AllLines()
    {
        if (document.Body is null) return [];
        var sb = new StringBuilder();
        Render(document.Body, sb, _ => null, (_, _) => { });
        return SplitLines(sb);
    }

    /// <summary>
    /// The lines of the best-scoring content block (and its strong siblings), skipping chrome inside it. Relaxed mode
    /// ignores class/id hints, for pages whose article sits in a block named like chrome (the caller retries with it
    /// when the strict pass finds little text, as Readability does).
    /// </summary>
    public IReadOnlyList<string> ContentLines(List<(string Text, string Reason)> skipped, bool relaxed = false)
    {
        if (document.Body is null) return [];
        this.relaxed = relaxed;
        var roots = PickContent(document.Body);
        // A deck that the body repeats as a paragraph is read there, in its place.
        roots.InsertRange(0, LeadAbove(roots[0]).Where(l => !roots.Any(r => HoldsLine(r, VietnameseText.Normalize(l.TextContent).Trim()))).ToList());
        var sb = new StringBuilder();
        foreach (var root in roots)
        {
            Render(root, sb, e => e == root ? null : SkipReason(e), (e, reason) =>
            {
                var text = PreviewOf(e);
                if (text.Length > 0) skipped.Add((text, reason));
            });
            sb.Append('\n');
        }
        var lines = SplitLines(sb);
        ExplainOutside(document.Body, roots, lines.FirstOrDefault(l => l.Length >= 80), skipped, mayHoldCopy: true);
        return lines;
    }

    private bool relaxed;

    /// <summary>
    /// Inside a block named as chrome (comments, footer, menu, related box, cookie notice) and not also named as
    /// content: its paragraphs do not vote for the article (Readability's "unlikely candidates"). Set by the walk.
    /// </summary>
    private bool Unlikely(IElement e) => StatsOf(e).Unlikely;

    /// <summary>The lines of the first element a site profile's body selectors find, or null when none matches.</summary>
    public IReadOnlyList<string>? SelectedContentLines(IReadOnlyList<string> selectors, List<(string Text, string Reason)> skipped)
    {
        if (document.Body is null || Select(selectors) is not { } root) return null;
        relaxed = false;
        var sb = new StringBuilder();
        Render(root, sb, e => SkipReason(e), (e, reason) =>
        {
            var text = PreviewOf(e);
            if (text.Length > 0) skipped.Add((text, reason));
        });
        var lines = SplitLines(sb);
        ExplainOutside(document.Body, [root], lines.FirstOrDefault(l => l.Length >= 80), skipped, mayHoldCopy: true);
        return lines;
    }

    /// <summary>The normalised text of the first element the selectors find, or null.</summary>
    public string? SelectedText(IReadOnlyList<string> selectors) =>
        Select(selectors) is { } e && VietnameseText.Normalize(e.TextContent.Replace('\n', ' ')) is { Length: > 0 } t ? t : null;

    private IElement? Select(IReadOnlyList<string> selectors)
    {
        foreach (var selector in selectors)
        {
            if (document.QuerySelector(selector) is { } e && stats.ContainsKey(e)) return e;
        }
        return null;
    }

    // True: named as a lead; false: named as something else (caption, dek, byline, signup) or inside a figure;
    // null: unnamed plain text, kept. Looks at the block and its parents below the common ancestor with the body.
    private bool? LeadKind(IElement e, IElement first)
    {
        for (var (a, level) = (e, 0); a is not null && level < 4 && !a.Contains(first); a = a.ParentElement, level++)
        {
            // The header box holds the date and byline paragraphs; a deck heading there is still the deck.
            if (level > 0 && (a.LocalName is "figure" or "figcaption" or "blockquote" || (a.LocalName == "header" && e.LocalName is not ("h2" or "h3"))))
                return false;
            var hints = Hints(a);
            if (hints.Length == 0) continue;
            if (lexicon.LeadHints.Any(h => HintMatch(hints, h))) return true;
            if (lexicon.NotLeadHints.Any(h => HintMatch(hints, h))) return false;
        }
        return null;
    }

    /// <summary>
    /// The standfirst between the headline and the chosen block: templates often put the lead paragraph in the
    /// header box with the h1, outside the body container, though it is article text.
    /// </summary>
    private List<IElement> LeadAbove(IElement first)
    {
        var lead = new List<IElement>();
        if (!orderIndex.TryGetValue(first, out var at)) return lead;
        var h1 = -1;
        for (var i = at - 1; i >= 0 && i >= at - 80; i--)
        {
            if (order[i].LocalName != "h1") continue;
            h1 = i;
            break;
        }
        // Templates that set the headline as an h2/h3 (news modules): the heading that reads as the page's title.
        if (h1 < 0 && PageTitleKey() is { Length: >= 10 } titleKey)
        {
            for (var i = at - 1; i >= 0 && i >= at - 80; i--)
            {
                if (order[i].LocalName is not ("h2" or "h3")) continue;
                var key = VietnameseText.FoldKey(VietnameseText.Normalize(order[i].TextContent));
                if (key.Length < 10 || !(key == titleKey || titleKey.StartsWith(key + " ", StringComparison.Ordinal))) continue;
                h1 = i;
                break;
            }
        }
        if (h1 < 0) return lead;
        for (var i = h1 + 1; i < at; i++)
        {
            var e = order[i];
            if (e.Contains(first) || lead.Any(l => l.Contains(e))) continue;
            var st = StatsOf(e);
            // A deck is often set as an h2 under the headline ("subheadline", "article-deck"): a sentence, so long.
            var leaf = e.LocalName is "p" or "h2" or "h3" || (e.LocalName is "div" && !st.HasBlockChild);
            if (!leaf || st.Text < 60 || LinkDensity(e) > 0.2 || SkipReason(e) is not null) continue;
            if (e.ParentElement is { } parent && !parent.Contains(first) && SkipReason(parent) is not null) continue;
            if (LeadKind(e, first) == false) continue;
            lead.Add(e);
        }
        return lead;
    }

    /// <summary>The folded og:title or &lt;title&gt; without a site suffix, or null.</summary>
    private string? PageTitleKey()
    {
        var title = Meta("meta[property='og:title']") ?? headTitle;
        return string.IsNullOrWhiteSpace(title) ? null : VietnameseText.FoldKey(StripSiteSuffix(VietnameseText.Normalize(title)));
    }

    private List<IElement> PickContent(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var el in scorable)
        {
            if (!relaxed && Unlikely(el)) continue;
            var st = StatsOf(el);
            var isLeaf = el.LocalName is "p" or "pre" || !st.HasBlockChild;
            var length = isLeaf ? st.Text : st.OwnText;
            if (length < 25) continue;
            var points = 1 + (isLeaf ? st.Commas : st.OwnCommas) + Math.Min(length / 100.0, 3);
            var ancestor = isLeaf ? el.ParentElement : el;
            for (var level = 0; ancestor is not null && ancestor != body.ParentElement && level < 5; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor)) scores[ancestor] = BaseScore(ancestor);
                scores[ancestor] += points / (level switch { 0 => 1, 1 => 2, _ => level * 3 });
            }
        }
        if (scores.Count == 0) return [body];
        var final = new Dictionary<IElement, double>(scores.Count);
        foreach (var (e, v) in scores) final[e] = v * (1 - LinkDensity(e));
        var top = final.MaxBy(kv => kv.Value).Key;
        var topScore = final[top];
        // Several near-best blocks under one ancestor are parts of one article split by the template (paragraph
        // groups between ads, sections of a long read): the ancestor is the article.
        var alternatives = final.Where(kv => kv.Key != top && kv.Value >= topScore * 0.75 && !kv.Key.Contains(top) && !top.Contains(kv.Key))
            .OrderByDescending(kv => kv.Value).Take(4).Select(kv => kv.Key).ToList();
        if (alternatives.Count >= 3)
        {
            for (var a = top.ParentElement; a is not null && a != body.ParentElement; a = a.ParentElement)
            {
                if (alternatives.Count(a.Contains) < 3) continue;
                top = a;
                topScore = Math.Max(topScore, final.GetValueOrDefault(a));
                break;
            }
        }
        // A block that is its parent's only child stands for the parent: the article's other parts are the
        // parent's siblings (a story split into several columns of one class), Readability's climb.
        while (top.ParentElement is { } only && only != body && only.ChildElementCount == 1)
            top = only;
        var threshold = Math.Max(10, topScore * 0.2);
        var parent = top.ParentElement;
        if (parent is null) return [top];
        var chosen = new List<IElement>();
        var topClass = top.ClassName;
        foreach (var sibling in parent.Children)
        {
            // A sibling styled like the article block is usually its continuation (Readability's class bonus).
            var bonus = !string.IsNullOrEmpty(topClass) && sibling.ClassName == topClass ? topScore * 0.2 : 0;
            if (sibling == top) chosen.Add(top);
            else if (final.TryGetValue(sibling, out var sv) && sv + bonus >= threshold && SkipReason(sibling) is null) chosen.Add(sibling);
            else if (sibling.LocalName == "p" && LinkDensity(sibling) < 0.25 && StatsOf(sibling).Text > 80) chosen.Add(sibling);
        }
        return chosen;
    }

    // A sentence ends somewhere in the text: at its end, or before the next one ("Caption. Ảnh: X").
    private static bool HoldsSentence(string text)
    {
        var t = text.Trim();
        if (t.Length > 0 && t[^1] is '.' or '!' or '?' or '…' or '"' or '”' or ')') return true;
        for (var i = 0; i + 1 < t.Length; i++)
        {
            if (t[i] is '.' or '!' or '?' && char.IsWhiteSpace(t[i + 1])) return true;
        }
        return false;
    }

    private double BaseScore(IElement e)
    {
        var score = e.LocalName switch
        {
            "article" => 10,
            "div" or "main" => 5,
            "section" or "td" or "blockquote" or "pre" => 3,
            "form" or "ul" or "ol" or "li" or "dl" or "address" => -3,
            "th" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "nav" or "footer" or "aside" => -5,
            _ => 0,
        };
        if (relaxed) return score;
        var h = HintsOf(e);
        var (positive, negative) = (h.Positive, h.FirstNegative is not null);
        if (positive && !negative) score += 25;
        if (negative && !positive) score -= 25;
        return score;
    }

    /// <summary>
    /// Whether a class/id hint names this element. Class names are split into words at spaces, '-' and '_' and a
    /// hint must start a word ("nav" names "navbar" but not "canvas"); a hint with an inner hyphen ("chi-tiet") is
    /// matched as written, and one with an edge hyphen ("-ads") must be a whole word ("ads", not "adsense-free").
    /// </summary>
    internal static bool HintMatch(string hints, string hint)
    {
        var h = hint.AsSpan();
        var whole = false;
        if (h.Length > 0 && (h[0] == '-' || h[^1] == '-'))
        {
            h = h.Trim('-');
            whole = true;
        }
        else if (h.Contains('-')) return hints.Contains(hint, StringComparison.Ordinal);
        var span = hints.AsSpan();
        var from = 0;
        while (from < span.Length)
        {
            var at = span[from..].IndexOf(h, StringComparison.Ordinal);
            if (at < 0) return false;
            at += from;
            var startsWord = at == 0 || span[at - 1] is ' ' or '-' or '_';
            var endsWord = at + h.Length == span.Length || span[at + h.Length] is ' ' or '-' or '_';
            if (startsWord && (!whole || endsWord)) return true;
            from = at + 1;
        }
        return false;
    }

    /// <summary>Why a block inside the content is chrome (a reason code), or null to keep it.</summary>
    private string? SkipReason(IElement e)
    {
        if (lexicon.ElementTags.TryGetValue(e.LocalName, out var tagReason)) return tagReason;
        if (!relaxed && HintsOf(e) is { FirstNegative: not null } h)
        {
            var st = StatsOf(e);
            // Menus and ad slots hold links or almost no text; a long, plain-text block so named ("card-header"
            // over an answer, a "section--ads" wrapper around paragraphs) is the template's, not chrome.
            var plain = LinkDensity(e) < 0.33 && (st.Text >= 100 || (st.Links == 0 && st.Text >= 40));
            var reason = plain ? h.FirstNegativeNotNavOrAd : h.FirstNegative;
            // "content-header" is chrome, a 2,000-character "entry-content comments-open" is the article.
            if (reason is not null && (!h.Positive || st.Text < 200)) return reason;
        }
        // A caption that is only a name or a label ("Agentur X", "Ansicht von Süden") credits the picture; a
        // caption that is a sentence describes it and stays with the text.
        if ((e.LocalName == "figcaption" || HintMatch(Hints(e), "caption")) && StatsOf(e) is { Text: > 0 and < 60, HasBlockChild: false } &&
            !HoldsSentence(e.TextContent))
            return DropReasons.PhotoCredit;
        if (e.LocalName is "ul" or "ol" or "div" or "table" or "section")
        {
            if (StatsOf(e).Links >= 3 && LinkDensity(e) > 0.5) return LinkBlockReason(e);
        }
        // A short paragraph that is mostly a link is a teaser for another page ("Read also: ...", "To the shop").
        if (e.LocalName is "p" or "li" or "div" or "h2" or "h3" or "h4" && StatsOf(e) is { Links: >= 1, Text: < 150 } && LinkDensity(e) > 0.6)
            return DropReasons.RelatedNews;
        return null;
    }

    // A block of links is navigation unless its parts say more ("print", "sendmail" links are share tools).
    private string LinkBlockReason(IElement e)
    {
        foreach (var inner in e.QuerySelectorAll("*"))
        {
            if (HintsOf(inner).FirstNegative is { } reason) return reason;
        }
        return DropReasons.Navigation;
    }

    // Page parts outside the content that carry a reason (menus, related boxes, counters) are listed too, so the
    // drops explain the whole page; unlabelled text outside the content is not listed.
    private void ExplainOutside(IElement element, IReadOnlyCollection<IElement> roots, string? firstParagraph, List<(string Text, string Reason)> skipped, bool mayHoldCopy)
    {
        foreach (var child in element.Children)
        {
            if (roots.Contains(child) || !stats.ContainsKey(child)) continue;
            if (roots.Any(r => child.Contains(r)))
            {
                ExplainOutside(child, roots, firstParagraph, skipped, mayHoldCopy);
                continue;
            }
            var reason = SkipReason(child);
            // A second rendering of the article (print view, mobile view) outside the chosen block. Text that does
            // not hold the paragraph cannot have a part that does, so the check stops descending there.
            var holdsCopy = mayHoldCopy && firstParagraph is not null && HoldsLine(child, firstParagraph);
            if (holdsCopy) reason = DropReasons.DuplicateArticle;
            if (reason is not null)
            {
                var text = PreviewOf(child);
                if (text.Length > 0) skipped.Add((text, reason));
                continue;
            }
            ExplainOutside(child, roots, firstParagraph, skipped, holdsCopy);
        }
    }

    /// <summary>
    /// Whether a line of the article is in the element's text. A line is inline text, so it lies in the own text of
    /// one block: only blocks holding that much text are read, never a whole sidebar.
    /// </summary>
    private bool HoldsLine(IElement e, string line)
    {
        var st = StatsOf(e);
        if (st.Text < line.Length) return false;
        if (st.OwnText >= line.Length || !st.HasBlockChild)
            return VietnameseText.Normalize(e.TextContent).Contains(line, StringComparison.Ordinal);
        foreach (var child in e.Children)
        {
            if (HoldsLine(child, line)) return true;
        }
        return false;
    }

    /// <summary>
    /// The start of a dropped block's text, enough for <see cref="DroppedBlock.Text"/>: a drop is explained by its
    /// first words, and reading the whole of a big menu or comment thread would cost more than the article.
    /// </summary>
    private string PreviewOf(IElement e)
    {
        var sb = new StringBuilder();
        Prefix(e, sb, previewChars * 2 + 40);
        return VietnameseText.Normalize(sb.ToString());
    }

    private readonly Dictionary<IElement, HintFlags> hintFlags = new();

    /// <summary>What an element's class and id say, read once per element: scoring, pruning and the chrome test all ask.</summary>
    private HintFlags HintsOf(IElement e)
    {
        if (hintFlags.TryGetValue(e, out var known)) return known;
        var flags = lexicon.ClassHints.Read(Hints(e));
        hintFlags[e] = flags;
        return flags;
    }

    private static string Hints(IElement e)
    {
        var cls = e.GetAttribute("class");
        var id = e.GetAttribute("id");
        if (string.IsNullOrEmpty(cls) && string.IsNullOrEmpty(id)) return string.Empty;
        return ((cls ?? string.Empty) + " " + (id ?? string.Empty)).ToLowerInvariant().Trim();
    }

    private static bool IsHidden(IElement e)
    {
        var style = e.GetAttribute("style");
        return e.HasAttribute("hidden") ||
               (style is not null && style.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase));
    }

    private double LinkDensity(IElement e)
    {
        var st = StatsOf(e);
        return st.Text == 0 ? 0 : Math.Min(1.0, (double)st.Link / st.Text);
    }

    private static void Render(IElement element, StringBuilder sb, Func<IElement, string?> skip, Action<IElement, string> onSkip)
    {
        foreach (var node in element.ChildNodes)
        {
            if (node.NodeType == NodeType.Text)
            {
                // Source line breaks inside a paragraph are layout, not structure.
                sb.Append(node.TextContent.Replace('\n', ' ').Replace('\r', ' '));
                continue;
            }
            if (node is not IElement e || Invisible.Contains(e.LocalName) || IsHidden(e)) continue;
            if (e.LocalName == "br")
            {
                sb.Append('\n');
                continue;
            }
            if (skip(e) is { } reason)
            {
                onSkip(e, reason);
                sb.Append('\n');
                continue;
            }
            var block = BlockTags.Contains(e.LocalName);
            if (block) sb.Append('\n');
            else if (e.LocalName is "td" or "th") sb.Append(' ');
            Render(e, sb, skip, onSkip);
            if (block) sb.Append('\n');
            else if (e.LocalName is "td" or "th") sb.Append(' ');
        }
    }

    // Normalising the whole text once equals normalising each line (a line break is a boundary for every rule of
    // Normalize), and costs one Unicode check per page instead of one per line.
    private static List<string> SplitLines(StringBuilder sb) =>
        VietnameseText.Normalize(sb.ToString()).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    // Selectors here are all of the form meta[attr='value']; matched against the metas the walk collected.
    private string? Meta(string selector)
    {
        var open = selector.IndexOf('[');
        var eq = selector.IndexOf('=');
        var attr = selector[(open + 1)..eq];
        var value = selector[(eq + 2)..^2];
        foreach (var m in metas)
        {
            if (!string.Equals(m.GetAttribute(attr), value, StringComparison.OrdinalIgnoreCase)) continue;
            var v = m.GetAttribute("content");
            if (!string.IsNullOrWhiteSpace(v)) return VietnameseText.Normalize(v);
        }
        return null;
    }

    private (DateTimeOffset? Date, string? Author, string? Body) ReadJsonLd()
    {
        string? body = null;
        foreach (var script in jsonLd)
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent);
                var date = FindString(json.RootElement, "datePublished");
                var author = FindAuthor(json.RootElement);
                body ??= FindString(json.RootElement, "articleBody");
                if (date is not null || author is not null)
                    return (date is null ? null : ParseMachineDate(date), author, body);
            }
            catch (JsonException)
            {
                // Hand-written JSON-LD is often broken; the other date sources remain.
            }
        }
        return (null, null, body);
    }

    private static string? FindString(JsonElement e, string name)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (p.NameEquals(name) && p.Value.ValueKind == JsonValueKind.String) return p.Value.GetString();
                    if (FindString(p.Value, name) is { } inner) return inner;
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    if (FindString(item, name) is { } inner) return inner;
                }
                break;
        }
        return null;
    }

    private static string? FindAuthor(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Array) return e.EnumerateArray().Select(FindAuthor).FirstOrDefault(a => a is not null);
        if (e.ValueKind != JsonValueKind.Object) return null;
        if (e.TryGetProperty("author", out var author))
        {
            var a = author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().FirstOrDefault() : author;
            if (a.ValueKind == JsonValueKind.String) return a.GetString();
            if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String) return n.GetString();
        }
        return e.TryGetProperty("@graph", out var graph) ? FindAuthor(graph) : null;
    }

    /// <summary>ISO 8601 as meta tags carry it; a value without an offset is Vietnam time. Page formats as a fallback.</summary>
    private DateTimeOffset? ParseMachineDate(string value)
    {
        var v = value.Trim();
        if (v.Length == 0) return null;
        if (IsoOffset.IsMatch(v) && DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            return withOffset.ToOffset(lexicon.UtcOffset);
        if (Regex.IsMatch(v, "^\\d{4}-\\d{2}-\\d{2}", RegexOptions.None, ExtractionLexicon.RegexTimeout) &&
            DateTime.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), lexicon.UtcOffset);
        return dates.ReadLoose(v);
    }

    /// <summary>
    /// The heading that agrees with og:title / &lt;title&gt; (which may carry a " - Site" suffix), verbatim; so the title is
    /// the article's own heading, not the site's banner h1 or a section name.
    /// </summary>
    private static string? MatchHeading(string? ogTitle, string? headTitle, IReadOnlyList<string> headings)
    {
        foreach (var meta in new[] { ogTitle, headTitle })
        {
            if (string.IsNullOrWhiteSpace(meta)) continue;
            var key = VietnameseText.FoldKey(meta);
            foreach (var h in headings)
            {
                var hk = VietnameseText.FoldKey(h);
                if (hk.Length >= 10 && (hk == key || key.StartsWith(hk + " ", StringComparison.Ordinal))) return h;
            }
        }
        return null;
    }

    private static readonly string[] TitleSeparators = [" - ", " | ", " – ", " — ", " :: "];

    internal static string StripSiteSuffix(string title)
    {
        var t = title;
        for (var round = 0; round < 2; round++)
        {
            var (cut, separator) = TitleSeparators.Select(s => (t.LastIndexOf(s, StringComparison.Ordinal), s)).MaxBy(x => x.Item1);
            if (cut <= 0) break;
            var tail = t[(cut + separator.Length)..].Trim();
            var head = t[..cut].Trim();
            // A site name is a short tail after a long head; "Kinh tế - xã hội" style titles keep their dash.
            if (tail.Split(' ').Length > 6 || head.Split(' ').Length < 4) break;
            t = head;
        }
        return t;
    }

    private static string? Absolute(string? href, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        // On Unix "/path" parses as an absolute file URI, so only web schemes count as absolute.
        if (Uri.TryCreate(href.Trim(), UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https") return abs.ToString();
        return baseUrl is not null && Uri.TryCreate(baseUrl, href.Trim(), out var rel) ? rel.ToString() : href.Trim();
    }
}
