using System.Text;

namespace NewsMiner.Mining.Classification;

/// <summary>
/// A multinomial logistic regression (softmax) over hashed features: one weight per (bucket, label). Only the buckets
/// seen in training are kept, so the model is small, but lookups stay O(1) through a bucket → row table.
/// </summary>
/// <remarks>
/// File format (little-endian; <c>str</c> = u16 byte count + UTF-8 bytes), version 1:
/// <code>
/// "NMFC"            4 bytes, ASCII magic
/// version           u16 = 1
/// signature         str, MentionFeaturizer.Signature (feature version, bucket bits, cue-list hash)
/// bits              u8, log2 of the bucket count
/// K                 u16, label count; then K × str labels (ascending ordinal)
/// R                 u32, row count; then R × { bucket u32 (strictly ascending), K × f32 weights }
/// checksum          u32, FNV-1a over every byte before it
/// </code>
/// Nothing in it depends on the clock, the machine or the culture, so training twice on the same data writes the same bytes.
/// </remarks>
public sealed class HashedLogisticRegression : IMentionClassifier
{
    public const int FormatVersion = 1;
    private static ReadOnlySpan<byte> Magic => "NMFC"u8;

    private readonly string[] _labels;
    private readonly int[] _buckets;
    private readonly float[] _weights;
    private readonly int[] _rowOf;

    public MentionFeaturizer Featurizer { get; }
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Buckets with weights (features seen in training).</summary>
    public int RowCount => _buckets.Length;

    /// <param name="buckets">Ascending, distinct bucket indices.</param>
    /// <param name="weights">buckets.Length × labels.Count weights, row by row.</param>
    public HashedLogisticRegression(MentionFeaturizer featurizer, IReadOnlyList<string> labels, int[] buckets, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(buckets);
        ArgumentNullException.ThrowIfNull(weights);
        if (labels.Count < 2) throw new ArgumentException("a classifier needs at least two labels", nameof(labels));
        if (weights.Length != buckets.Length * labels.Count) throw new ArgumentException("weights must be buckets × labels", nameof(weights));
        Featurizer = featurizer;
        _labels = [.. labels];
        _buckets = [.. buckets];
        _weights = [.. weights];
        _rowOf = new int[featurizer.BucketCount];
        Array.Fill(_rowOf, -1);
        for (var r = 0; r < _buckets.Length; r++)
        {
            var b = _buckets[r];
            if (b < 0 || b >= _rowOf.Length) throw new ArgumentException($"bucket {b} outside 0..{_rowOf.Length - 1}", nameof(buckets));
            if (r > 0 && b <= _buckets[r - 1]) throw new ArgumentException("buckets must be strictly ascending", nameof(buckets));
            _rowOf[b] = r;
        }
    }

    public ClassProbabilities Classify(MentionContext m) => Classify(Featurizer.Featurize(m));

    public ClassProbabilities Classify(SparseFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var k = _labels.Length;
        Span<double> z = stackalloc double[k];
        z.Clear();
        var buckets = features.Buckets;
        var values = features.Values;
        for (var i = 0; i < buckets.Length; i++)
        {
            var b = buckets[i];
            if ((uint)b >= (uint)_rowOf.Length) continue;
            var row = _rowOf[b];
            if (row < 0) continue;
            var v = values[i];
            var w = _weights.AsSpan(row * k, k);
            for (var c = 0; c < k; c++) z[c] += v * w[c];
        }
        var p = new double[k];
        Softmax(z, p);
        return new ClassProbabilities(_labels, p);
    }

    internal static void Softmax(ReadOnlySpan<double> z, Span<double> p)
    {
        var max = double.NegativeInfinity;
        foreach (var v in z) max = Math.Max(max, v);
        var sum = 0.0;
        for (var c = 0; c < z.Length; c++)
        {
            p[c] = Math.Exp(z[c] - max);
            sum += p[c];
        }
        for (var c = 0; c < z.Length; c++) p[c] /= sum;
    }

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write((ushort)FormatVersion);
            WriteString(w, Featurizer.Signature);
            w.Write((byte)Featurizer.Bits);
            w.Write((ushort)_labels.Length);
            foreach (var l in _labels) WriteString(w, l);
            w.Write((uint)_buckets.Length);
            for (var r = 0; r < _buckets.Length; r++)
            {
                w.Write((uint)_buckets[r]);
                for (var c = 0; c < _labels.Length; c++) w.Write(_weights[r * _labels.Length + c]);
            }
        }
        var body = ms.ToArray();
        var checksum = FeatureHash.Fnv1a(body);
        var bytes = new byte[body.Length + 4];
        body.CopyTo(bytes, 0);
        BitConverter.TryWriteBytes(bytes.AsSpan(body.Length), checksum);
        if (!BitConverter.IsLittleEndian) bytes.AsSpan(body.Length).Reverse();
        return bytes;
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ToBytes());
    }

    /// <summary>Reads a model file; refuses one whose features differ from <paramref name="featurizer"/>'s (retrain instead).</summary>
    public static HashedLogisticRegression Load(Stream stream, MentionFeaturizer featurizer)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(featurizer);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Load(copy.ToArray(), featurizer);
    }

    /// <summary>Loads a model next to whichever of <paramref name="featurizers"/> it was trained with (its recorded signature).</summary>
    public static HashedLogisticRegression Load(Stream stream, IReadOnlyList<MentionFeaturizer> featurizers)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(featurizers);
        if (featurizers.Count == 0) throw new ArgumentException("no featurizer to load the model with", nameof(featurizers));
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        InvalidDataException? first = null;
        foreach (var f in featurizers)
        {
            try
            {
                return Load(bytes, f);
            }
            catch (InvalidDataException e)
            {
                first ??= e;
            }
        }
        throw first!;
    }

    private static HashedLogisticRegression Load(byte[] bytes, MentionFeaturizer featurizer)
    {
        if (bytes.Length < 4 + 2 + 4) throw new InvalidDataException("model file too short");
        var body = bytes.AsSpan(0, bytes.Length - 4);
        var stored = BitConverter.ToUInt32(bytes, bytes.Length - 4);
        if (!BitConverter.IsLittleEndian) stored = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(stored);
        if (!body.StartsWith(Magic)) throw new InvalidDataException("not a NewsMiner figure-classifier model (bad magic)");
        if (FeatureHash.Fnv1a(body) != stored) throw new InvalidDataException("model file damaged (checksum mismatch)");
        using var r = new BinaryReader(new MemoryStream(bytes, 0, body.Length), Encoding.UTF8);
        r.ReadBytes(4);
        var version = r.ReadUInt16();
        if (version != FormatVersion) throw new InvalidDataException($"model format version {version}; this build reads {FormatVersion}");
        var signature = ReadString(r);
        if (signature != featurizer.Signature)
            throw new InvalidDataException($"model trained with features '{signature}', this build makes '{featurizer.Signature}': run `newsminer train`");
        var bits = r.ReadByte();
        if (bits != featurizer.Bits) throw new InvalidDataException($"model has 2^{bits} buckets, the featurizer 2^{featurizer.Bits}");
        var k = r.ReadUInt16();
        var labels = new string[k];
        for (var i = 0; i < k; i++) labels[i] = ReadString(r);
        var rows = r.ReadUInt32();
        if (rows > (uint)featurizer.BucketCount) throw new InvalidDataException("more rows than buckets");
        var buckets = new int[rows];
        var weights = new float[rows * k];
        for (var row = 0; row < rows; row++)
        {
            buckets[row] = checked((int)r.ReadUInt32());
            for (var c = 0; c < k; c++) weights[row * k + c] = r.ReadSingle();
        }
        if (r.BaseStream.Position != body.Length) throw new InvalidDataException("trailing bytes after the weights");
        try
        {
            return new HashedLogisticRegression(featurizer, labels, buckets, weights);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException("model file inconsistent: " + e.Message, e);
        }
    }

    private static void WriteString(BinaryWriter w, string s)
    {
        var b = Encoding.UTF8.GetBytes(s);
        w.Write(checked((ushort)b.Length));
        w.Write(b);
    }

    private static string ReadString(BinaryReader r)
    {
        var n = r.ReadUInt16();
        var b = r.ReadBytes(n);
        if (b.Length != n) throw new InvalidDataException("model file truncated");
        return Encoding.UTF8.GetString(b);
    }
}
