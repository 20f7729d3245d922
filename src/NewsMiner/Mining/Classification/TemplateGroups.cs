using NewsMiner.Text;

namespace NewsMiner.Mining.Classification;

/// <summary>
/// Which training mentions come from the same sentence frame. Training text is written as frames filled several times
/// with other places and numbers; scoring a copy with its sibling in the training folds measures memory, not reading.
/// A record's own "frame" field groups it; beyond that, sentences whose skeletons (numbers and capitalised names taken
/// out, the rest lower-cased) share most of their word pairs are put together, so untagged older data groups too.
/// </summary>
public static class TemplateGroups
{
    /// <summary>Two skeletons at least this similar (Jaccard of word-pair sets) count as one frame.</summary>
    public const double SameFrame = 0.5;

    /// <summary>A group number per record (equal numbers: same frame), numbered in order of first appearance.</summary>
    public static int[] Assign(IReadOnlyList<TrainingRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var textIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new List<HashSet<string>>();
        var recordText = new int[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var skeleton = Skeleton(records[i].Text);
            var key = string.Join(' ', skeleton);
            if (!textIndex.TryGetValue(key, out var t))
            {
                t = texts.Count;
                textIndex[key] = t;
                texts.Add(Pairs(skeleton));
            }
            recordText[i] = t;
        }
        var parent = Enumerable.Range(0, texts.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        void Union(int a, int b)
        {
            a = Find(a);
            b = Find(b);
            if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
        }
        for (var a = 0; a < texts.Count; a++)
        {
            for (var b = a + 1; b < texts.Count; b++)
            {
                if (Jaccard(texts[a], texts[b]) >= SameFrame) Union(a, b);
            }
        }
        var byFrame = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Frame is not { } frame) continue;
            if (byFrame.TryGetValue(frame, out var other)) Union(other, recordText[i]);
            else byFrame[frame] = recordText[i];
        }
        var number = new Dictionary<int, int>();
        var groups = new int[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var root = Find(recordText[i]);
            if (!number.TryGetValue(root, out var g)) number[root] = g = number.Count;
            groups[i] = g;
        }
        return groups;
    }

    /// <summary>The words of a sentence with numbers as "#" and capitalised words (names, except the first word) left out.</summary>
    public static IReadOnlyList<string> Skeleton(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var normalised = VietnameseText.Normalize(text);
        var first = true;
        foreach (var raw in normalised.Split([' ', ',', '.', ';', ':', '(', ')', '"', '!', '?'], StringSplitOptions.RemoveEmptyEntries))
        {
            var isFirst = first;
            first = false;
            if (raw.Any(char.IsDigit)) { if (words.Count == 0 || words[^1] != "#") words.Add("#"); continue; }
            if (!isFirst && char.IsUpper(raw[0])) continue;
            words.Add(VietnameseText.ToneKey(raw.ToLowerInvariant()));
        }
        return words;
    }

    private static HashSet<string> Pairs(IReadOnlyList<string> words)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < words.Count; i++) pairs.Add(words[i] + " " + words[i + 1]);
        if (words.Count == 1) pairs.Add(words[0]);
        return pairs;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0) return 1;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = 0;
        foreach (var p in small)
        {
            if (large.Contains(p)) shared++;
        }
        return (double)shared / (a.Count + b.Count - shared);
    }
}
