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
    string? Language);

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
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "tbody", "thead", "tfoot", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption",
        "pre", "address", "form", "fieldset", "center", "hr", "caption",
    };

    private static readonly Regex IsoOffset = new("(?:Z|[+-]\\d{2}:?\\d{2})$", RegexOptions.CultureInvariant, ExtractionLexicon.RegexTimeout);

    private readonly ExtractionLexicon lexicon;
    private readonly DateLineReader dates;
    private readonly IHtmlDocument document;

    public HtmlPage(string html, ExtractionLexicon lexicon)
    {
        this.lexicon = lexicon;
        dates = new DateLineReader(lexicon);
        document = new HtmlParser().ParseDocument(html);
    }

    /// <summary>The visible text of the body, to test for a leaked transport error at its start.</summary>
    public string BodyStart() => VietnameseText.Normalize(document.Body?.TextContent ?? string.Empty).TrimStart();

    public PageMetadata ReadMetadata(Uri? url)
    {
        var ogTitle = Meta("meta[property='og:title']") ?? Meta("meta[name='twitter:title']");
        var headTitle = document.QuerySelector("head > title")?.TextContent ?? document.Title;
        var headings = (document.Body?.QuerySelectorAll("h1, h2, h3") ?? Enumerable.Empty<IElement>())
            .Select(h => VietnameseText.Normalize(h.TextContent)).Where(h => h.Length > 0).ToList();
        DateTimeOffset? metaPublished = null;
        foreach (var selector in PublishedMetaSelectors)
        {
            if (Meta(selector) is { } v && ParseMachineDate(v) is { } d)
            {
                metaPublished = d;
                break;
            }
        }
        var (ldDate, ldAuthor) = ReadJsonLd();
        DateTimeOffset? timeDate = null;
        foreach (var time in document.QuerySelectorAll("time[datetime]"))
        {
            if (ParseMachineDate(time.GetAttribute("datetime")!) is { } d)
            {
                timeDate = d;
                break;
            }
        }
        var metaAuthor = Meta("meta[name='author']") ?? Meta("meta[property='article:author']");
        if (metaAuthor is not null && (metaAuthor.Contains("://", StringComparison.Ordinal) || metaAuthor.Contains('.'))) metaAuthor = null;
        var canonical = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href") ?? Meta("meta[property='og:url']");
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
            string.IsNullOrWhiteSpace(lang) ? null : lang.Split('-', '_')[0].Trim().ToLowerInvariant());
    }

    /// <summary>Every visible line of the body in order, with nothing skipped (for the date line near the title).</summary>
    public IReadOnlyList<string> AllLines()
    {
        if (document.Body is null) return [];
        var sb = new StringBuilder();
        Render(document.Body, sb, _ => null, (_, _) => { });
        return SplitLines(sb);
    }

    /// <summary>The lines of the best-scoring content block (and its strong siblings), skipping chrome inside it.</summary>
    public IReadOnlyList<string> ContentLines(List<(string Text, string Reason)> skipped)
    {
        if (document.Body is null) return [];
        var roots = PickContent(document.Body);
        var sb = new StringBuilder();
        foreach (var root in roots)
        {
            Render(root, sb, e => e == root ? null : SkipReason(e), (e, reason) =>
            {
                var text = VietnameseText.Normalize(e.TextContent.Replace('\n', ' '));
                if (text.Length > 0) skipped.Add((text, reason));
            });
            sb.Append('\n');
        }
        var lines = SplitLines(sb);
        ExplainOutside(document.Body, roots, lines.FirstOrDefault(l => l.Length >= 80), skipped);
        return lines;
    }

    private List<IElement> PickContent(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var el in body.QuerySelectorAll("p, pre, td, div, li, blockquote"))
        {
            if (IsHidden(el)) continue;
            var isLeaf = el.LocalName is "p" or "pre" || !el.Children.Any(c => BlockTags.Contains(c.LocalName) && c.LocalName != "br");
            var text = isLeaf ? el.TextContent : OwnText(el);
            var length = VietnameseText.Normalize(text).Length;
            if (length < 25) continue;
            var points = 1 + text.Count(c => c == ',') + Math.Min(length / 100.0, 3);
            var ancestor = isLeaf ? el.ParentElement : el;
            for (var level = 0; ancestor is not null && ancestor != body.ParentElement && level < 3; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor)) scores[ancestor] = BaseScore(ancestor);
                scores[ancestor] += points / (level == 0 ? 1 : level * 2);
            }
        }
        if (scores.Count == 0) return [body];
        var final = scores.ToDictionary(kv => kv.Key, kv => kv.Value * (1 - LinkDensity(kv.Key)));
        var top = final.MaxBy(kv => kv.Value).Key;
        var threshold = Math.Max(10, final[top] * 0.2);
        var parent = top.ParentElement;
        if (parent is null) return [top];
        var chosen = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == top) chosen.Add(top);
            else if (final.TryGetValue(sibling, out var s) && s >= threshold && SkipReason(sibling) is null) chosen.Add(sibling);
            else if (sibling.LocalName == "p" && LinkDensity(sibling) < 0.25 && VietnameseText.Normalize(sibling.TextContent).Length > 80) chosen.Add(sibling);
        }
        return chosen;
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
        var hints = Hints(e);
        var positive = lexicon.PositiveHints.Any(h => hints.Contains(h, StringComparison.Ordinal));
        var negative = lexicon.NegativeHints.Any(h => hints.Contains(h.Hint, StringComparison.Ordinal));
        if (positive && !negative) score += 25;
        if (negative && !positive) score -= 25;
        return score;
    }

    /// <summary>Why a block inside the content is chrome (a reason code), or null to keep it.</summary>
    private string? SkipReason(IElement e)
    {
        if (lexicon.ElementTags.TryGetValue(e.LocalName, out var tagReason)) return tagReason;
        var hints = Hints(e);
        if (hints.Length > 0)
        {
            foreach (var (reason, hint) in lexicon.NegativeHints)
            {
                if (!hints.Contains(hint, StringComparison.Ordinal)) continue;
                var positive = lexicon.PositiveHints.Any(h => hints.Contains(h, StringComparison.Ordinal));
                // "content-header" is chrome, a 2,000-character "entry-content comments-open" is the article.
                if (!positive || VietnameseText.Normalize(e.TextContent).Length < 200) return reason;
            }
        }
        if (e.LocalName is "ul" or "ol" or "div" or "table" or "section")
        {
            var links = e.QuerySelectorAll("a").Length;
            if (links >= 3 && LinkDensity(e) > 0.5) return LinkBlockReason(e);
        }
        return null;
    }

    // A block of links is navigation unless its parts say more ("print", "sendmail" links are share tools).
    private string LinkBlockReason(IElement e)
    {
        foreach (var inner in e.QuerySelectorAll("*"))
        {
            var hints = Hints(inner);
            if (hints.Length == 0) continue;
            foreach (var (reason, hint) in lexicon.NegativeHints)
            {
                if (hints.Contains(hint, StringComparison.Ordinal)) return reason;
            }
        }
        return DropReasons.Navigation;
    }

    // Page parts outside the content that carry a reason (menus, related boxes, counters) are listed too, so the
    // drops explain the whole page; unlabelled text outside the content is not listed.
    private void ExplainOutside(IElement element, IReadOnlyCollection<IElement> roots, string? firstParagraph, List<(string Text, string Reason)> skipped)
    {
        foreach (var child in element.Children)
        {
            if (roots.Contains(child) || Invisible.Contains(child.LocalName) || IsHidden(child)) continue;
            if (roots.Any(r => child.Contains(r)))
            {
                ExplainOutside(child, roots, firstParagraph, skipped);
                continue;
            }
            var reason = SkipReason(child);
            // A second rendering of the article (print view, mobile view) outside the chosen block.
            if (firstParagraph is not null && VietnameseText.Normalize(child.TextContent).Contains(firstParagraph, StringComparison.Ordinal))
                reason = DropReasons.DuplicateArticle;
            if (reason is not null)
            {
                var text = VietnameseText.Normalize(child.TextContent.Replace('\n', ' '));
                if (text.Length > 0) skipped.Add((text, reason));
                continue;
            }
            ExplainOutside(child, roots, firstParagraph, skipped);
        }
    }

    private static string Hints(IElement e) => ((e.ClassName ?? string.Empty) + " " + (e.Id ?? string.Empty)).ToLowerInvariant().Trim();

    private static bool IsHidden(IElement e)
    {
        var style = e.GetAttribute("style");
        return e.HasAttribute("hidden") ||
               (style is not null && style.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase));
    }

    private static double LinkDensity(IElement e)
    {
        var total = e.TextContent.Length;
        if (total == 0) return 0;
        var linked = e.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
        return Math.Min(1.0, (double)linked / total);
    }

    private static string OwnText(IElement e)
    {
        var sb = new StringBuilder();
        foreach (var node in e.ChildNodes)
        {
            if (node.NodeType == NodeType.Text) sb.Append(node.TextContent);
            else if (node is IElement child && !BlockTags.Contains(child.LocalName) && !Invisible.Contains(child.LocalName)) sb.Append(child.TextContent);
        }
        return sb.ToString();
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

    private static List<string> SplitLines(StringBuilder sb) =>
        sb.ToString().Split('\n').Select(l => VietnameseText.Normalize(l)).Where(l => l.Length > 0).ToList();

    private string? Meta(string selector)
    {
        var v = document.QuerySelector(selector)?.GetAttribute("content");
        return string.IsNullOrWhiteSpace(v) ? null : VietnameseText.Normalize(v);
    }

    private (DateTimeOffset? Date, string? Author) ReadJsonLd()
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent);
                var date = FindString(json.RootElement, "datePublished");
                var author = FindAuthor(json.RootElement);
                if (date is not null || author is not null)
                    return (date is null ? null : ParseMachineDate(date), author);
            }
            catch (JsonException)
            {
                // Hand-written JSON-LD is often broken; the other date sources remain.
            }
        }
        return (null, null);
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
