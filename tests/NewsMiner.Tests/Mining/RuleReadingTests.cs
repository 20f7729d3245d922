using NewsMiner.Mining;
using NewsMiner.Mining.Localities;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Mining;

/// <summary>
/// What the rules alone make of one number in sentences written for these cases: one row per reading the rules were
/// taught (the cue lists in figure-rules.json they rely on are named in each group).
/// </summary>
public sealed class RuleReadingTests
{
    private static readonly FigureMiner Rules = FigureMiner.CreateRulesOnly();

    private static string MetricOf(string sentence, string number)
    {
        var text = VietnameseText.Normalize(sentence);
        var at = text.IndexOf(number, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{number}' is not in the sentence");
        var result = Rules.Mine(text, new MiningContext(new DateOnly(2023, 12, 20), "Nghệ An"));
        return result.Figures.FirstOrDefault(f => f.ValueStart >= at && f.ValueStart < at + number.Length)?.Metric.ToSchemaName() ?? "none";
    }

    [Theory]
    // A province's grassroots organisations, named as such, are figures; its district-level committees are not.
    [InlineData("Hiện nay Đảng bộ tỉnh Nghệ An có 1.250 tổ chức cơ sở đảng với hơn 200 nghìn đảng viên.", "1.250", "grassroots_orgs")]
    [InlineData("Đảng bộ tỉnh Nghệ An có 33 đảng bộ trực thuộc.", "33", "none")]
    // "bao gồm" with no count before it states the whole; after a count it gives parts by kind.
    [InlineData("Đảng bộ huyện Nam Đàn bao gồm 52 tổ chức cơ sở đảng.", "52", "grassroots_orgs")]
    [InlineData("Đảng bộ huyện Nam Đàn có 52 tổ chức cơ sở đảng, bao gồm 30 đảng bộ cơ sở và 22 chi bộ cơ sở.", "30", "none")]
    // cues.admission: "gia nhập Đảng" after the people.
    [InlineData("Trong năm 2023, thêm 67 quần chúng ưu tú ở huyện Nam Đàn đã gia nhập Đảng.", "67", "new_members")]
    // cues.other_body_member: admissions to the Youth Union, unions and associations are not the Party's.
    [InlineData("Năm 2023, Huyện đoàn Nam Đàn kết nạp 412 đoàn viên mới.", "412", "none")]
    [InlineData("Hội Nông dân huyện Nam Đàn kết nạp thêm 95 hội viên trong năm 2023.", "95", "none")]
    [InlineData("Năm 2023, huyện Nam Đàn kết nạp 41 đoàn viên ưu tú vào Đảng.", "41", "new_members")]
    // cues.mixed_organisations: party and mass organisations counted together.
    [InlineData("Năm 2023, huyện Nam Đàn thành lập mới 18 tổ chức đảng và tổ chức đoàn thể trong doanh nghiệp tư nhân.", "18", "none")]
    // An admission verb after "khai trừ / xóa tên / giới thiệu" governs the number.
    [InlineData("Năm 2023, Đảng bộ huyện Nam Đàn khai trừ 2 đảng viên, xóa tên 6 đảng viên và kết nạp 188 đảng viên mới.", "188", "new_members")]
    [InlineData("Năm 2023, Đảng bộ huyện Nam Đàn khai trừ 2 đảng viên, xóa tên 6 đảng viên và kết nạp 188 đảng viên mới.", "6", "none")]
    [InlineData("Năm 2023, huyện Nam Đàn có 240 quần chúng được giới thiệu nhưng mới kết nạp được 173 người.", "173", "new_members")]
    // cues.attainment / attainment_verb: "tương đương N% kế hoạch", "N% nhiệm vụ … giao", a target naming the admissions.
    [InlineData("Năm 2023, Đảng bộ huyện Nam Đàn kết nạp 173 đảng viên, tương đương 96% kế hoạch.", "96", "target_attainment_pct")]
    [InlineData("Đảng bộ xã Nam Giang kết nạp 7 đảng viên, hoàn thành 116% nhiệm vụ Huyện ủy giao.", "116", "target_attainment_pct")]
    [InlineData("Đến hết tháng 9, Đảng bộ huyện Nam Đàn hoàn thành 78% kế hoạch kết nạp đảng viên năm 2023.", "78", "target_attainment_pct")]
    [InlineData("Năm 2023, Đảng bộ huyện Nam Đàn kết nạp 173 đảng viên, vượt 8% kế hoạch.", "8", "none")]
    // cues.share_verb: "…, chiếm N%" takes the segment of the clause before it.
    [InlineData("Đảng bộ huyện Kỳ Sơn có 3.900 đảng viên, trong đó đảng viên người dân tộc thiểu số là 2.730 người, chiếm 70%.", "70", "member_share_pct")]
    [InlineData("Toàn Đảng bộ huyện Quỳ Hợp có 5.120 đảng viên, trong đó đảng viên Thái chiếm 48,2%.", "48,2", "member_share_pct")]
    // A plan named in the number's own clause after an admission clause is a target.
    [InlineData("Số quần chúng được kết nạp vào Đảng ở huyện Nam Đàn 9 tháng qua đạt 150, trong khi kế hoạch cả năm là 190 người.", "190", "new_members_target")]
    // "tổng số đảng viên … là N": a stock named before the number; an admission in the next clause is another number's.
    [InlineData("Năm 2023, huyện Nam Đàn kết nạp 173 đảng viên; tổng số đảng viên toàn huyện là 9.870.", "9.870", "total_members")]
    [InlineData("Đảng bộ Công ty Cổ phần Mía đường Sông Lam có 14 chi bộ trực thuộc và 356 đảng viên, năm qua kết nạp thêm 12 công nhân.", "356", "total_members")]
    // A yearly rate under a plan is the plan's target (seeds-gold notes), confidently.
    [InlineData("Thực hiện Nghị quyết Đại hội, bình quân mỗi năm Đảng bộ huyện Nam Đàn kết nạp 150 - 170 đảng viên.", "150", "new_members_target")]
    // A bare number that ends a name is no figure.
    [InlineData("Chị Lò Thị Hoa, công nhân Tổ sản xuất Chè 4, là một trong những người vừa được kết nạp vào Đảng.", "4", "none")]
    [InlineData("Anh Vi Văn Sáng, thợ mỏ Phân xưởng Đào lò 7, là một trong những người vừa được kết nạp vào Đảng.", "7", "none")]
    public void The_rules_read_the_number_as(string sentence, string number, string expected) =>
        Assert.Equal(expected, MetricOf(sentence, number));
}
