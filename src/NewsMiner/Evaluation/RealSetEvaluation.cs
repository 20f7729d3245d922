using System.Net;
using System.Text;
using NewsMiner.Extraction;
using NewsMiner.Mining;

namespace NewsMiner.Evaluation;

/// <summary>One case scored: its strict and lenient score, the outcome of every miss and extra, the date the
/// extractor read from the page shown as HTML, and the figures mined (for reports).</summary>
public sealed record RealCaseResult(
    RealCase Case,
    string Text,
    DocumentScore Score,
    DocumentOutcomes Outcomes,
    DateOnly? ExtractedDate,
    IReadOnlyList<Figure> Figures);

/// <summary>Totals over a set of cases.</summary>
public sealed record RealSetSummary(
    int Cases,
    Score Strict,
    Score Lenient,
    IReadOnlyDictionary<string, Score> StrictByMetric,
    IReadOnlyDictionary<MissKind, int> MissesByKind,
    int Extras,
    int DatesShown,
    int DatesRight)
{
    public double DateAccuracy => DatesShown == 0 ? 1 : (double)DatesRight / DatesShown;
}

/// <summary>
/// Scores the miner on the real-text set as a crawl would meet each page: the passage goes through the pipeline as
/// plain text with the site's province and the date the page shows (none where it shows none, so the extractor's own
/// reading is used), and the passage wrapped as a bare HTML page (one paragraph a line) goes through the HTML
/// extractor to measure the publication day.
/// </summary>
public sealed class RealSetEvaluation(NewsPipeline pipeline, ArticleExtractor extractor)
{
    public RealCaseResult Score(RealCase c, string text)
    {
        var page = pipeline.Process(text, Uri.TryCreate(c.Url, UriKind.Absolute, out var url) ? url : null, isHtml: false, c.SiteProvince, c.Published);
        var figures = page.Mining?.Figures ?? [];
        var score = FigureScorer.Score(c.Id, figures, c.Figures);
        return new RealCaseResult(c, text, score, MissOutcomes.Classify(score, figures), ExtractDate(text), figures);
    }

    /// <summary>The publication day the HTML extractor reads from the passage shown as a bare page.</summary>
    public DateOnly? ExtractDate(string text)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
        foreach (var line in text.Split('\n')) html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>\n");
        html.Append("</body></html>");
        var published = extractor.ExtractHtml(html.ToString(), null).Article?.Published;
        return published is { } p ? DateOnly.FromDateTime(p.ToOffset(TimeSpan.FromHours(7)).DateTime) : null;
    }

    public static RealSetSummary Summarize(IReadOnlyCollection<RealCaseResult> results)
    {
        var strict = Mining.Score.Zero;
        var lenient = Mining.Score.Zero;
        var byMetric = new Dictionary<string, Score>(StringComparer.Ordinal);
        var byKind = Enum.GetValues<MissKind>().ToDictionary(k => k, _ => 0);
        int extras = 0, shown = 0, right = 0;
        foreach (var r in results)
        {
            strict += r.Score.Strict;
            lenient += r.Score.Lenient;
            foreach (var (metric, s) in r.Score.StrictByMetric) byMetric[metric] = byMetric.GetValueOrDefault(metric, Mining.Score.Zero) + s;
            foreach (var miss in r.Outcomes.Misses) byKind[miss.Kind]++;
            extras += r.Outcomes.Extras.Count;
            if (r.Case.Published is not { } day) continue;
            shown++;
            if (r.ExtractedDate == day) right++;
        }
        return new RealSetSummary(results.Count, strict, lenient, byMetric, byKind, extras, shown, right);
    }
}
