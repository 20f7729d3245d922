using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsMiner.Mining;

/// <summary>What kind of time a phrase names; decides which figures may take it.</summary>
internal enum TimeKind
{
    /// <summary>"năm 2016": a calendar year.</summary>
    Year,
    /// <summary>"(năm 2020)" right after a number: dates only that number.</summary>
    BoundYear,
    /// <summary>"nhiệm kỳ 2015-2020", "giai đoạn 2023-2025", "từ năm 2020 đến nay".</summary>
    Span,
    /// <summary>"11 tháng đầu năm 2017", "quý I", "từ đầu năm".</summary>
    MonthSpan,
    /// <summary>"hiện có", "đến nay": a stock at publication.</summary>
    Now,
    /// <summary>"tính đến 31/12/2023", "đến cuối năm 2023": a stock at a cut-off.</summary>
    Cutoff,
    /// <summary>"sau hơn 2 năm thực hiện", "từ đầu nhiệm kỳ": the term so far, cut at publication.</summary>
    TermSoFar,
    /// <summary>"Sáng 12/5, ...": the day an event (a ceremony) took place.</summary>
    Day,
}

/// <summary>A time phrase in the key text with the canonical period it names (null when it needs a term to anchor it).</summary>
internal sealed record TimeExpression(int Start, int End, TimeKind Kind, string? Period, int? FromYear, int? ToYear);

/// <summary>
/// Turns Vietnamese time phrases into figure-schema v1 periods. Relative words ("năm qua", "nhiệm kỳ qua", "đến nay")
/// resolve against the publication date; without one they stay unresolved rather than guessed.
/// </summary>
internal sealed class PeriodResolver(PeriodPatterns patterns)
{
    private const int MinYear = 1945;
    private const int MaxYear = 2100;

















    /// <summary>Time phrases in key[from..to), longest first where they overlap, in text order.</summary>
    public List<TimeExpression> Find(string key, int from, int to, DateOnly? published,
        IReadOnlyList<(string Phrase, int BaseYear)>? anniversaries = null)
    {
        var found = new List<TimeExpression>();
        var slice = key[from..to];
        var pubYear = published?.Year;
        // Most sentences carry no digits; only the word-only patterns can match them.
        var hasDigits = slice.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

        foreach (Match m in hasDigits ? patterns.Span.Matches(slice) : EmptyMatches)
        {
            var a = Year(m.Groups[1].Value);
            var b = Year(m.Groups[2].Value);
            if (a is null || b is null || b <= a || b - a > 10) continue;
            found.Add(new(from + m.Index, from + m.Index + m.Length, TimeKind.Span, $"{a}-{b}", a, b));
        }
        foreach (Match m in hasDigits ? patterns.FromYear.Matches(slice) : EmptyMatches)
        {
            var a = Year(m.Groups[1].Value);
            var b = Year(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value) ?? pubYear;
            if (a is null || b is null || b < a) continue;
            found.Add(new(from + m.Index, from + m.Index + m.Length, TimeKind.Span, a == b ? $"{a}" : $"{a}-{b}", a, b));
        }
        foreach (Match m in patterns.Months.Matches(slice))
        {
            var months = MonthCount(m.Groups[1].Value);
            var year = Year(m.Groups[3].Value) ?? pubYear;
            if (months is null or < 1 or > 12 || year is null) continue;
            var first = m.Groups[2].Value == "cuối" ? 13 - months.Value : 1;
            var last = m.Groups[2].Value == "cuối" ? 12 : months.Value;
            found.Add(new(from + m.Index, from + m.Index + m.Length, TimeKind.MonthSpan, MonthSpan(year.Value, first, last), year, year));
        }
        foreach (Match m in hasDigits ? patterns.Quarter.Matches(slice) : EmptyMatches)
        {
            var q = m.Groups[1].Value switch { "i" or "1" => 1, "ii" or "2" => 2, "iii" or "3" => 3, _ => 4 };
            var year = Year(m.Groups[2].Value) ?? pubYear;
            if (year is null) continue;
            found.Add(new(from + m.Index, from + m.Index + m.Length, TimeKind.MonthSpan, MonthSpan(year.Value, q * 3 - 2, q * 3), year, year));
        }
        foreach (Match m in hasDigits ? patterns.CutoffDate.Matches(slice) : EmptyMatches)
        {
            if (!TryDate(m.Groups[3].Value, m.Groups[2].Value, m.Groups[1].Value, out var date)) continue;
            found.Add(new(from + m.Index, from + m.Index + m.Length, TimeKind.Cutoff, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date.Year, date.Year));
        }
        foreach (Match m in hasDigits ? patterns.CutoffYear.Matches(slice) : EmptyMatches)
        {
            var y = Year(m.Groups[1].Value);
            if (y is null) continue;
            found.Add(new(from + m.Index, from + m.Index + m.Length, TimeKind.Cutoff, $"{y}", y, y));
        }
        foreach (Match m in hasDigits ? patterns.BoundYear.Matches(slice) : EmptyMatches)
        {
            var y = Year(m.Groups[1].Value);
            if (y is null) continue;
            found.Add(new(from + m.Index, from + m.Index + m.Length, TimeKind.BoundYear, $"{y}", y, y));
        }
        foreach (Match m in hasDigits ? patterns.Year.Matches(slice) : EmptyMatches)
        {
            var y = Year(m.Groups[1].Value);
            if (y is null) continue;
            found.Add(new(from + m.Index, from + m.Index + m.Length, TimeKind.Year, $"{y}", y, y));
        }
        if (published is { } pub)
        {
            foreach (Match m in patterns.LastYear.Matches(slice))
            {
                // Early in a year "năm qua" is the year just ended; late in a year it is the year now ending.
                var y = pub.Month <= 6 ? pub.Year - 1 : pub.Year;
                found.Add(new(from + m.Index, from + m.Index + m.Length, TimeKind.Year, $"{y}", y, y));
            }
            foreach (Match m in patterns.ThisYear.Matches(slice))
            {
                found.Add(new(from + m.Index, from + m.Index + m.Length, TimeKind.MonthSpan, MonthSpan(pub.Year, 1, pub.Month), pub.Year, pub.Year));
            }
            foreach (Match m in patterns.PastTerm.Matches(slice))
            {
                var (a, b) = TermAround(pub, m.Value.Contains("trước", StringComparison.Ordinal));
                found.Add(new(from + m.Index, from + m.Index + m.Length, TimeKind.Span, $"{a}-{b}", a, b));
            }
            foreach (Match m in patterns.Now.Matches(slice))
            {
                found.Add(new(from + m.Index, from + m.Index + m.Length, TimeKind.Now, pub.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), pub.Year, pub.Year));
            }
        }
        foreach (Match m in hasDigits ? patterns.Month.Matches(slice) : EmptyMatches)
        {
            var month = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var y = Year(m.Groups[2].Value);
            if (y is null || month is < 1 or > 12) continue;
            found.Add(new(from + m.Index, from + m.Index + m.Length, TimeKind.MonthSpan, MonthSpan(y.Value, month, month), y, y));
        }
        foreach (Match m in hasDigits ? patterns.Anniversary.Matches(slice) : EmptyMatches)
        {
            // "kỷ niệm 90 năm Ngày thành lập Đảng": the year is the event's year plus the count.
            var rest = slice[(m.Index + m.Length)..].TrimStart();
            if (rest.StartsWith("ngày ", StringComparison.Ordinal)) rest = rest[5..];
            foreach (var (phrase, baseYear) in anniversaries ?? [])
            {
                if (!rest.StartsWith(phrase, StringComparison.Ordinal)) continue;
                var y = baseYear + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                found.Add(new(from + m.Index, from + m.Index + m.Length, TimeKind.Year, $"{y}", y, y));
                break;
            }
        }
        foreach (Match m in hasDigits ? patterns.Day.Matches(slice) : EmptyMatches)
        {
            var year = m.Groups[3].Success ? m.Groups[3].Value : pubYear?.ToString(CultureInfo.InvariantCulture);
            if (year is null || !TryDate(year, m.Groups[2].Value, m.Groups[1].Value, out var day)) continue;
            // An event dated later in the year than the article happened the year before.
            if (!m.Groups[3].Success && published is { } p && day > p) day = day.AddYears(-1);
            found.Add(new(from + m.Index, from + m.Index + m.Length, TimeKind.Day, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.Year, day.Year));
        }
        foreach (Match m in patterns.TermSoFar.Matches(slice))
        {
            found.Add(new(from + m.Index, from + m.Index + m.Length, TimeKind.TermSoFar, null, null, pubYear));
        }

        found.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.End.CompareTo(x.End));
        var kept = new List<TimeExpression>(found.Count);
        foreach (var e in found)
        {
            if (kept.Count > 0 && e.Start < kept[^1].End && e.Kind != TimeKind.TermSoFar && kept[^1].Kind != TimeKind.TermSoFar) continue;
            kept.Add(e);
        }
        return kept;
    }

    /// <summary>
    /// The five-year party term a date falls in (congresses of 2010, 2015, 2020, 2025 open terms). In a congress year
    /// "nhiệm kỳ qua/này" still means the term that the congress closes.
    /// </summary>
    public static (int From, int To) TermAround(DateOnly published, bool previous)
    {
        var start = published.Year - ((published.Year - 2010) % 5 + 5) % 5;
        if (start == published.Year) start -= 5;
        if (previous) start -= 5;
        return (start, start + 5);
    }

    private static readonly MatchCollection EmptyMatches = new Regex("x", RegexOptions.None).Matches(string.Empty);

    public static string MonthSpan(int year, int firstMonth, int lastMonth) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{firstMonth:D2}/{year:D4}-{lastMonth:D2}");

    private static int? Year(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= MinYear and <= MaxYear ? y : null;

    private static bool TryDate(string y, string m, string d, out DateOnly date)
    {
        date = default;
        return int.TryParse(y, CultureInfo.InvariantCulture, out var yy) && int.TryParse(m, CultureInfo.InvariantCulture, out var mm)
            && int.TryParse(d, CultureInfo.InvariantCulture, out var dd) && mm is >= 1 and <= 12 && dd >= 1
            && dd <= DateTime.DaysInMonth(yy, mm) && (date = new DateOnly(yy, mm, dd)) != default;
    }

    private static int? MonthCount(string s) => s switch
    {
        "một" => 1, "hai" => 2, "ba" => 3, "bốn" => 4, "sáu" => 6, "bảy" => 7, "tám" => 8, "chín" => 9, "mười" => 10,
        "mười một" => 11, "mười hai" => 12,
        _ => int.TryParse(s, CultureInfo.InvariantCulture, out var n) ? n : null,
    };
}

/// <summary>The period phrase patterns of figure-rules.json (time.patterns), compiled once.</summary>
internal sealed record PeriodPatterns(
    Regex Span, Regex FromYear, Regex Months, Regex Quarter, Regex CutoffDate, Regex CutoffYear, Regex BoundYear, Regex Year,
    Regex LastYear, Regex ThisYear, Regex PastTerm, Regex TermSoFar, Regex Day, Regex Month, Regex Anniversary, Regex Now)
{
    /// <summary>
    /// Guards against a pathological pattern in the data file; generous, because patterns read from data run in the
    /// regex interpreter and a busy machine slows every match.
    /// </summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    public static PeriodPatterns Read(System.Text.Json.JsonElement patterns)
    {
        Regex R(string name) => new(patterns.GetProperty(name).GetString()
            ?? throw new InvalidDataException($"figure-rules.json: time.patterns.{name} is not a string"), RegexOptions.CultureInvariant, MatchTimeout);
        return new(R("span"), R("from_year"), R("months"), R("quarter"), R("cutoff_date"), R("cutoff_year"), R("bound_year"), R("year"),
            R("last_year"), R("this_year"), R("past_term"), R("term_so_far"), R("day"), R("month"), R("anniversary"), R("now"));
    }
}
