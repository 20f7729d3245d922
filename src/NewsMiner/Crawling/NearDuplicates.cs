using System.Text;

namespace NewsMiner.Crawling;

/// <summary>
/// Finds near-identical article texts (a syndicated copy, a print view whose chrome differs slightly) by the overlap of
/// their word 3-shingles. A MinHash signature split into bands gives a handful of keys per article (locality-sensitive
/// hashing): two texts whose shingle sets overlap a lot share a band key with near certainty, unrelated texts almost
/// never, so candidates come from an index lookup and only they are compared exactly.
/// </summary>
public static class NearDuplicates
{
    /// <summary>Shingle-set resemblance (Jaccard) from which two texts are one article. Copies differing by a credit
    /// line or a caption score above 0.9; two reports of the same meeting written separately stay far below.</summary>
    public const double SameArticleResemblance = 0.8;

    /// <summary>Texts with fewer shingles get no band keys: short stubs look alike without being copies.</summary>
    public const int MinShingles = 30;

    /// <summary>
    /// Band keys two texts must share to be compared: texts of resemblance 0.8 share at least 2 of the 16 with
    /// probability 0.997, texts of resemblance 0.3 with under 0.01, so a large archive of articles on one topic does not
    /// turn every lookup into a scan of it.
    /// </summary>
    public const int MinSharedBands = 2;

    /// <summary>Most candidates compared exactly per lookup, those sharing the most bands first, then the newest (templated notices can share all).</summary>
    public const int MaxCandidates = 16;

    /// <summary>Most recent articles a lookup reads per band key; a key shared more widely marks a template, not a copy.</summary>
    public const int MaxArticlesPerBand = 16;

    private const int ShingleWords = 3;
    private const int Bands = 16;
    private const int RowsPerBand = 4;

    /// <summary>What <see cref="SameArticle(TextFingerprint, TextFingerprint)"/> compares, computed once per text.</summary>
    public sealed record TextFingerprint(IReadOnlySet<ulong> Shingles, IReadOnlyList<string> Numbers, IReadOnlyList<long> Bands);

    /// <summary>The text's shingles, numbers and band keys from one pass over its words.</summary>
    public static TextFingerprint Fingerprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        var shingles = Shingles(words);
        return new TextFingerprint(shingles, words.Where(w => w.Any(char.IsAsciiDigit)).ToList(), BandKeys(shingles));
    }

    /// <summary>The text's word 3-shingles, hashed (lower-cased, NFC, punctuation ignored).</summary>
    public static IReadOnlySet<ulong> Shingles(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Shingles(Words(text));
    }

    private static HashSet<ulong> Shingles(List<string> words)
    {
        var shingles = new HashSet<ulong>();
        for (var i = 0; i + ShingleWords <= words.Count; i++)
        {
            var h = FnvOffset;
            for (var w = 0; w < ShingleWords; w++) h = Fnv(Fnv(h, words[i + w]), " ");
            shingles.Add(Mix(h));
        }
        return shingles;
    }

    /// <summary>
    /// One key per band of the MinHash signature; empty for texts shorter than <see cref="MinShingles"/>. With 16 bands
    /// of 4 rows, texts of resemblance 0.8 share a key with probability 0.9998, texts of resemblance 0.3 with 0.12.
    /// </summary>
    public static IReadOnlyList<long> BandKeys(IReadOnlySet<ulong> shingles)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        if (shingles.Count < MinShingles) return [];
        var signature = new ulong[Bands * RowsPerBand];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var s in shingles)
        {
            for (var row = 0; row < signature.Length; row++)
            {
                // Row r's permutation: the shingle hash remixed with a per-row constant (cheap, independent enough).
                var v = Mix(s ^ RowSeed(row));
                if (v < signature[row]) signature[row] = v;
            }
        }
        var keys = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var h = Mix((ulong)band + 1);
            for (var r = 0; r < RowsPerBand; r++) h = Mix(h ^ signature[band * RowsPerBand + r]);
            keys[band] = unchecked((long)h);
        }
        return keys;
    }

    /// <summary>
    /// Whether two texts are one article: their shingles resemble each other at least <see cref="SameArticleResemblance"/>
    /// and the numbers of one appear, in order, among the numbers of the other (a copy may add a dated credit line).
    /// Templated notices ("chi bộ X admitted N members") differ only in names and figures; for a figure miner those
    /// are different facts, never copies.
    /// </summary>
    public static bool SameArticle(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return SameArticle(Fingerprint(a), Fingerprint(b));
    }

    /// <summary><see cref="SameArticle(string, string)"/> on fingerprints computed earlier (a crawl keeps those of recent candidates).</summary>
    public static bool SameArticle(TextFingerprint a, TextFingerprint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Resemblance(a.Shingles, b.Shingles) < SameArticleResemblance) return false;
        var (na, nb) = (a.Numbers, b.Numbers);
        return na.Count <= nb.Count ? IsSubsequence(na, nb) : IsSubsequence(nb, na);
    }

    /// <summary>The tokens of the text that contain a digit, in text order ("12/4/2024" gives 12, 4 and 2024).</summary>
    public static IReadOnlyList<string> Numbers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Words(text).Where(w => w.Any(char.IsAsciiDigit)).ToList();
    }

    private static bool IsSubsequence(IReadOnlyList<string> shorter, IReadOnlyList<string> longer)
    {
        var i = 0;
        for (var j = 0; j < longer.Count && i < shorter.Count; j++)
        {
            if (string.Equals(shorter[i], longer[j], StringComparison.Ordinal)) i++;
        }
        return i == shorter.Count;
    }

    /// <summary>Jaccard resemblance of two shingle sets (1 for two empty sets: nothing tells them apart).</summary>
    public static double Resemblance(IReadOnlySet<ulong> a, IReadOnlySet<ulong> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 && b.Count == 0) return 1;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var common = small.Count(large.Contains);
        return (double)common / (a.Count + b.Count - common);
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }

    private const ulong FnvOffset = 14695981039346656037UL;

    // FNV-1a over UTF-16 code units: stable across processes, unlike string.GetHashCode, because keys are stored.
    private static ulong Fnv(ulong h, string s)
    {
        foreach (var c in s)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return h;
    }

    private static ulong RowSeed(int row) => Mix(0x9E3779B97F4A7C15UL * (ulong)(row + 1));

    /// <summary>The SplitMix64 finaliser: spreads every input bit over the output.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
