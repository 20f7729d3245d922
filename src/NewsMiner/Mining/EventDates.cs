using System.Globalization;
using System.Text.RegularExpressions;
using NewsMiner.Text;

namespace NewsMiner.Mining;

/// <summary>
/// The date an undated page's report is about, so its relative words ("đến nay", "năm qua", "từ đầu nhiệm kỳ") still
/// resolve as the figure schema asks ("when the page shows no publication date, a year the text makes unambiguous is
/// used"). In order: a metadata line "date YYYY-MM" heading the text; a lead that opens with a full date ("Ngày
/// 9/4/2024, ..."); a lead with day and month only whose sentence holds a congress of a named term ("Ngày 18/10, Đại hội
/// đại biểu ... nhiệm kỳ 2020-2025": congresses open their term, so the year is the term's first).
/// </summary>
public sealed class EventDates
{
    /// <summary>Only the top of the text is the lead; dates further down belong to other events.</summary>
    private const int LeadChars = 900;

    private static readonly Regex MetadataMonth = new(@"\A\s*date\s+(?<y>(?:19|20)\d{2})-(?<m>\d{2})\b", RegexOptions.CultureInvariant);
    private static readonly Regex Term = new(@"nhiệm\s+kỳ\s+(?<y>(?:19|20)\d{2})\s*[-–]\s*(?:19|20)\d{2}", RegexOptions.CultureInvariant);

    private readonly Regex leadWithYear;
    private readonly Regex leadWithoutYear;
    private readonly IReadOnlyList<string> congressKeys;
    private readonly IReadOnlyList<string> congressNotAfterKeys;

    private readonly IReadOnlyList<(Regex Pattern, int AddYears)> undatedYear;

    public EventDates(IReadOnlyList<string> leadWords, IReadOnlyList<string> congress, IReadOnlyList<string> congressNotAfter,
        IReadOnlyList<(string Regex, int AddYears)>? undatedYear = null)
    {
        this.undatedYear = (undatedYear ?? []).Select(u => (new Regex(u.Regex, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase), u.AddYears)).ToList();
        var lead = string.Join('|', leadWords.OrderByDescending(w => w.Length).Select(w => Regex.Escape(w).Replace(@"\ ", @"\s+")));
        // A lead opens a line or follows a dateline tag such as "(BTNO) -": the date is the event's, not a document's.
        var opening = @"(?:^|\n|\)\s*[-–]\s*|[-–]\s+)\s*(?i:" + lead + @")\s+(?:ngày\s+)?(?:\d{1,2}\s+(?:và|-|–)\s+)?(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})";
        leadWithYear = new Regex(opening + @"\s*[/.-]\s*(?<y>(?:19|20)\d{2})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.Multiline);
        leadWithoutYear = new Regex(opening + @"(?![/.-]?\d)\s*,", RegexOptions.CultureInvariant | RegexOptions.Multiline);
        congressKeys = congress.Select(VietnameseText.ToneKey).ToList();
        congressNotAfterKeys = congressNotAfter.Select(VietnameseText.ToneKey).ToList();
    }

    public DateOnly? Infer(string text)
    {
        var lead = text.Length > LeadChars ? text[..LeadChars] : text;
        return FromMetadataMonth(lead) ?? FromDatedLead(lead) ?? FromCongressLead(lead) ?? FromYearPhrase(lead);
    }

    /// <summary>"9 tháng đầu năm 2017" (written after September 2017), "năm 2023 vừa qua" (written in 2024).</summary>
    private DateOnly? FromYearPhrase(string lead)
    {
        DateOnly? latest = null;
        foreach (var (pattern, addYears) in undatedYear)
        {
            for (var m = pattern.Match(lead); m.Success; m = m.NextMatch())
            {
                var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) + addYears;
                var date = m.Groups["d"].Success ? Date(year.ToString(CultureInfo.InvariantCulture), m.Groups["m"].Value, m.Groups["d"].Value)
                    : m.Groups["n"].Success && int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) is var n and >= 1 and <= 12 ? new DateOnly(year, n, DateTime.DaysInMonth(year, n))
                    : new DateOnly(year, addYears > 0 ? 1 : 12, addYears > 0 ? 1 : 31);
                if (date is { } d && (latest is null || d > latest)) latest = d;
            }
        }
        return latest;
    }

    private static DateOnly? FromMetadataMonth(string lead) =>
        MetadataMonth.Match(lead) is { Success: true } m ? Date(m.Groups["y"].Value, m.Groups["m"].Value, "1") : null;

    private DateOnly? FromDatedLead(string lead) =>
        leadWithYear.Match(lead) is { Success: true } m ? Date(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) : null;

    private DateOnly? FromCongressLead(string lead)
    {
        if (leadWithoutYear.Match(lead) is not { Success: true } m) return null;
        var sentenceEnd = lead.IndexOf('.', m.Index + m.Length);
        var sentence = VietnameseText.ToneKey(lead[m.Index..(sentenceEnd < 0 ? lead.Length : sentenceEnd)]);
        if (!HoldsCongress(sentence) || Term.Match(sentence) is not { Success: true } term) return null;
        return Date(term.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
    }

    /// <summary>A congress being held in the lead's sentence, not one whose resolution is being carried out.</summary>
    private bool HoldsCongress(string sentence)
    {
        foreach (var congress in congressKeys)
        {
            for (var at = sentence.IndexOf(congress, StringComparison.Ordinal); at >= 0; at = sentence.IndexOf(congress, at + 1, StringComparison.Ordinal))
            {
                var before = sentence[..at].TrimEnd();
                if (!congressNotAfterKeys.Any(w => before.EndsWith(w, StringComparison.Ordinal))) return true;
            }
        }
        return false;
    }

    private static DateOnly? Date(string year, string month, string day)
    {
        var inv = CultureInfo.InvariantCulture;
        var (y, m, d) = (int.Parse(year, inv), int.Parse(month, inv), int.Parse(day, inv));
        return m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }
}
