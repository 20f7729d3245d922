using NewsMiner.Mining;
using NewsMiner.Tests.Support;
using NewsMiner.Text;
using Xunit;
using Xunit.Abstractions;

namespace NewsMiner.Tests.Mining;

/// <summary>
/// Mines the five seed articles of ../shared/seeds (read at run time, never copied) with their publication date and
/// site province, and scores the result against ../shared/seeds-gold.json as the figure schema's Scoring section says.
/// </summary>
public class SeedMiningTests(ITestOutputHelper output)
{
    /// <summary>The strict F1 the whole seed set must keep; measured values are printed by the test.</summary>
    public const double MinimumStrictF1 = 0.98;

    private static readonly NewsPipeline Pipeline = NewsPipeline.CreateDefault();

    public static IReadOnlyList<GoldDocument> Gold() => FigureScorer.LoadGold(File.ReadAllText(SharedData.Path("seeds-gold.json")));

    private static (string Text, IReadOnlyList<Figure> Figures) Mine(GoldDocument doc)
    {
        var raw = File.ReadAllText(SharedData.Path("seeds", doc.Name));
        var page = Pipeline.Process(raw, null, isHtml: false, doc.SiteProvince, doc.Published);
        Assert.True(page.Article is not null, $"{doc.Name}: {page.Error}");
        return (page.Article!.Text, page.Mining!.Figures);
    }

    [SharedFact]
    public void Seed_000_gives_the_issue_acceptance_figures()
    {
        var doc = Gold().Single(d => d.Name.StartsWith("000_", StringComparison.Ordinal));
        var (_, figures) = Mine(doc);
        foreach (var f in figures) output.WriteLine($"{f.Metric} {f.Segment} {f.Value} {f.Period} {f.Locality.District}/{f.Locality.Commune}");

        Assert.Contains(figures, f => f.Metric == Metric.NewMembers && f.Value == 320 && f.Segment is null
            && f.Locality.District == "Đông Triều" && f.Locality.Commune is null && f.Period == "2016" && f.Locality.Province == "Quảng Ninh");
        Assert.Contains(figures, f => f.Metric == Metric.NewMembers && f.Value == 13
            && f.Locality.Commune == "Xuân Sơn" && f.Locality.District == "Đông Triều" && f.Period == "2016");
        Assert.Contains(figures, f => f.Metric == Metric.TotalMembers && f.Value == 8201 && f.Locality.District == "Đông Triều"
            && f.Locality.Commune is null);
    }

    [SharedFact]
    public void No_seed_negative_becomes_a_figure()
    {
        var violations = new List<string>();
        foreach (var doc in Gold())
        {
            var (text, figures) = Mine(doc);
            var extras = FigureScorer.Score(doc.Name, figures, doc.Figures).Extras;
            foreach (var negative in doc.Negatives)
            {
                var needle = VietnameseText.Normalize(negative);
                for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.Ordinal))
                {
                    // A figure inside a negative's text is wrong unless it is one of the gold figures (e.g. 349 beside "5 lớp").
                    foreach (var f in extras.Where(f => f.ValueStart >= at && f.ValueStart < at + needle.Length))
                        violations.Add($"{doc.Name}: '{negative}' gave {f.Metric} {f.Value}");
                }
            }
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [SharedFact]
    public void Seed_set_strict_F1_stays_above_the_floor()
    {
        var total = Score.Zero;
        var lenient = Score.Zero;
        foreach (var doc in Gold())
        {
            var (_, figures) = Mine(doc);
            var s = FigureScorer.Score(doc.Name, figures, doc.Figures);
            total += s.Strict;
            lenient += s.Lenient;
            output.WriteLine($"{doc.Name}: strict P={s.Strict.Precision:F3} R={s.Strict.Recall:F3} F1={s.Strict.F1:F3}");
            foreach (var m in s.Misses) output.WriteLine("  miss  " + FigureScorer.Describe(m));
            foreach (var e in s.Extras) output.WriteLine("  extra " + FigureScorer.Describe(e));
        }
        output.WriteLine($"ALL strict P={total.Precision:F3} R={total.Recall:F3} F1={total.F1:F3}; lenient F1={lenient.F1:F3}");
        Assert.True(total.F1 >= MinimumStrictF1, $"strict F1 {total.F1:F3} is below {MinimumStrictF1}");
    }
}
