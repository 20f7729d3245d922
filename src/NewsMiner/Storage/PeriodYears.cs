using System.Globalization;

namespace NewsMiner.Storage;

/// <summary>
/// First and last calendar year of a figure-schema period ("2016", "2015-2020", "2017-01/2017-11", "2017-02-24").
/// Stored beside the period string so year filters are an index range, and because scoring compares periods by these years.
/// </summary>
public readonly record struct PeriodYears(int Start, int End)
{
    public bool Contains(int year) => Start <= year && year <= End;

    /// <summary>Null or empty periods and text in none of the schema's forms give false.</summary>
    public static bool TryParse(string? period, out PeriodYears years)
    {
        years = default;
        if (string.IsNullOrWhiteSpace(period)) return false;
        var s = period.Trim();
        var slash = s.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            // Month or date spans: "2017-01/2017-11", "2016-12/2017-02", "2017-01-01/2017-06-30".
            if (!TryPoint(s[..slash], out var a) || !TryPoint(s[(slash + 1)..], out var b)) return false;
            return Ordered(a.Year, b.Year, out years);
        }
        var parts = s.Split('-');
        switch (parts.Length)
        {
            case 1 when TryYear(parts[0], out var y):
                years = new PeriodYears(y, y);
                return true;
            case 2 when parts[1].Length == 4:
                return TryYear(parts[0], out var y0) && TryYear(parts[1], out var y1) && Ordered(y0, y1, out years);
            default:
                if (!TryPoint(s, out var p)) return false;
                years = new PeriodYears(p.Year, p.Year);
                return true;
        }
    }

    /// <summary>The years, or null when the period is null or not in a schema form.</summary>
    public static PeriodYears? Parse(string? period) => TryParse(period, out var y) ? y : null;

    private static bool Ordered(int a, int b, out PeriodYears years)
    {
        years = new PeriodYears(a, b);
        return a <= b;
    }

    // "YYYY", "YYYY-MM" or "YYYY-MM-DD": a real calendar point, so "2017-13" and "2017-02-30" are rejected.
    private static bool TryPoint(string text, out DateOnly date)
    {
        date = default;
        var parts = text.Split('-');
        if (parts.Length is < 1 or > 3 || !TryYear(parts[0], out var y)) return false;
        var m = 1;
        var d = 1;
        if (parts.Length >= 2 && !TryTwoDigits(parts[1], 1, 12, out m)) return false;
        if (parts.Length == 3 && !TryTwoDigits(parts[2], 1, DateTime.DaysInMonth(y, m), out d)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    private static bool TryYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && text.Length == 4 && year >= 1000;

    private static bool TryTwoDigits(string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && text.Length == 2
        && value >= min && value <= max;
}
