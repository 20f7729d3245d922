namespace NewsMiner.Text;

/// <summary>What shape of number the text shows; non-counts are kept so the miner can say why it rejected them.</summary>
public enum NumberForm
{
    /// <summary>A plain count or amount: "8.201", "hơn 300", "6 ngàn", "ba mươi".</summary>
    Single,
    /// <summary>"từ 100 đến 170", "10-12": <see cref="NumberMention.Value"/> is the low end.</summary>
    Range,
    /// <summary>"172/214": Value is the numerator, <see cref="NumberMention.Denominator"/> the denominator.</summary>
    Fraction,
    /// <summary>A percentage: "23,75%", "72 phần trăm".</summary>
    Percent,
    /// <summary>A calendar date or part of one ("24/02/2017", "ngày 7-6-2016"); never a figure.</summary>
    Date,
    /// <summary>A clock time ("06:59"); never a figure.</summary>
    Time,
    /// <summary>A document number ("08-NQ/TU", "76 QĐ/TW", "236-CV/TU"); never a figure.</summary>
    DocumentNumber,
    /// <summary>A phone number or long code; never a figure.</summary>
    Code,
}

/// <summary>
/// One number found in normalised text. Offsets are UTF-16 indices into the text given to the parser.
/// [Start, Start+Length) covers the qualifier words and the whole number expression (including "%");
/// [NumberStart, NumberStart+NumberLength) covers only the numeric part.
/// </summary>
public sealed record NumberMention(
    int Start,
    int Length,
    int NumberStart,
    int NumberLength,
    NumberForm Form,
    decimal Value,
    decimal? ValueMax,
    decimal? Denominator,
    Qualifier Qualifier)
{
    public int End => Start + Length;
    public int NumberEnd => NumberStart + NumberLength;
}
