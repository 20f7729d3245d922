using System.Text;

namespace NewsMiner.SampleSite.Faults;

/// <summary>The fault site's HTML: articles in made-up Vietnamese whose words depend on a seed, and link listings.</summary>
public static class FaultPages
{
    private static readonly string[] Vocabulary =
    [
        "chi bộ", "đảng viên", "thôn", "xã", "huyện", "cấp ủy", "nghị quyết", "sinh hoạt", "kết nạp", "quần chúng", "ưu tú", "học tập",
        "làm theo", "tấm gương", "đạo đức", "phong cách", "nhân dân", "khu dân cư", "đoàn viên", "thanh niên", "hội nông dân", "phụ nữ",
        "cựu chiến binh", "mặt trận", "chính quyền", "kiểm tra", "giám sát", "đánh giá", "xếp loại", "hoàn thành", "nhiệm vụ", "chỉ tiêu",
        "năm", "quý", "tháng", "hội nghị", "tổng kết", "triển khai", "phong trào", "nông thôn mới", "giảm nghèo", "an ninh", "trật tự",
        "trường học", "trạm y tế", "hợp tác xã", "doanh nghiệp", "công nhân", "lao động", "sản xuất", "chăn nuôi", "trồng trọt", "đường làng",
    ];

    /// <summary>The title every article of <paramref name="seed"/> carries, to find it in the store.</summary>
    public static string Title(int seed) => $"Bài viết số {seed} về công tác xây dựng Đảng";

    /// <summary>Paragraphs of made-up Vietnamese; two seeds share few word 3-shingles, so no two articles look like copies.</summary>
    public static IReadOnlyList<string> Paragraphs(int seed, int count = 5)
    {
        var random = new Random(seed);
        var paragraphs = new List<string>();
        for (var p = 0; p < count; p++)
        {
            var sentences = Enumerable.Range(0, 3).Select(_ =>
            {
                var words = Enumerable.Range(0, 14).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]).ToList();
                words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
                return string.Join(' ', words) + ".";
            });
            paragraphs.Add(string.Join(' ', sentences));
        }
        return paragraphs;
    }

    /// <param name="between">Inserted between paragraphs (NUL bytes, broken bytes are added by the caller at the byte level).</param>
    public static string Article(int seed, string charsetMeta = "utf-8", string between = "", string? refreshTo = null)
    {
        var head = $"<meta charset=\"{charsetMeta}\">" + (refreshTo is null ? "" : $"<meta http-equiv=\"refresh\" content=\"0; url={refreshTo}\">");
        var body = string.Join(between, Paragraphs(seed).Select(p => $"<p>{p}</p>"));
        return $"<!doctype html><html><head>{head}<title>{Title(seed)}</title></head><body><nav><a href=\"/\">Trang chủ</a></nav><article>"
            + $"<h1>{Title(seed)}</h1><p class=\"date\">Ngày 1{seed % 9}/04/2024</p>{body}</article></body></html>";
    }

    public static string Listing(string title, IEnumerable<string> hrefs) =>
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1><ul>"
        + string.Concat(hrefs.Select(h => $"<li><a href=\"{h}\">Tin {Escape(h.Length > 60 ? h[..60] : h)}</a></li>")) + "</ul></body></html>";

    /// <summary>A page whose article sits inside <paramref name="depth"/> nested elements.</summary>
    public static string DeeplyNested(int seed, int depth)
    {
        var page = Article(seed);
        var at = page.IndexOf("<article>", StringComparison.Ordinal);
        var end = page.IndexOf("</article>", StringComparison.Ordinal) + "</article>".Length;
        var sb = new StringBuilder(page.Length + depth * 12);
        sb.Append(page, 0, at);
        for (var i = 0; i < depth; i++) sb.Append("<div>");
        sb.Append(page, at, end - at);
        for (var i = 0; i < depth; i++) sb.Append("</div>");
        sb.Append(page, end, page.Length - end);
        return sb.ToString();
    }

    /// <summary>
    /// How windows-1258 spells Vietnamese: base letters with their circumflex, breve or horn precomposed, tone marks as
    /// combining characters after them.
    /// </summary>
    public static byte[] Windows1258(string text)
    {
        var tones = new HashSet<char> { '\u0300', '\u0301', '\u0303', '\u0309', '\u0323' };
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var parts = c.ToString().Normalize(NormalizationForm.FormD);
            sb.Append(string.Concat(parts.Where(p => !tones.Contains(p))).Normalize(NormalizationForm.FormC));
            sb.Append(string.Concat(parts.Where(tones.Contains)));
        }
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
        return encoding.GetBytes(sb.ToString());
    }

    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
