namespace NewsMiner.Mining.Localities;

/// <summary>Administrative level: province (tỉnh / thành phố trực thuộc TW), district (huyện, quận, thị xã, thành phố
/// thuộc tỉnh; abolished 2025-07-01) and commune (xã, phường, thị trấn, đặc khu).</summary>
public enum UnitLevel
{
    Province = 1,
    District = 2,
    Commune = 3,
}

/// <summary>
/// One version of an administrative unit: a code keeps a version while its name, type and parent stay the same.
/// <see cref="Name"/> is the official name without its type word ("Xuân Sơn", numbered wards "5");
/// <see cref="Type"/> the type word ("Phường"). <see cref="ValidTo"/> is exclusive; null for units still in force.
/// Pre- and post-2025 codes collide (52 was Bình Định, is Gia Lai), so (Code, ValidFrom) is the identity.
/// </summary>
public sealed record AdminUnit(
    string Code,
    UnitLevel Level,
    string Name,
    string Type,
    string? ParentCode,
    string ProvinceCode,
    DateOnly ValidFrom,
    DateOnly? ValidTo)
{
    public bool InForceAt(DateOnly date) => ValidFrom <= date && (ValidTo is null || date < ValidTo.Value);

    /// <summary>True for units of the tree in force from 2025-07-01 (no districts).</summary>
    public bool IsPostReform => ValidFrom >= Gazetteer.ReformDate;

    /// <summary>"Phường Xuân Sơn", "Thành phố Pleiku".</summary>
    public string FullName => Type + " " + Name;
}

/// <summary>A 2025 successor of an old commune: <see cref="Relation"/> is the NSO table's whole / partial / unchanged / ….</summary>
public sealed record UnitSuccession(AdminUnit Unit, string Relation);
