using System.Globalization;
using NewsMiner.Text;

namespace NewsMiner.Extraction;

/// <summary>
/// Turns one fetched page (HTML or already-flattened text) into an <see cref="Article"/>: the article's paragraphs in
/// order, without page chrome, plus title, publication date (+07:00), author, canonical URL and language. Generic:
/// no per-site code; all language knowledge comes from data/language/dates.json and boilerplate.json.
/// Article.Text does not repeat the title. Thread-safe.
/// </summary>
public sealed class ArticleExtractor
{
    /// <summary>Stored with every article so re-extraction with a newer extractor can be told apart.</summary>
    public const string Version = "generic-0.3";

    private readonly ExtractionOptions options;
    private readonly ExtractionLexicon lexicon;
    private readonly TextCleaner cleaner;
    private readonly DateLineReader dates;
    private readonly SiteProfiles profiles;

    public ArticleExtractor(ExtractionOptions? options = null)
    {
        this.options = options ?? new ExtractionOptions();
        lexicon = ExtractionLexicon.Default;
        cleaner = new TextCleaner(lexicon, this.options);
        dates = new DateLineReader(lexicon);
        profiles = this.options.SiteProfiles ?? SiteProfiles.BuiltIn;
    }

    public ExtractionResult ExtractHtml(string html, Uri? url)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (StartsWithTransportError(html.TrimStart()) is { } rawError) return Fail(DropReasons.TransportErrorError, rawError);
        var page = new HtmlPage(html, lexicon, options.DroppedPreviewChars);
        if (StartsWithTransportError(page.BodyStart()) is { } bodyError) return Fail(DropReasons.TransportErrorError, bodyError);

        var meta = page.ReadMetadata(url);
        var skipped = new List<(string Text, string Reason)>();
        var profile = profiles.Match(url);
        var content = (profile is null ? null : page.SelectedContentLines(profile.Body, skipped)) ?? page.ContentLines(skipped);
        if (profile is not null)
        {
            foreach (var line in content.Where(profile.Drops)) skipped.Add((line, DropReasons.SiteProfile));
            content = content.Where(l => !profile.Drops(l)).ToList();
        }
        if (TextLength(content) < ShortArticleChars && profile is null)
        {
            // Little text usually means the article sits in a block whose class reads like chrome; retry without
            // class hints and keep whichever pass found more (Readability's retry, in one step).
            var relaxedSkipped = new List<(string Text, string Reason)>();
            var relaxed = page.ContentLines(relaxedSkipped, relaxed: true);
            if (TextLength(relaxed) > TextLength(content) * 1.5)
            {
                content = relaxed;
                skipped = relaxedSkipped;
            }
        }
        // Script-rendered pages carry the article only in JSON-LD; it is the publisher's own text of the body.
        if (TextLength(content) < ShortArticleChars && meta.JsonLdArticleBody is { } ldBody && ldBody.Length > TextLength(content) * 2)
            content = VietnameseText.Normalize(ldBody).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var all = page.AllLines();
        var title = (profile is null ? null : page.SelectedText(profile.Title))
            ?? HeadingAboveContent(all, content, meta.Headings, meta.HeadingTitle) ?? meta.HeadingTitle ?? meta.MetaTitle
            ?? meta.Headings.FirstOrDefault(h => h.Split(' ').Length >= 4) ?? content.FirstOrDefault();
        if (title is null) return new ExtractionResult(null, [], DropReasons.EmptyPageError);
        var cleaned = cleaner.Clean(content, title);
        var dropped = skipped.Select(s => new DroppedBlock(cleaner.Preview(s.Text), s.Reason)).Concat(cleaned.Dropped).ToList();

        // The date line may sit outside the content block (under the h1, in a toolbar), so look on the whole page.
        var titleKey = VietnameseText.FoldKey(title);
        // Folding keeps the length within a few characters, so only lines of about the title's length are folded.
        var titleAt = Enumerable.Range(0, all.Count)
            .FirstOrDefault(i => Math.Abs(all[i].Length - title.Length) <= 8 + title.Length / 8 && VietnameseText.FoldKey(all[i]) == titleKey, -1);
        var pageDateLines = all.Select((line, i) => (i, dates.Read(line))).Where(x => x.Item2 is not null)
            .Select(x => (x.i, x.Item2!)).ToList();
        var now = options.ResolveNow();
        var chosen = ChooseDateLine(pageDateLines, titleAt, now) ?? ChooseDateLine(EmbeddedDates(all), titleAt, now);
        var dateLine = chosen?.Date;
        // The profile's date element is the article's own date line, whatever else the page prints.
        if (profile is not null && page.SelectedText(profile.Date) is { } profiled && dates.Read(profiled) is { } profiledDate && profiledDate.Value <= now)
        {
            dateLine = profiledDate;
            var at = all.ToList().IndexOf(profiled);
            chosen = at >= 0 ? (at, profiledDate) : chosen;
        }
        // A date line outside the content block never reached the cleaner; list it so the drops explain the page.
        if (chosen is { } c && !dropped.Any(d => d.Reason == DropReasons.DateLine && d.Text == cleaner.Preview(all[c.Index])))
            dropped.Add(new DroppedBlock(cleaner.Preview(all[c.Index]), DropReasons.DateLine));

        DateTimeOffset? published = null;
        var source = DatePublishedSource.None;
        foreach (var (value, from) in new[]
                 {
                     (meta.MetaPublished, DatePublishedSource.MetaTag),
                     (meta.JsonLdPublished, DatePublishedSource.JsonLd),
                     (meta.TimeElementPublished, DatePublishedSource.TimeElement),
                     (dateLine?.Value, DatePublishedSource.DateLine),
                 })
        {
            if (value is { } v && v <= now)
            {
                published = v.ToOffset(lexicon.UtcOffset);
                source = from;
                break;
            }
        }

        var metaAuthor = new[] { meta.MetaAuthor, meta.JsonLdAuthor }.FirstOrDefault(a => a is not null && NameShape.IsPersonName(a, lexicon));
        var author = ChooseAuthor(cleaned.Byline, dateLine?.Author, metaAuthor);
        if (profile is not null && page.SelectedText(profile.Author) is { } profiledAuthor)
            author = new BylineReader(lexicon).Read(profiledAuthor)?.Author ?? NameShape.Tidy(profiledAuthor);
        if (author is null)
        {
            // A labelled byline can sit in its own box after the content block.
            var reader = new BylineReader(lexicon);
            author = all.Select(reader.Read).FirstOrDefault(b => b is { Kind: BylineKind.Labelled })?.Author;
        }
        return Finish(url, meta.CanonicalUrl, title, published, source, author, TrimEdgeLabels(cleaned.Kept, dropped), dropped, meta.Language);
    }

    /// <summary>
    /// Short unpunctuated lines at the edges of the block are labels, not sentences: a section name above the text,
    /// "Share this", "Related", "Contact:" below it. Sentences and the lines between real paragraphs stay.
    /// </summary>
    private List<string> TrimEdgeLabels(IReadOnlyList<string> kept, List<DroppedBlock> dropped)
    {
        var start = 0;
        var end = kept.Count;
        while (end - start > 1 && IsLabel(kept[end - 1], 60)) end--;
        while (end - start > 1 && IsLabel(kept[start], 30)) start++;
        for (var i = 0; i < kept.Count; i++)
        {
            if (i < start || i >= end) dropped.Add(new DroppedBlock(cleaner.Preview(kept[i]), DropReasons.EdgeLabel));
        }
        return kept.Skip(start).Take(end - start).ToList();

        static bool IsLabel(string line, int maxChars) =>
            line.Length < maxChars && line.TrimEnd().LastOrDefault() is not ('.' or '!' or '?' or '"' or '\'' or ')' or '”' or '»' or '…');
    }

    /// <summary>Below this many characters a content pass is suspect and the fallbacks are tried.</summary>
    private const int ShortArticleChars = 500;

    private static int TextLength(IReadOnlyList<string> lines)
    {
        var n = 0;
        foreach (var l in lines) n += l.Length;
        return n;
    }

    public ExtractionResult ExtractPlainText(string text, Uri? url)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = VietnameseText.Normalize(text);
        var dropped = new List<DroppedBlock>();
        if (StartsWithTransportError(normalized) is { } error)
        {
            if (!options.SalvageAfterTransportError) return Fail(DropReasons.TransportErrorError, error);
            dropped.Add(new DroppedBlock(cleaner.Preview(error), DropReasons.TransportError));
            normalized = normalized[error.Length..].TrimStart();
        }
        var lines = normalized.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var cleaned = cleaner.Clean(lines, knownTitle: null);
        dropped.AddRange(cleaned.Dropped);
        if (cleaned.Title is null) return new ExtractionResult(null, dropped, DropReasons.EmptyPageError);

        var now = options.ResolveNow();
        var dateLine = (ChooseDateLine(cleaned.DateLines, cleaned.TitleIndex, now) ?? ChooseDateLine(EmbeddedDates(lines), cleaned.TitleIndex, now))?.Date;
        var author = ChooseAuthor(cleaned.Byline, dateLine?.Author, metaAuthor: null);
        return Finish(url, null, cleaned.Title, dateLine?.Value, dateLine is null ? DatePublishedSource.None : DatePublishedSource.DateLine,
            author, cleaned.Kept, dropped, language: null);
    }

    /// <summary>
    /// The article's heading sits just above its first real paragraph: the heading that matches the meta title if it
    /// is there, else the nearest long heading (the site banner is far above, section names are short).
    /// </summary>
    private static string? HeadingAboveContent(IReadOnlyList<string> all, IReadOnlyList<string> content, IReadOnlyList<string> headings, string? matched)
    {
        var first = content.FirstOrDefault(l => l.Length >= 80);
        if (first is null) return null;
        var at = -1;
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i] == first)
            {
                at = i;
                break;
            }
        }
        var headingSet = headings.ToHashSet(StringComparer.Ordinal);
        var near = new List<string>();
        for (var i = at - 1; i >= 0 && i >= at - 5; i--)
        {
            if (headingSet.Contains(all[i]) && all[i].Split(' ').Length >= 5) near.Add(all[i]);
        }
        return near.Contains(matched ?? string.Empty) ? matched : near.FirstOrDefault();
    }

    private ExtractionResult Finish(Uri? url, string? canonical, string title, DateTimeOffset? published, DatePublishedSource source,
        string? author, IReadOnlyList<string> kept, List<DroppedBlock> dropped, string? language)
    {
        var body = VietnameseText.Normalize(string.Join("\n\n", kept));
        if (body.Length < options.MinTextChars) return new ExtractionResult(null, dropped, DropReasons.EmptyPageError);
        if (published is null && UrlDate(url) is { } fromUrl) (published, source) = (fromUrl, DatePublishedSource.Url);
        var article = new Article(url?.ToString(), canonical, VietnameseText.Normalize(title), published, source, author, body, language ?? "vi");
        return new ExtractionResult(article, dropped, null);
    }

    /// <summary>The date an article URL carries, at midnight in Vietnam; a month alone gives its first day.</summary>
    private DateTimeOffset? UrlDate(Uri? url)
    {
        if (url is null) return null;
        foreach (var pattern in lexicon.UrlDatePatterns)
        {
            if (pattern.Match(url.AbsolutePath) is not { Success: true } m) continue;
            var inv = CultureInfo.InvariantCulture;
            var (y, mo) = (int.Parse(m.Groups["y"].Value, inv), int.Parse(m.Groups["m"].Value, inv));
            var d = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, inv) : 1;
            if (d > DateTime.DaysInMonth(y, mo)) continue;
            return new DateTimeOffset(y, mo, d, 0, 0, 0, lexicon.UtcOffset);
        }
        return null;
    }

    private ExtractionResult Fail(string error, string leaked) =>
        new(null, [new DroppedBlock(cleaner.Preview(leaked), DropReasons.TransportError)], error);

    /// <summary>The leaked exception sentence at the start of the text, or null.</summary>
    private string? StartsWithTransportError(string text)
    {
        foreach (var marker in lexicon.TransportErrors)
        {
            if (!text.StartsWith(marker, StringComparison.OrdinalIgnoreCase)) continue;
            // The message runs to its first full stop ("...secure channel."); the page text may follow on the same line.
            var lineEnd = text.IndexOf('\n');
            if (lineEnd < 0) lineEnd = text.Length;
            // Dots inside type names ("System.Net.Http.") are not the sentence end; a dot before a space is.
            var stop = marker.Length - 1;
            do stop = text.IndexOf('.', stop + 1);
            while (stop >= 0 && stop + 1 < text.Length && !char.IsWhiteSpace(text[stop + 1]));
            var end = stop >= 0 && stop < lineEnd ? stop + 1 : lineEnd;
            return text[..end];
        }
        return null;
    }

    /// <summary>
    /// The date line closest to the title, headers before it counting triple. Future dates are impossible; today's
    /// date is what page headers print, so it loses to any other date and stands only when printed after the title.
    /// </summary>
    private (int Index, DateLine Date)? ChooseDateLine(IReadOnlyList<(int Index, DateLine Date)> candidates, int titleIndex, DateTimeOffset now)
    {
        var usable = candidates.Where(c => c.Date.Value <= now).ToList();
        var notToday = usable.Where(c => !IsToday(c.Date.Value, now)).ToList();
        var pool = notToday.Count > 0 ? notToday : usable.Where(c => c.Index > titleIndex).ToList();
        return pool.Count == 0
            ? null
            : pool.MinBy(c => (c.Index >= titleIndex ? c.Index - titleIndex : (titleIndex - c.Index) * 3) + (c.Date.IsUpdate ? 2 : 0));
    }

    /// <summary>Dates inside longer lines, the last resort of a page with no date line of its own.</summary>
    private List<(int Index, DateLine Date)> EmbeddedDates(IReadOnlyList<string> lines) =>
        lines.Select((line, i) => (i, dates.ReadEmbedded(line))).Where(x => x.Item2 is not null).Select(x => (x.i, x.Item2!)).ToList();

    private bool IsToday(DateTimeOffset value, DateTimeOffset now) =>
        DateOnly.FromDateTime(value.ToOffset(lexicon.UtcOffset).DateTime) == DateOnly.FromDateTime(now.ToOffset(lexicon.UtcOffset).DateTime);

    // A labelled byline or a bare name after the body beats a name glued to the date line, which beats the page's
    // meta author; "Theo Báo X" is a source, used only when nothing names a person.
    private static string? ChooseAuthor(Byline? byline, string? dateLineAuthor, string? metaAuthor)
    {
        if (byline is { Kind: BylineKind.Labelled or BylineKind.BareName }) return byline.Author;
        if (dateLineAuthor is not null) return NameShape.Tidy(dateLineAuthor);
        if (!string.IsNullOrWhiteSpace(metaAuthor)) return metaAuthor.Trim();
        return byline?.Author;
    }
}
