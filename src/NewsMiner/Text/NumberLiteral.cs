using System.Globalization;

namespace NewsMiner.Text;

internal enum NumberLiteralKind : byte
{
    Number,
    Fraction,
    Date,
    Time,
    Code,
}

/// <summary>The reading of one digit token ("8.201", "24/02/2017", "06:59") on its own, before its neighbours are seen.</summary>
internal readonly record struct NumberLiteral(NumberLiteralKind Kind, decimal Value, decimal? Denominator)
{
    /// <param name="datePairCue">A word such as "ngày" or "tháng" precedes, so "5/3" is a day and month.</param>
    public static NumberLiteral Classify(ReadOnlySpan<char> s, bool datePairCue)
    {
        if (s.IndexOf(':') >= 0) return ClassifyTime(s);
        if (s.IndexOf('/') >= 0) return ClassifySlash(s, datePairCue);
        if (TryDottedDate(s, out var day)) return new(NumberLiteralKind.Date, day, null);
        if (TryParsePlain(s, out var v)) return new(NumberLiteralKind.Number, v, null);
        return new(NumberLiteralKind.Code, DigitsValue(s), null);
    }

    /// <summary>
    /// A plain amount in Vietnamese writing: '.' groups thousands, ',' marks decimals ("8.201", "23,75", "1.234,5").
    /// Also accepted because sites mix conventions: "3.5" (one dot, not three digits after) and "1,234,567".
    /// False for phone-like runs ("0203.3825.123", a leading 0 on four or more digits, ten or more bare digits).
    /// </summary>
    public static bool TryParsePlain(ReadOnlySpan<char> s, out decimal value)
    {
        value = 0;
        if (s.IsEmpty || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1])) return false;
        int dots = 0, commas = 0, firstSep = -1, lastDot = -1, firstComma = -1;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c)) continue;
            if (c == '.') { dots++; lastDot = i; }
            else if (c == ',') { commas++; if (firstComma < 0) firstComma = i; }
            else return false;
            if (firstSep < 0) firstSep = i;
            if (i + 1 < s.Length && !char.IsAsciiDigit(s[i + 1])) return false;
        }
        var firstGroup = firstSep < 0 ? s.Length : firstSep;
        if (s[0] == '0' && firstGroup >= 2 && (firstSep < 0 ? s.Length >= 4 : true)) return false;
        if (dots == 0 && commas == 0) return s.Length <= 9 && Parse(s, -1, out value);
        if (commas == 0)
        {
            if (firstGroup <= 3 && GroupsOfThree(s, firstSep, s.Length, '.')) return Parse(s, -1, out value);
            return dots == 1 && Parse(s, firstSep, out value);
        }
        if (dots == 0)
        {
            if (commas == 1) return Parse(s, firstComma, out value);
            return firstGroup <= 3 && GroupsOfThree(s, firstSep, s.Length, ',') && Parse(s, -1, out value);
        }
        // "1.234,5": thousands dots, then one decimal comma.
        if (commas != 1 || lastDot > firstComma || firstGroup > 3) return false;
        return GroupsOfThree(s, firstSep, firstComma, '.') && Parse(s, firstComma, out value);
    }

    // Every separator in [from, to) is `sep` and is followed by exactly three digits.
    private static bool GroupsOfThree(ReadOnlySpan<char> s, int from, int to, char sep)
    {
        for (var i = from; i < to; i += 4)
        {
            if (s[i] != sep || i + 4 > to) return false;
            for (var k = 1; k <= 3; k++) if (!char.IsAsciiDigit(s[i + k])) return false;
            if (i + 4 < to && s[i + 4] != sep) return false;
        }
        return true;
    }

    // Digits only, with the separator at `decimalAt` (if any) read as the decimal point.
    private static bool Parse(ReadOnlySpan<char> s, int decimalAt, out decimal value)
    {
        if (decimalAt < 0 && s.Length <= 18)
        {
            // Integers are the common case; skip the culture-aware parser.
            long v = 0;
            foreach (var c in s) if (char.IsAsciiDigit(c)) v = v * 10 + (c - '0');
            value = v;
            return true;
        }
        Span<char> buf = stackalloc char[s.Length];
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsAsciiDigit(s[i])) buf[n++] = s[i];
            else if (i == decimalAt) buf[n++] = '.';
        }
        return decimal.TryParse(buf[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>All digits read as one integer (codes, phone numbers); saturates instead of overflowing.</summary>
    public static decimal DigitsValue(ReadOnlySpan<char> s)
    {
        decimal v = 0;
        var n = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) continue;
            if (++n > 27) break;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static bool TryPureInt(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 9) return false;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    private static NumberLiteral ClassifyTime(ReadOnlySpan<char> s)
    {
        var first = s.IndexOf(':');
        if (TryPureInt(s[..first], out var h) && first <= 2 && h <= 24)
        {
            var rest = s[(first + 1)..];
            var ok = true;
            var parts = 0;
            while (ok && !rest.IsEmpty)
            {
                var next = rest.IndexOf(':');
                var part = next < 0 ? rest : rest[..next];
                ok = part.Length == 2 && TryPureInt(part, out var m) && m <= 59 && ++parts <= 2;
                rest = next < 0 ? [] : rest[(next + 1)..];
            }
            if (ok) return new(NumberLiteralKind.Time, h, null);
        }
        return new(NumberLiteralKind.Code, DigitsValue(s), null);
    }

    private static NumberLiteral ClassifySlash(ReadOnlySpan<char> s, bool datePairCue)
    {
        var a = s.IndexOf('/');
        var left = s[..a];
        var right = s[(a + 1)..];
        var b = right.IndexOf('/');
        if (b >= 0)
        {
            var month = right[..b];
            var year = right[(b + 1)..];
            if (TryPureInt(left, out var d) && TryPureInt(month, out var m) && TryPureInt(year, out _)
                && left.Length <= 2 && month.Length <= 2 && year.Length is 2 or 4
                && d is >= 1 and <= 31 && m is >= 1 and <= 12)
            {
                return new(NumberLiteralKind.Date, d, null);
            }
            return new(NumberLiteralKind.Code, DigitsValue(s), null);
        }
        var pureA = TryPureInt(left, out var ia);
        var pureB = TryPureInt(right, out var ib);
        if (pureA && pureB)
        {
            if (datePairCue && left.Length <= 2 && right.Length <= 2 && ia is >= 1 and <= 31 && ib is >= 1 and <= 12)
                return new(NumberLiteralKind.Date, ia, null);
            // month/year: "3/2024"
            if (left.Length <= 2 && right.Length == 4 && ia is >= 1 and <= 12 && ib is >= 1900 and <= 2100)
                return new(NumberLiteralKind.Date, ia, null);
            // A fraction above one is rare in counts; a day before a month is common ("30/4").
            if (left.Length <= 2 && ia > ib && ia <= 31 && ib is >= 1 and <= 12)
                return new(NumberLiteralKind.Date, ia, null);
        }
        if (TryParsePlain(left, out var num) && TryParsePlain(right, out var den) && den != 0)
            return new(NumberLiteralKind.Fraction, num, den);
        return new(NumberLiteralKind.Code, DigitsValue(s), null);
    }

    // "24.02.2017"
    private static bool TryDottedDate(ReadOnlySpan<char> s, out decimal day)
    {
        day = 0;
        var a = s.IndexOf('.');
        if (a < 0) return false;
        var rest = s[(a + 1)..];
        var b = rest.IndexOf('.');
        if (b < 0) return false;
        var yearPart = rest[(b + 1)..];
        if (!TryPureInt(s[..a], out var d) || !TryPureInt(rest[..b], out var m) || !TryPureInt(yearPart, out _)) return false;
        if (a > 2 || b > 2 || yearPart.Length != 4 || d is < 1 or > 31 || m is < 1 or > 12) return false;
        day = d;
        return true;
    }
}
