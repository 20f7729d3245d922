using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.IO.Compression;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace NewsMiner.Mining.Classification;

/// <summary>One mention as an ML.NET row: the featurizer's hashed features, the gold label and its training weight.</summary>
public sealed class MentionRow
{
    public VBuffer<float> Features { get; set; }

    /// <summary>The gold label in training; empty when predicting (the label-to-key map turns it into "missing").</summary>
    public string Label { get; set; } = "";

    public float Weight { get; set; } = 1;

    /// <summary>The schema of a row: the feature vector's length is only known at run time (2^bits of the featurizer).</summary>
    public static SchemaDefinition Schema(MentionFeaturizer featurizer)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        var schema = SchemaDefinition.Create(typeof(MentionRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featurizer.BucketCount);
        return schema;
    }

    public static MentionRow Of(MentionFeaturizer featurizer, MentionContext context, string label = "", float weight = 1)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        var f = featurizer.Featurize(context);
        // The featurizer's arrays are fresh for every call and never change, so the vector may wrap them uncopied.
        var features = new VBuffer<float>(featurizer.BucketCount, f.Buckets.Length,
            ImmutableCollectionsMarshal.AsArray(f.Values), ImmutableCollectionsMarshal.AsArray(f.Buckets));
        return new MentionRow { Features = features, Label = label, Weight = weight };
    }
}

/// <summary>What the model answers for a row: a score (probability) per label, in the order of the label keys.</summary>
public sealed class MentionScore
{
    public float[] Score { get; set; } = [];
}

/// <summary>
/// The figure classifier: an ML.NET multiclass model over <see cref="MentionFeaturizer"/>'s hashed features.
/// Thread-safe: ML.NET's PredictionEngine is not, so each call borrows an engine from a pool (the miner runs on
/// several crawl workers at once).
/// </summary>
/// <remarks>
/// File: the ML.NET model zip, rewritten with its entries in ordinal order and one fixed timestamp (ML.NET stamps
/// entries with the time of saving; nothing else in it changes between two saves), plus an entry
/// <see cref="SignatureEntry"/> holding the featurizer's signature and the trainer's name, so a model trained on other
/// features is refused instead of reading the wrong buckets.
/// </remarks>
public sealed class MentionModel : IMentionClassifier
{
    public const string SignatureEntry = "NewsMiner/features.txt";

    // The earliest time a zip entry can hold (MS-DOS dates start in 1980): any fixed value makes saves identical.
    private static readonly DateTimeOffset FixedEntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly SchemaDefinition _schema;
    // Each engine with its own output row, which Predict fills in place.
    private readonly ConcurrentBag<(PredictionEngine<MentionRow, MentionScore> Engine, MentionScore Output)> _engines = [];
    private readonly string[] _labels;

    public MentionFeaturizer Featurizer { get; }

    /// <summary>The ML.NET trainer that fit the model ("lbfgs", "sdca", "lightgbm").</summary>
    public string Trainer { get; }

    public IReadOnlyList<string> Labels => _labels;

    internal MentionModel(MLContext ml, ITransformer transformer, MentionFeaturizer featurizer, string trainer)
    {
        _ml = ml;
        _transformer = transformer;
        Featurizer = featurizer;
        Trainer = trainer;
        _schema = MentionRow.Schema(featurizer);
        _labels = ReadLabels(ml, transformer, _schema);
    }

    public ClassProbabilities Classify(MentionContext m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var row = MentionRow.Of(Featurizer, m);
        if (!_engines.TryTake(out var pooled))
            pooled = (_ml.Model.CreatePredictionEngine<MentionRow, MentionScore>(_transformer, inputSchemaDefinition: _schema), new MentionScore());
        try
        {
            pooled.Engine.Predict(row, ref pooled.Output);
            return new ClassProbabilities(_labels, Normalised(pooled.Output.Score));
        }
        finally
        {
            _engines.Add(pooled);
        }
    }

    /// <summary>The model file's bytes: the same model always gives the same bytes.</summary>
    public byte[] ToBytes()
    {
        using var saved = new MemoryStream();
        _ml.Model.Save(_transformer, _ml.Data.LoadFromEnumerable(Array.Empty<MentionRow>(), _schema).Schema, saved);
        return Canonical(saved.ToArray(), $"{Featurizer.Signature}\ntrainer={Trainer}\n");
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ToBytes());
    }

    /// <summary>Loads a model file next to whichever of <paramref name="featurizers"/> its signature names.</summary>
    public static MentionModel Load(Stream stream, IReadOnlyList<MentionFeaturizer> featurizers)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(featurizers);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        var (signature, trainer) = ReadSignature(copy);
        var featurizer = featurizers.FirstOrDefault(f => f.Signature == signature)
            ?? throw new InvalidDataException($"model trained with features '{signature}', this build makes '{string.Join("' or '", featurizers.Select(f => f.Signature))}': run `newsminer train`");
        copy.Position = 0;
        var ml = MentionModelTrainer.NewContext();
        try
        {
            return new MentionModel(ml, ml.Model.Load(copy, out _), featurizer, trainer);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException("not a loadable ML.NET model: " + e.Message, e);
        }
    }

    private static (string Signature, string Trainer) ReadSignature(Stream zip)
    {
        using var archive = OpenZip(zip);
        var entry = archive.GetEntry(SignatureEntry) ?? throw new InvalidDataException($"not a NewsMiner figure-classifier model (no {SignatureEntry})");
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var trainer = lines.FirstOrDefault(l => l.StartsWith("trainer=", StringComparison.Ordinal))?["trainer=".Length..] ?? "?";
        return (lines.Length > 0 ? lines[0] : "", trainer);
    }

    private static ZipArchive OpenZip(Stream zip)
    {
        try
        {
            return new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException("not a model zip: " + e.Message, e);
        }
    }

    /// <summary>
    /// The zip rewritten with entries in ordinal order, one fixed time, and the signature entry added: the only parts of
    /// an ML.NET save that change from run to run are the entries' times.
    /// </summary>
    private static byte[] Canonical(byte[] zip, string signature)
    {
        var entries = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        using (var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        {
            foreach (var e in source.Entries)
            {
                using var content = new MemoryStream();
                using (var s = e.Open()) s.CopyTo(content);
                entries[e.FullName] = content.ToArray();
            }
        }
        entries[SignatureEntry] = Encoding.UTF8.GetBytes(signature);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                var entry = target.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = FixedEntryTime;
                using var s = entry.Open();
                s.Write(bytes);
            }
        }
        return output.ToArray();
    }

    /// <summary>The labels in score order: the key values of the label column the pipeline learnt (ordinal order).</summary>
    private static string[] ReadLabels(MLContext ml, ITransformer transformer, SchemaDefinition schema)
    {
        var output = transformer.GetOutputSchema(ml.Data.LoadFromEnumerable(Array.Empty<MentionRow>(), schema).Schema);
        VBuffer<ReadOnlyMemory<char>> names = default;
        output["Score"].GetSlotNames(ref names);
        return [.. names.DenseValues().Select(n => n.ToString())];
    }

    /// <summary>Scores as probabilities summing to 1 (softmax outputs already do, up to float rounding).</summary>
    private static double[] Normalised(float[] score)
    {
        var p = new double[score.Length];
        var sum = 0.0;
        for (var i = 0; i < p.Length; i++) sum += p[i] = Math.Max(0, score[i]);
        if (sum <= 0) return p;
        for (var i = 0; i < p.Length; i++) p[i] /= sum;
        return p;
    }
}
