using System.Globalization;
using System.Text.Json;
using NewsMiner.Text;

namespace NewsMiner.Mining.Classification;

/// <summary>One line of a data/training/*.jsonl file, as written (text not yet normalised).</summary>
public sealed record TrainingRecord(
    string Id,
    string Text,
    DateOnly? Published,
    string? Province,
    string Mention,
    int Occurrence,
    string Label,
    bool Weak,
    string Source,
    string? Frame = null);

/// <summary>What the rules said about a stretch of a text: a metric name or "none", with their confidence.</summary>
public sealed record RuleOpinion(int Start, int Length, string Label, double Confidence);

/// <summary>The rules' opinions on every number of a text (figures taken, numbers rejected).</summary>
public interface IRuleOpinionSource
{
    IReadOnlyList<RuleOpinion> Opine(string normalisedText, DateOnly? published, string? province);
}

/// <summary>
/// The rule-based <see cref="FigureMiner"/> as an opinion source. Training and the miner's own use of the classifier must
/// read the rules the same way, so the mapping lives here in <see cref="FromResult"/>.
/// </summary>
public sealed class MinerRuleOpinions(FigureMiner miner) : IRuleOpinionSource
{
    /// <summary>The confidence given to a number the rules looked at and rejected.</summary>
    public const double RejectionConfidence = 0.6;

    public IReadOnlyList<RuleOpinion> Opine(string normalisedText, DateOnly? published, string? province) =>
        FromResult(miner.Mine(normalisedText, new MiningContext(published, province)));

    /// <summary>Figures give their metric at the value's offset; rejected numbers give "none". Figures come first.</summary>
    public static IReadOnlyList<RuleOpinion> FromResult(MiningResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var opinions = new List<RuleOpinion>(result.Figures.Count + result.Rejected.Count);
        foreach (var f in result.Figures) opinions.Add(new RuleOpinion(f.ValueStart, 1, f.Metric.ToSchemaName(), f.Confidence));
        foreach (var r in result.Rejected) opinions.Add(new RuleOpinion(r.Start, Math.Max(1, r.Length), MentionLabels.None, RejectionConfidence));
        return opinions;
    }

    /// <summary>The first opinion touching [start, start+length), or null when the rules said nothing there.</summary>
    public static RuleOpinion? For(IReadOnlyList<RuleOpinion> opinions, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(opinions);
        foreach (var o in opinions)
        {
            if (o.Start < start + length && start < o.Start + o.Length) return o;
        }
        return null;
    }
}

/// <summary>Reads labelled mentions from JSON Lines: {"id","text","published","province","mention","occurrence","label","weak"}, optional "frame".</summary>
public static class MentionDataset
{
    /// <summary>Every *.jsonl file under <paramref name="folder"/> (recursively, ordinal path order, so runs agree).</summary>
    public static async Task<IReadOnlyList<TrainingRecord>> ReadFolderAsync(string folder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no such folder");
        var files = Directory.EnumerateFiles(folder, "*.jsonl", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(folder, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0) throw new InvalidDataException($"{folder}: no .jsonl files");
        var all = new List<TrainingRecord>();
        foreach (var (full, relative) in files)
        {
            var content = await File.ReadAllTextAsync(full, ct).ConfigureAwait(false);
            all.AddRange(ReadJsonl(content, relative));
        }
        return all;
    }

    /// <summary>Parses JSON Lines; blank lines are skipped; a bad line throws InvalidDataException naming source:line.</summary>
    public static IReadOnlyList<TrainingRecord> ReadJsonl(string content, string source)
    {
        ArgumentNullException.ThrowIfNull(content);
        var records = new List<TrainingRecord>();
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            try
            {
                records.Add(ReadRecord(line, $"{source}:{i + 1}"));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{source}:{i + 1}: not JSON: {e.Message}", e);
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidDataException($"{source}:{i + 1}: {e.Message}", e);
            }
        }
        return records;
    }

    private static TrainingRecord ReadRecord(string line, string where)
    {
        using var doc = JsonDocument.Parse(line);
        var o = doc.RootElement;
        string Required(string name) =>
            o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
                ? s
                : throw new InvalidDataException($"{where}: missing \"{name}\"");
        string? Optional(string name) => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var label = Required("label");
        if (!MentionLabels.IsKnown(label)) throw new InvalidDataException($"{where}: unknown label '{label}'");
        DateOnly? published = null;
        if (Optional("published") is { Length: > 0 } p)
        {
            // "2017-02-24" or a full ISO timestamp: only the date matters.
            if (!DateOnly.TryParseExact(p.Length >= 10 ? p[..10] : p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new InvalidDataException($"{where}: published '{p}' is not YYYY-MM-DD");
            published = d;
        }
        var occurrence = 1;
        if (o.TryGetProperty("occurrence", out var occ) && occ.ValueKind == JsonValueKind.Number)
        {
            occurrence = occ.GetInt32();
            if (occurrence < 1) throw new InvalidDataException($"{where}: occurrence must be 1 or more");
        }
        var weak = o.TryGetProperty("weak", out var wk) && wk.ValueKind == JsonValueKind.True;
        var id = Optional("id") is { Length: > 0 } given ? given : where;
        return new TrainingRecord(id, Required("text"), published, Optional("province"), Required("mention"), occurrence, label, weak, where,
            Optional("frame") is { Length: > 0 } frame ? frame : null);
    }

    /// <summary>
    /// Where the <paramref name="occurrence"/>-th whole-token occurrence of <paramref name="mention"/> starts: "5" in
    /// "45 đảng viên, 5 chi bộ" is the second token-bounded match, never the tail of "45". -1 when there is none.
    /// </summary>
    public static int Locate(string text, string mention, int occurrence)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mention);
        if (mention.Length == 0 || occurrence < 1) return -1;
        var seen = 0;
        var from = 0;
        while (from <= text.Length - mention.Length)
        {
            var at = text.IndexOf(mention, from, StringComparison.Ordinal);
            if (at < 0) return -1;
            var end = at + mention.Length;
            var boundedLeft = !char.IsLetterOrDigit(mention[0]) || !JoinsLeft(text, at);
            var boundedRight = !char.IsLetterOrDigit(mention[^1]) || !JoinsRight(text, end);
            if (boundedLeft && boundedRight && ++seen == occurrence) return at;
            from = at + 1;
        }
        return -1;
    }

    // "870" is not a token of "2.870": a group separator between digits joins them.
    private static bool JoinsLeft(string text, int at) =>
        at > 0 && (char.IsLetterOrDigit(text[at - 1]) || (text[at - 1] is '.' or ',' && at > 1 && char.IsDigit(text[at - 2])));

    private static bool JoinsRight(string text, int end) =>
        end < text.Length && (char.IsLetterOrDigit(text[end]) || (text[end] is '.' or ',' && end + 1 < text.Length && char.IsDigit(text[end + 1])));

    /// <summary>
    /// Turns records into classifier inputs: text normalised, mention located, sentence cut out, and (when
    /// <paramref name="rules"/> is given) the rules' opinion attached, mining each distinct text once.
    /// </summary>
    public static IReadOnlyList<LabelledMention> ToLabelled(IReadOnlyList<TrainingRecord> records, IRuleOpinionSource? rules)
    {
        ArgumentNullException.ThrowIfNull(records);
        var opinionsByText = new Dictionary<(string, DateOnly?, string?), IReadOnlyList<RuleOpinion>>();
        var result = new List<LabelledMention>(records.Count);
        foreach (var r in records)
        {
            var text = VietnameseText.Normalize(r.Text);
            var mention = VietnameseText.Normalize(r.Mention);
            var start = Locate(text, mention, r.Occurrence);
            if (start < 0) throw new InvalidDataException($"{r.Source}: mention '{r.Mention}' (occurrence {r.Occurrence}) not found in the text");
            RuleOpinion? opinion = null;
            if (rules is not null)
            {
                var key = (text, r.Published, r.Province);
                if (!opinionsByText.TryGetValue(key, out var opinions))
                {
                    opinions = rules.Opine(text, r.Published, r.Province);
                    opinionsByText[key] = opinions;
                }
                opinion = MinerRuleOpinions.For(opinions, start, mention.Length);
            }
            var context = MentionContext.FromPassage(text, start, mention.Length, r.Published, opinion?.Label, opinion?.Confidence ?? 0);
            result.Add(new LabelledMention(r.Id, context, r.Label, r.Weak));
        }
        return result;
    }
}
