using Microsoft.ML.Tokenizers;

namespace NewsMiner.Mining.Classification;

/// <summary>
/// Subword tokens from Microsoft.ML.Tokenizers, as extra classifier features: a byte-pair vocabulary splits words the
/// syllable features see whole (run-together words, legacy-font remnants, stray letters) into pieces shared with the
/// clean spellings. Text must be NFC (VietnameseText.Normalize): NFD Vietnamese falls apart into bytes.
/// </summary>
public sealed class SubwordVocabulary
{
    // Created on first use: loading o200k_base's 200,000 merges takes a noticeable moment, and every process that
    // touches the featurizers would otherwise pay it, subwords or not.
    private readonly Lazy<Tokenizer> _tokenizer;

    /// <summary>The vocabulary's name, recorded in the featurizer's signature (a model knows which tokens it read).</summary>
    public string Name { get; }

    public SubwordVocabulary(string name, Func<Tokenizer> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        Name = name;
        _tokenizer = new Lazy<Tokenizer>(create);
    }

    /// <summary>OpenAI's o200k_base byte-pair vocabulary (shipped inside Microsoft.ML.Tokenizers.Data.O200kBase).</summary>
    public static SubwordVocabulary O200kBase { get; } = new("o200k_base", () => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    /// <summary>The tokens of <paramref name="text"/>, lower-cased, with the leading space a BPE token carries trimmed; blank tokens dropped.</summary>
    public List<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = _tokenizer.Value.EncodeToTokens(text, out _, considerPreTokenization: true, considerNormalization: false);
        var tokens = new List<string>(encoded.Count);
        foreach (var t in encoded)
        {
            var value = text[t.Offset].Trim();
            if (value.Length > 0) tokens.Add(value.ToLowerInvariant());
        }
        return tokens;
    }
}
