namespace NewsMiner.Crawling;

/// <summary>
/// Spots Vietnamese typed in the legacy font encodings TCVN3 (ABC) and VNI, which old portals still serve as
/// windows-1252 text: in Unicode it reads "§¶ng bé" (TCVN3) or "Ñaûng boä" (VNI) for "Đảng bộ". Such text cannot
/// be mined, so the page is flagged instead of stored as gibberish.
/// </summary>
public static class LegacyFontDetector
{
    /// <summary>Latin-1 characters TCVN3 uses for Vietnamese letters (á à ả ã ạ ă â ê ô ơ ư đ Đ ...); real Vietnamese never writes them.</summary>
    public const string Tcvn3Marks = "¸µ¶·¹¨©ª«¬\u00AD®§¦¥¤£¢¡¼½¾ÆÇËÎÏÑÖ×ØÜÞßæçëîïñö÷øüþ";

    /// <summary>Latin-1 characters VNI uses as tone and vowel marks after a base letter; Vietnamese in Unicode never uses them.</summary>
    public const string VniMarks = "øûïäöñÑëåÆ";

    /// <summary>Minimum marks before a page is called legacy: one stray "©" in a footer is not enough.</summary>
    public const int MinMarks = 8;

    /// <returns>"tcvn3", "vni", or null for ordinary (Unicode) text.</returns>
    public static string? Detect(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        int tcvn = 0, vni = 0, vietnamese = 0, letters = 0;
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<') { inTag = true; continue; }
            if (c == '>') { inTag = false; continue; }
            if (inTag) continue;
            if (char.IsLetter(c)) letters++;
            if (IsUnicodeVietnamese(c)) vietnamese++;
            if (Tcvn3Marks.Contains(c, StringComparison.Ordinal)) tcvn++;
            if (VniMarks.Contains(c, StringComparison.Ordinal)) vni++;
        }
        // Unicode Vietnamese marks far outnumber the odd symbol; legacy text has almost none of them.
        if (letters == 0 || vietnamese * 4 > Math.Max(tcvn, vni)) return null;
        if (vni >= MinMarks && vni * 100 >= letters && vni >= tcvn / 2) return "vni";
        if (tcvn >= MinMarks && tcvn * 100 >= letters) return "tcvn3";
        return null;
    }

    private static bool IsUnicodeVietnamese(char c) =>
        c is >= '\u1EA0' and <= '\u1EF9' or 'ă' or 'Ă' or 'đ' or 'Đ' or 'ơ' or 'Ơ' or 'ư' or 'Ư' or >= '\u0300' and <= '\u0323';
}
