namespace NewsMiner.Mining.Classification;

/// <summary>
/// 32-bit FNV-1a over UTF-16 code units (low byte, then high byte). Stable across processes and platforms, unlike
/// string.GetHashCode, so a saved model keeps meaning the same features.
/// </summary>
public readonly struct FeatureHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public uint Value { get; }

    private FeatureHash(uint value) => Value = value;

    public static FeatureHash Start(string prefix) => new FeatureHash(OffsetBasis).Add(prefix.AsSpan());

    public FeatureHash Add(char c)
    {
        var h = Value;
        h = (h ^ (byte)c) * Prime;
        h = (h ^ (byte)(c >> 8)) * Prime;
        return new FeatureHash(h);
    }

    public FeatureHash Add(ReadOnlySpan<char> s)
    {
        var h = Value;
        foreach (var c in s)
        {
            h = (h ^ (byte)c) * Prime;
            h = (h ^ (byte)(c >> 8)) * Prime;
        }
        return new FeatureHash(h);
    }

    /// <summary>The bucket in a table of 2^bits: xor-folding keeps the high bits in play (the FNV authors' advice).</summary>
    public int Bucket(int bits) => (int)(((Value >> bits) ^ Value) & ((1u << bits) - 1));
}
