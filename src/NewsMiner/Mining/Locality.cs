namespace NewsMiner.Mining;

/// <summary>
/// The organisation a figure belongs to (figure-schema v1 `locality`): official names without type words, plus the
/// official GSO codes where the gazetteer resolved them. Levels are filled down to the organisation, higher levels included.
/// </summary>
public sealed record Locality(
    string? Province,
    string? District,
    string? Commune,
    string? Unit,
    string? ProvinceCode = null,
    string? DistrictCode = null,
    string? CommuneCode = null)
{
    public static Locality Empty { get; } = new(null, null, null, null);
}
