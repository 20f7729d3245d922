namespace NewsMiner.Mining.Localities;

/// <summary>What the resolver knows besides the text: the article's date and the publishing site's province name.</summary>
public sealed record LocalityContext(DateOnly? AsOf, string? SiteProvince)
{
    public static LocalityContext None { get; } = new(null, null);
}

/// <summary>
/// A place named in normalised text. [Start, Start+Length) covers the type or organ word (when written) and the name.
/// <see cref="Unit"/> is the resolved unit version at <see cref="Level"/>; <see cref="District"/> and
/// <see cref="Province"/> are its ancestors at that time (District is the unit itself for a district, null for a
/// province and for post-2025 communes).
/// </summary>
public sealed record PlaceMention(
    int Start,
    int Length,
    string? TypeWord,
    UnitLevel Level,
    AdminUnit Unit,
    AdminUnit? District,
    AdminUnit Province,
    double Confidence)
{
    public int End => Start + Length;
}
