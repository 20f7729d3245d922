using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsMiner.Bench;

/// <summary>
/// The ScrapingHub article-extraction metric exactly as ../shared/bench/article-extraction/README.md defines it:
/// Python-\w tokens, 4-token shingles as a multiset, per-page precision/recall, macro means, F1 of the means,
/// accuracy = identical token lists.
/// </summary>
internal static class ShingleMetric
{
    public readonly record struct PageScore(double Tp, double Fp, double Fn, bool Exact)
    {
        public double Precision => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fp == 0 ? 0 : Tp / (Tp + Fp);
        public double Recall => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fn == 0 ? 0 : Tp / (Tp + Fn);
    }

    public sealed record Summary(double Precision, double Recall, double F1, double Accuracy, int Pages);

    public static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text)) return tokens;
        var sb = new StringBuilder();
        foreach (var r in text.EnumerateRunes())
        {
            if (IsWord(r)) sb.Append(r.ToString());
            else if (sb.Length > 0)
            {
                tokens.Add(sb.ToString());
                sb.Clear();
            }
        }
        if (sb.Length > 0) tokens.Add(sb.ToString());
        return tokens;
    }

    private static bool IsWord(Rune r) => r.Value == '_' || Rune.GetUnicodeCategory(r) is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
        or UnicodeCategory.OtherNumber;

    private static Dictionary<string, int> Shingles(List<string> t, int n)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        if (t.Count == 0) return d;
        if (t.Count < n) Add(d, string.Join('\u0001', t));
        else for (var i = 0; i + n <= t.Count; i++) Add(d, string.Join('\u0001', t, i, n));
        return d;

        static void Add(Dictionary<string, int> d, string k) => d[k] = d.GetValueOrDefault(k) + 1;
    }

    public static PageScore Score(string truth, string? prediction, int n = 4)
    {
        var gt = Tokens(truth);
        var pt = Tokens(prediction);
        var g = Shingles(gt, n);
        var p = Shingles(pt, n);
        double tp = 0, fp = 0, fn = 0;
        foreach (var k in g.Keys.Union(p.Keys))
        {
            var gc = g.GetValueOrDefault(k);
            var pc = p.GetValueOrDefault(k);
            tp += Math.Min(gc, pc);
            fp += Math.Max(0, pc - gc);
            fn += Math.Max(0, gc - pc);
        }
        var s = tp + fp + fn;
        if (s > 0)
        {
            tp /= s;
            fp /= s;
            fn /= s;
        }
        return new PageScore(tp, fp, fn, gt.SequenceEqual(pt));
    }

    public static Summary Summarize(IReadOnlyList<PageScore> pages)
    {
        var withPrediction = pages.Where(p => p.Tp + p.Fp > 0).Select(p => (decimal)p.Precision).ToList();
        var withTruth = pages.Where(p => p.Tp + p.Fn > 0).Select(p => (decimal)p.Recall).ToList();
        var precision = withPrediction.Count == 0 ? 0 : (double)(withPrediction.Sum() / withPrediction.Count);
        var recall = withTruth.Count == 0 ? 0 : (double)(withTruth.Sum() / withTruth.Count);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Summary(precision, recall, f1, pages.Count(p => p.Exact) / (double)Math.Max(1, pages.Count), pages.Count);
    }

    /// <summary>The README's check values (n = 3) and tokeniser example; false if this implementation disagrees.</summary>
    public static bool SelfCheck()
    {
        var cases = new (string Truth, string Pred, double Tp, double Fp, double Fn)[]
        {
            ("a b c", "a b c", 1, 0, 0), ("a b c d", "a b c", 0.5, 0, 0.5), ("a b c", "a b c d", 0.5, 0.5, 0),
            ("", "", 0, 0, 0), ("a b c a b c", "a b c", 0.25, 0, 0.75),
        };
        foreach (var c in cases)
        {
            var s = Score(c.Truth, c.Pred, 3);
            if (Math.Abs(s.Tp - c.Tp) > 1e-12 || Math.Abs(s.Fp - c.Fp) > 1e-12 || Math.Abs(s.Fn - c.Fn) > 1e-12) return false;
        }
        return string.Join(",", Tokens("a b,cd:e(foo,bar) ")) == "a,b,cd,e,foo,bar";
    }
}

/// <summary>
/// Trafilatura's snippet metric as ../shared/bench/trafilatura-eval/README.md defines it: whitespace squeezed,
/// "with" snippets found = TP else FN, "without" snippets found = FP else TN, micro-summed over pages.
/// </summary>
internal static partial class SnippetMetric
{
    public sealed record Counts(int Tp, int Fp, int Fn, int Tn)
    {
        public static Counts operator +(Counts a, Counts b) => new(a.Tp + b.Tp, a.Fp + b.Fp, a.Fn + b.Fn, a.Tn + b.Tn);
        public double Precision => Tp + Fp == 0 ? 0 : Tp / (double)(Tp + Fp);
        public double Recall => Tp + Fn == 0 ? 0 : Tp / (double)(Tp + Fn);
        public double Accuracy => Tp + Fp + Fn + Tn == 0 ? 0 : (Tp + Tn) / (double)(Tp + Fp + Fn + Tn);
        public double F1 => 2 * Tp + Fp + Fn == 0 ? 0 : 2 * Tp / (double)(2 * Tp + Fp + Fn);
    }

    public static string Squeeze(string s) => Spaces().Replace(s, " ").Trim();

    public static Counts Score(string? output, IReadOnlyList<string> with, IReadOnlyList<string> without)
    {
        if (output is null) return new Counts(0, 0, with.Count, without.Count);
        var text = Squeeze(output);
        var tp = with.Count(w => text.Contains(Squeeze(w), StringComparison.Ordinal));
        var fp = without.Count(w => text.Contains(Squeeze(w), StringComparison.Ordinal));
        return new Counts(tp, fp, with.Count - tp, without.Count - fp);
    }

    // Python's \s on str: Unicode whitespace, which .NET's \s matches too.
    [GeneratedRegex("\\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    private static partial Regex Spaces();
}
