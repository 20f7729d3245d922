using System.Globalization;
using System.Text.RegularExpressions;
using NewsMiner.Text;

namespace NewsMiner.Extraction;

/// <summary>A line that is only a publication date (and maybe the byline, view counter or uploader glued to it).</summary>
internal sealed record DateLine(DateTimeOffset Value, bool HasTime, bool IsUpdate, string? Author, string? Uploader);

/// <summary>
/// Reads the date lines of sources.md section 4. A line qualifies only when, once the date, time, weekday, labels,
/// zone and counters are taken out, nothing is left but bare numbers or a person's name in front of the date; so a
/// body sentence that mentions a date ("Công văn ... ngày 7-6-2016") is never a date line.
/// </summary>
internal sealed class DateLineReader(ExtractionLexicon lexicon)
{
    /// <summary>Longer lines are body text: the longest real date line seen is about 100 characters.</summary>
    public const int MaxLineChars = 160;

    public DateLine? Read(string line)
    {
        // Every date format has digits; most page lines have none, so they cost one scan and no regex.
        if (line.Length == 0 || line.Length > MaxLineChars || !line.AsSpan().ContainsAnyInRange('0', '9')) return null;
        Match? date = null;
        foreach (var pattern in lexicon.DatePatterns)
        {
            var m = pattern.Match(line);
            if (m.Success && (date is null || m.Index < date.Index)) date = m;
        }
        if (date is null || !TryDate(date, out var day)) return null;

        var time = NearestTime(line, date);
        var (hour, minute, second) = (0, 0, 0);
        if (time is not null && !TryTime(time, out hour, out minute, out second)) time = null;

        var residue = line.ToCharArray();
        Blank(residue, date.Index, date.Length);
        if (time is not null) Blank(residue, time.Index, time.Length);
        var text = new string(residue);
        string? uploader = null;
        var up = lexicon.UploaderSegment.Match(text);
        if (up.Success)
        {
            uploader = up.Groups["user"].Value.Trim();
            text = BlankMatches(text, up);
        }
        var isUpdate = lexicon.UpdatedLabel.IsMatch(text);
        text = BlankAll(lexicon.ZonePattern, text);
        foreach (var counter in lexicon.ViewCounters) text = BlankAll(counter, text);
        text = BlankAll(lexicon.UpdatedLabel, text);
        text = BlankAll(lexicon.PublishedLabel, text);
        text = BlankAll(lexicon.WeekdayRegex, text);
        text = BlankAll(lexicon.FillerWords, text);

        var dateStart = time is not null ? Math.Min(date.Index, time.Index) : date.Index;
        string? author = null;
        var words = Tokens(text).Where(t => !IsNumber(t.Text)).ToList();
        if (words.Count > 0)
        {
            // Only a name in front of the date may remain (baothainguyen "{Author} HH:mm, dd/MM/yyyy").
            if (words[^1].End > dateStart || words.Count > lexicon.MaxNameWords) return null;
            var name = line[words[0].Start..words[^1].End].Trim(' ', '-', '–', '|', ',');
            if (!NameShape.IsPersonName(name, lexicon)) return null;
            author = name;
        }
        var local = new DateTime(day.Year, day.Month, day.Day, hour, minute, second, DateTimeKind.Unspecified);
        return new DateLine(new DateTimeOffset(local, lexicon.UtcOffset), time is not null, isUpdate, author,
            string.IsNullOrEmpty(uploader) ? null : uploader);
    }

    /// <summary>
    /// A publication date inside a longer line: a metadata hint heading the text, or a date and time closing a
    /// headline or teaser. The line stays text; only the date is taken, and only where the page has no date line.
    /// </summary>
    public DateLine? ReadEmbedded(string line)
    {
        if (line.Length == 0 || !line.AsSpan().ContainsAnyInRange('0', '9')) return null;
        foreach (var pattern in lexicon.EmbeddedDatePatterns)
        {
            var m = pattern.Match(line);
            if (!m.Success || !TryDate(m, out var day)) continue;
            var hasTime = m.Groups["h"].Success;
            var (hour, minute) = hasTime ? (int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture)) : (0, 0);
            if (hour > 23 || minute > 59) continue;
            var local = new DateTime(day.Year, day.Month, day.Day, hour, minute, 0, DateTimeKind.Unspecified);
            return new DateLine(new DateTimeOffset(local, lexicon.UtcOffset), hasTime, IsUpdate: false, Author: null, Uploader: null);
        }
        return null;
    }

    /// <summary>A date in an attribute or meta tag in one of the page formats ("24/02/2017 06:59").</summary>
    public DateTimeOffset? ReadLoose(string value)
    {
        var v = VietnameseText.Normalize(value);
        foreach (var pattern in lexicon.DatePatterns)
        {
            var m = pattern.Match(v);
            if (!m.Success || !TryDate(m, out var day)) continue;
            var time = NearestTime(v, m);
            var (h, mi, s) = (0, 0, 0);
            if (time is not null && !TryTime(time, out h, out mi, out s)) (h, mi, s) = (0, 0, 0);
            return new DateTimeOffset(new DateTime(day.Year, day.Month, day.Day, h, mi, s, DateTimeKind.Unspecified), lexicon.UtcOffset);
        }
        return null;
    }

    private Match? NearestTime(string line, Match date)
    {
        Match? best = null;
        var bestDistance = int.MaxValue;
        for (var m = lexicon.TimePattern.Match(line); m.Success; m = m.NextMatch())
        {
            if (m.Index < date.Index + date.Length && date.Index < m.Index + m.Length) continue;
            var distance = m.Index >= date.Index + date.Length ? m.Index - (date.Index + date.Length) : date.Index - (m.Index + m.Length);
            if (distance < bestDistance)
            {
                best = m;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static bool TryDate(Match m, out DateOnly day)
    {
        day = default;
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (y is < 1990 or > 2100 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return false;
        day = new DateOnly(y, mo, d);
        return true;
    }

    private bool TryTime(Match m, out int hour, out int minute, out int second)
    {
        hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        minute = int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture);
        second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        var marker = m.Groups["ap"].Success ? m.Groups["ap"].Value.ToUpperInvariant() : null;
        // baothaibinh prints "14:30 PM": a marker on a 24-hour time is noise.
        if (marker is not null && hour is >= 1 and <= 12)
        {
            if (lexicon.PmMarkers.Contains(marker) && hour < 12) hour += 12;
            else if (lexicon.AmMarkers.Contains(marker) && hour == 12) hour = 0;
        }
        return hour < 24 && minute < 60 && second < 60;
    }

    private static void Blank(char[] chars, int start, int length) => Array.Fill(chars, ' ', start, length);

    private static string BlankMatches(string text, Match m)
    {
        var chars = text.ToCharArray();
        Blank(chars, m.Index, m.Length);
        return new string(chars);
    }

    // Replacing with spaces of the same length keeps positions, so "in front of the date" stays meaningful.
    private static string BlankAll(Regex regex, string text) => regex.Replace(text, m => new string(' ', m.Length));

    private static bool IsNumber(string token) => token.All(c => char.IsDigit(c) || c is '.' or ',');

    private static IEnumerable<(int Start, int End, string Text)> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && IsSeparator(text[i])) i++;
            var start = i;
            while (i < text.Length && !IsSeparator(text[i])) i++;
            if (i > start) yield return (start, i, text[start..i]);
        }
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is ',' or ';' or ':' or '-' or '–' or '—' or '|' or '[' or ']'
        or '(' or ')' or '\'' or '"' or '/' or '·' or '•' or '*' or '’' or '‘';
}
