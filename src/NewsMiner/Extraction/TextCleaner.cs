using NewsMiner.Text;

namespace NewsMiner.Extraction;

/// <summary>What the line pass kept and dropped, with the date lines and byline it found on the way.</summary>
internal sealed record CleanedText(
    string? Title,
    int TitleIndex,
    IReadOnlyList<string> Kept,
    IReadOnlyList<DroppedBlock> Dropped,
    IReadOnlyList<(int Index, DateLine Date)> DateLines,
    Byline? Byline);

/// <summary>
/// The line pass shared by HTML and plain text: page chrome, counters, widgets, date lines, repeated captions,
/// a second copy of the article and the byline come out; article lines stay in order.
/// </summary>
internal sealed class TextCleaner(ExtractionLexicon lexicon, ExtractionOptions options)
{
    // A cut label ("Tin liên quan") only ends the article once some article text has been seen; before that it is
    // header chrome and only its own line goes.
    private const int BodyCharsBeforeCut = 150;

    private readonly DateLineReader dates = new(lexicon);
    private readonly BylineReader bylines = new(lexicon);

    /// <param name="lines">Normalised, trimmed, non-empty lines in reading order.</param>
    /// <summary>Headlines are one line of a few dozen words; a longer first line is a paragraph.</summary>
    private const int MaxTitleChars = 250;

    /// <summary>A first line that ends as a sentence ends and runs past this is the lead paragraph, not a headline.</summary>
    private const int MaxSentenceTitleChars = 120;

    private static string Headline(string paragraph)
    {
        var sentenceEnd = paragraph.IndexOf(". ", StringComparison.Ordinal);
        var cut = sentenceEnd > 0 && sentenceEnd <= 160 ? sentenceEnd : Math.Min(paragraph.Length, 160);
        var space = paragraph.LastIndexOf(' ', Math.Min(cut, paragraph.Length - 1));
        return paragraph[..(cut < paragraph.Length && space > 40 && sentenceEnd != cut ? space : cut)].TrimEnd(' ', ',', ';', ':');
    }

    /// <param name="knownTitle">The title found elsewhere (HTML metadata); null means the first real line is the title.</param>
    public CleanedText Clean(IReadOnlyList<string> lines, string? knownTitle)
    {
        var reasons = new string?[lines.Count];
        var dropped = new List<DroppedBlock>();
        var dateLines = new List<(int, DateLine)>();
        string? title = knownTitle;
        var titleIndex = -1;
        var start = 0;
        if (knownTitle is null)
        {
            for (; start < lines.Count; start++)
            {
                var t = lines[start];
                var chrome = lexicon.MatchLine(t) ?? lexicon.MatchCut(t) ?? (dates.Read(t) is null ? null : DropReasons.DateLine);
                if (chrome is null)
                {
                    titleIndex = start;
                    if (t.Length > MaxTitleChars || (t.Length > MaxSentenceTitleChars && t.TrimEnd().EndsWith('.')))
                    {
                        // A text that opens with a paragraph (an excerpt, a page with no headline line): the paragraph
                        // stays in the body, its first words stand as the title.
                        title = Headline(t);
                        break;
                    }
                    title = t;
                    start++;
                    break;
                }
                // Above the title: banners and the header's "today" date, never the article's own date line.
                reasons[start] = chrome;
            }
        }
        var titleKey = title is null ? null : VietnameseText.FoldKey(title);
        var titleSeen = knownTitle is null;
        string? cutReason = null;
        string? previousKept = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var bodyChars = 0;
        var kept = new List<int>();
        for (var i = start; i < lines.Count; i++)
        {
            // "Printed twice in a row" means adjacent: anything but a dot placeholder in between breaks the pair.
            if (i > start && reasons[i - 1] is { } before && before != DropReasons.DotPlaceholder) previousKept = null;
            var t = lines[i];
            if (titleKey is not null && VietnameseText.FoldKey(t) == titleKey)
            {
                if (!titleSeen) titleIndex = i;
                reasons[i] = titleSeen ? DropReasons.DuplicateArticle : DropReasons.Title;
                titleSeen = true;
                continue;
            }
            if (cutReason is not null)
            {
                // Past the end of the article each widget heading names the lines under it.
                var section = lexicon.MatchCut(t) ?? lexicon.MatchLine(t);
                if (section is not null && section != DropReasons.DotPlaceholder) cutReason = section;
                reasons[i] = section ?? cutReason;
                continue;
            }
            var cut = lexicon.MatchCut(t);
            if (cut is not null)
            {
                if (bodyChars >= BodyCharsBeforeCut) cutReason = cut;
                reasons[i] = cut;
                continue;
            }
            var chrome = lexicon.MatchLine(t);
            if (chrome is not null)
            {
                reasons[i] = chrome;
                continue;
            }
            var date = dates.Read(t);
            if (date is not null)
            {
                reasons[i] = DropReasons.DateLine;
                dateLines.Add((i, date));
                continue;
            }
            if (t == previousKept)
            {
                reasons[i] = DropReasons.DuplicateCaption;
                continue;
            }
            if (!seen.Add(t))
            {
                reasons[i] = DropReasons.DuplicateArticle;
                continue;
            }
            kept.Add(i);
            previousKept = t;
            bodyChars += t.Length;
        }

        var byline = FindByline(lines, kept, reasons);
        foreach (var (t, i) in lines.Select((t, i) => (t, i)))
        {
            if (reasons[i] is { } r) dropped.Add(new DroppedBlock(Preview(t), r));
        }
        return new CleanedText(title, titleIndex, kept.Where(i => reasons[i] is null).Select(i => lines[i]).ToList(), dropped, dateLines, byline);
    }

    // Bylines sit at the end of the body (possibly several: a name, then "Theo Báo X"), or labelled at the top.
    private Byline? FindByline(IReadOnlyList<string> lines, List<int> kept, string?[] reasons)
    {
        var found = new List<Byline>();
        for (var k = kept.Count - 1; k >= Math.Max(0, kept.Count - 3); k--)
        {
            var b = bylines.Read(lines[kept[k]]);
            if (b is null) break;
            found.Add(b);
            reasons[kept[k]] = DropReasons.Byline;
        }
        for (var k = 0; k < Math.Min(2, kept.Count); k++)
        {
            if (reasons[kept[k]] is not null) continue;
            var b = bylines.Read(lines[kept[k]]);
            if (b is { Kind: BylineKind.Labelled })
            {
                found.Add(b);
                reasons[kept[k]] = DropReasons.Byline;
            }
        }
        return found.OrderBy(b => b.Kind).FirstOrDefault();
    }

    public string Preview(string text) =>
        text.Length <= options.DroppedPreviewChars ? text : text[..options.DroppedPreviewChars];
}
