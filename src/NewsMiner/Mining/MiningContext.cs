namespace NewsMiner.Mining;

/// <summary>
/// What the miner knows about an article besides its text: the publication date (relative time words resolve against
/// it) and the publishing site's province (used when the text names no province).
/// </summary>
public sealed record MiningContext(DateOnly? Published, string? SiteProvince, string? Title = null);

/// <summary>A number the miner saw and did not turn into a figure, with the reason (for `explain` and debugging).</summary>
public sealed record RejectedNumber(int Start, int Length, string Text, string Reason);

/// <summary>The figures of one article, plus every number that was rejected and why.</summary>
public sealed record MiningResult(IReadOnlyList<Figure> Figures, IReadOnlyList<RejectedNumber> Rejected);
