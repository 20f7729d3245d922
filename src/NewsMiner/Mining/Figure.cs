using NewsMiner.Text;

namespace NewsMiner.Mining;

/// <summary>
/// One statistic an article states (figure-schema v1). <see cref="Period"/> uses the schema's canonical strings
/// ("2016", "2015-2020", "2017-01/2017-11", "2017-02-24"). <see cref="EvidenceStart"/> and <see cref="EvidenceLength"/>
/// locate <see cref="Evidence"/> in the article's normalised text; <see cref="ValueStart"/> locates the number itself.
/// </summary>
public sealed record Figure(
    Metric Metric,
    string? Segment,
    decimal Value,
    decimal? ValueMax,
    Qualifier Qualifier,
    bool PerYear,
    string? Period,
    Locality Locality,
    string Evidence,
    int EvidenceStart,
    int EvidenceLength,
    int ValueStart,
    double Confidence);
