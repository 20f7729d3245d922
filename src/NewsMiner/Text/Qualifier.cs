namespace NewsMiner.Text;

/// <summary>How a stated number relates to the true count (figure-schema v1 `qualifier`).</summary>
public enum Qualifier
{
    Exact,
    MoreThan,
    Nearly,
    About,
    AtLeast,
    Range,
}

public static class QualifierNames
{
    /// <summary>The schema's spelling, used in JSON, CSV and the database.</summary>
    public static string ToSchemaName(this Qualifier q) => q switch
    {
        Qualifier.Exact => "exact",
        Qualifier.MoreThan => "more_than",
        Qualifier.Nearly => "nearly",
        Qualifier.About => "about",
        Qualifier.AtLeast => "at_least",
        Qualifier.Range => "range",
        _ => throw new ArgumentOutOfRangeException(nameof(q), q, null),
    };

    public static bool TryParse(string name, out Qualifier q)
    {
        foreach (var v in Enum.GetValues<Qualifier>())
        {
            if (v.ToSchemaName() == name) { q = v; return true; }
        }
        q = Qualifier.Exact;
        return false;
    }
}
