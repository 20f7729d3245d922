using NewsMiner.Extraction;
using NewsMiner.Mining;
using NewsMiner.Storage;
using NewsMiner.Text;

namespace NewsMiner.Tests.Storage;

/// <summary>A fresh folder per test, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newsminer-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the test that produced it.
        }
    }
}

/// <summary>Articles and figures written for these tests (own wording, not taken from any newspaper).</summary>
public static class StoreSamples
{
    public static readonly DateTimeOffset Published = new(2017, 2, 24, 8, 30, 0, TimeSpan.FromHours(7));

    public const string Text =
        "Trong năm 2016, Đảng bộ huyện Ea Kar kết nạp được 320 đảng viên mới, vượt chỉ tiêu đề ra là 300 đảng viên.\n\n"
        + "Đến nay toàn Đảng bộ có 4.378 đảng viên, sinh hoạt ở 168 chi bộ; riêng xã Hòa Bình có 23,75% đảng viên là nữ.\n\n"
        + "Bí thư nói: \"Phải làm tốt, làm đều\", nhiệm kỳ 2015-2020 mỗi năm kết nạp ít nhất 250 người.";

    public static Article Article(string url, string? canonical = null, string? text = null, string title = "Ea Kar kết nạp đảng viên mới") =>
        new(url, canonical, title, Published, DatePublishedSource.MetaTag, "Minh Anh", text ?? Text, "vi");

    public static ArticleProvenance Provenance(string url, string hash = "sha256:abc") =>
        new(url, "baodaklak.vn", hash, "extract-1", "miner-1", new DateTimeOffset(2026, 11, 1, 3, 4, 5, TimeSpan.Zero));

    public static readonly Locality EaKar = new("Đắk Lắk", "Ea Kar", null, null, "66", "651");

    /// <summary>A figure whose evidence is the sentence of <paramref name="text"/> holding <paramref name="number"/>.</summary>
    public static Figure Figure(
        Metric metric, string number, decimal value, string? period, Locality? locality = null, string text = Text,
        Qualifier qualifier = Qualifier.Exact, decimal? valueMax = null, bool perYear = false, string? segment = null,
        double confidence = 0.8)
    {
        var at = text.IndexOf(number, StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException($"'{number}' is not in the text", nameof(number));
        var start = text.LastIndexOf("\n\n", at, StringComparison.Ordinal) is var p and >= 0 ? p + 2 : 0;
        var end = text.IndexOf("\n\n", at, StringComparison.Ordinal) is var e and >= 0 ? e : text.Length;
        return new Figure(metric, segment, value, valueMax, qualifier, perYear, period, locality ?? EaKar,
            text[start..end], start, end - start, at, confidence);
    }

    public static IReadOnlyList<Figure> Figures() =>
    [
        Figure(Metric.NewMembers, "320", 320, "2016"),
        Figure(Metric.NewMembersTarget, "300", 300, "2016", qualifier: Qualifier.MoreThan),
        Figure(Metric.TotalMembers, "4.378", 4378, "2017-02-24", confidence: 0.93),
        Figure(Metric.PartyCells, "168", 168, "2017-02-24", confidence: 0.61),
        Figure(Metric.MemberSharePct, "23,75", 23.75m, "2017-02-24", new Locality("Đắk Lắk", "Ea Kar", "Hòa Bình", null),
            segment: "nu"),
        Figure(Metric.NewMembersTarget, "250", 250, "2015-2020", qualifier: Qualifier.AtLeast, perYear: true),
    ];
}
