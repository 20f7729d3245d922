using System.Text.Json;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Text;

/// <summary>Walks data/language/numbers.json: every entry must act as the file says when put in a sentence.</summary>
public class NumberLexiconTests
{
    private static readonly JsonElement Root = Load();
    private static VietnameseNumberParser Parser => VietnameseNumberParser.Default;

    public static TheoryData<string, string> Entries(string table)
    {
        var data = new TheoryData<string, string>();
        var e = Root.GetProperty(table);
        if (e.ValueKind == JsonValueKind.Object)
            foreach (var p in e.EnumerateObject()) data.Add(p.Name, p.Value.ToString());
        else
            foreach (var v in e.EnumerateArray()) data.Add(v.GetString()!, string.Empty);
        return data;
    }

    [Theory]
    [MemberData(nameof(Entries), "digits")]
    public void Digit_word_reads_in_the_hundreds_place(string word, string value)
    {
        // "một nghìn X trăm lẻ năm" = 1005 + 100·X works for every digit, 0 included.
        var m = Single($"Có một nghìn {word} trăm lẻ năm người.");
        Assert.Equal(1005 + 100 * decimal.Parse(value), m.Value);
    }

    [Theory]
    [MemberData(nameof(Entries), "digits_after_tens")]
    public void Unit_after_tens_reads(string word, string value) =>
        Assert.Equal(20 + decimal.Parse(value), Single($"Có hai mươi {word} người.").Value);

    [Theory]
    [MemberData(nameof(Entries), "ten")]
    public void Ten_reads(string word, string _) => Assert.Equal(10, Single($"Có {word} người.").Value);

    [Theory]
    [MemberData(nameof(Entries), "tens_multiplier")]
    public void Tens_multiplier_reads(string word, string _) => Assert.Equal(30, Single($"Có ba {word} người.").Value);

    [Theory]
    [MemberData(nameof(Entries), "hundred")]
    public void Hundred_reads(string word, string _) => Assert.Equal(200, Single($"Có hai {word} người.").Value);

    [Theory]
    [MemberData(nameof(Entries), "odd_joiners")]
    public void Odd_joiner_reads(string word, string _) => Assert.Equal(103, Single($"Có một trăm {word} ba người.").Value);

    [Theory]
    [MemberData(nameof(Entries), "scales")]
    public void Scale_multiplies_words_and_digits(string word, string value)
    {
        var v = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2 * v, Single($"Có hai {word} người.").Value);
        Assert.Equal(6 * v, Single($"Có 6 {word} người.").Value);
    }

    [Theory]
    [MemberData(nameof(Entries), "percent_words")]
    public void Percent_word_makes_a_percent(string word, string _)
    {
        var m = Single($"Đạt 72 {word} kế hoạch.");
        Assert.Equal(NumberForm.Percent, m.Form);
        Assert.Equal(72, m.Value);
    }

    [Theory]
    [MemberData(nameof(Entries), "qualifiers_before")]
    public void Qualifier_before_is_read(string phrase, string name)
    {
        var text = $"Có {phrase} 300 người.";
        var m = Single(text);
        Assert.True(QualifierNames.TryParse(name, out var q));
        Assert.Equal(q, m.Qualifier);
        Assert.Equal($"{phrase} 300", text.Substring(m.Start, m.Length));
    }

    [Theory]
    [MemberData(nameof(Entries), "qualifiers_after")]
    public void Qualifier_after_is_read(string phrase, string name)
    {
        var m = Single($"Có 300 người {phrase} tham gia.");
        Assert.True(QualifierNames.TryParse(name, out var q));
        Assert.Equal(q, m.Qualifier);
    }

    [Theory]
    [MemberData(nameof(Entries), "range_openers")]
    public void Range_opener_joins_the_range(string word, string _)
    {
        var text = $"Mỗi năm {word} 10 đến 12 người.";
        var m = Single(text);
        Assert.Equal(NumberForm.Range, m.Form);
        Assert.StartsWith(word, text[m.Start..]);
    }

    [Theory]
    [MemberData(nameof(Entries), "range_joiners")]
    public void Range_joiner_makes_a_range(string joiner, string _)
    {
        foreach (var text in new[] { $"Có 10 {joiner} 12 người.", char.IsLetter(joiner[0]) ? null : $"Có 10{joiner}12 người." })
        {
            if (text is null) continue;
            var m = Single(text);
            Assert.Equal(NumberForm.Range, m.Form);
            Assert.Equal(10, m.Value);
            Assert.Equal(12, m.ValueMax);
        }
    }

    [Theory]
    [MemberData(nameof(Entries), "count_nouns")]
    public void Count_noun_lets_a_lone_word_count(string noun, string _) =>
        Assert.Equal(3, Single($"Có ba {noun} mới.").Value);

    [Theory]
    [MemberData(nameof(Entries), "blocking_before")]
    public void Blocking_word_stops_a_number_word(string word, string _) =>
        Assert.Empty(Parser.FindAll($"Việc {word} ba người làm."));

    [Theory]
    [MemberData(nameof(Entries), "ambiguous_single_words")]
    public void Ambiguous_word_needs_a_count_noun(string word, string _)
    {
        Assert.Empty(Parser.FindAll($"Trong {word} nay có nhiều việc."));
        Assert.Single(Parser.FindAll($"Có {word} người."));
    }

    [Theory]
    [MemberData(nameof(Entries), "ambiguous_blocking_before")]
    public void Ambiguous_word_after_a_time_word_is_the_noun(string word, string _)
    {
        foreach (var ambiguous in Entries("ambiguous_single_words"))
        {
            var text = $"Vào {word} {ambiguous[0]} người dân vui.";
            var at = $"Vào {word} ".Length;
            Assert.DoesNotContain(Parser.FindAll(text), m => m.NumberStart == at);
            Assert.Single(Parser.FindAll($"Vào {word} ba người dân vui."));
        }
    }

    [Theory]
    [MemberData(nameof(Entries), "ordinal_markers")]
    public void Ordinal_marker_hides_the_number(string word, string _) => Assert.Empty(Parser.FindAll($"Lần {word} 12 diễn ra."));

    [Theory]
    [MemberData(nameof(Entries), "date_day_words")]
    public void Day_word_makes_a_date(string word, string _) => Assert.Equal(NumberForm.Date, Single($"Vào {word} 5 họp.").Form);

    [Theory]
    [MemberData(nameof(Entries), "date_pair_words")]
    public void Date_pair_word_makes_a_date(string word, string _) =>
        Assert.Equal(NumberForm.Date, Single($"Vào {word} 2/9 họp.").Form);

    [Fact]
    public void Without_a_date_word_the_pair_is_a_fraction() =>
        Assert.Equal(NumberForm.Fraction, Single("Có 2/9 xã đạt.").Form);

    [Theory]
    [MemberData(nameof(Entries), "date_month_words")]
    public void Month_word_makes_a_date(string word, string _) => Assert.Equal(NumberForm.Date, Single($"Vào {word} 3 họp.").Form);

    [Theory]
    [MemberData(nameof(Entries), "date_year_words")]
    public void Year_word_after_a_month_makes_a_date(string word, string _)
    {
        var all = Parser.FindAll($"Vào tháng 3 {word} 2024 họp.");
        Assert.Equal(2, all.Count);
        Assert.Equal(NumberForm.Date, all[1].Form);
        Assert.Equal(NumberForm.Single, Single($"Trong {word} 2024 họp.").Form);
    }

    [Theory]
    [MemberData(nameof(Entries), "document_nouns")]
    public void Document_noun_with_so_names_a_document(string noun, string _) =>
        Assert.Equal(NumberForm.DocumentNumber, Single($"Theo {noun} số 15 của tỉnh.").Form);

    [Theory]
    [MemberData(nameof(Entries), "document_nouns_bare")]
    public void Bare_document_noun_names_a_document(string noun, string _) =>
        Assert.Equal(NumberForm.DocumentNumber, Single($"Theo {noun} 15 của tỉnh.").Form);

    [Theory]
    [MemberData(nameof(Entries), "document_number_words")]
    public void Document_number_word_names_a_document(string word, string _) =>
        Assert.Equal(NumberForm.DocumentNumber, Single($"Theo Quyết định {word} 15 của tỉnh.").Form);

    [Theory]
    [MemberData(nameof(Entries), "document_codes")]
    public void Document_code_names_a_document(string code, string _)
    {
        var text = $"Theo văn bản 15-{code} của tỉnh.";
        var m = Single(text);
        Assert.Equal(NumberForm.DocumentNumber, m.Form);
        Assert.Equal($"15-{code}", text.Substring(m.Start, m.Length));
    }

    private static NumberMention Single(string text)
    {
        var all = Parser.FindAll(text);
        Assert.True(all.Count == 1, $"'{text}': expected one mention, got {all.Count}");
        return all[0];
    }

    private static JsonElement Load()
    {
        using var doc = JsonDocument.Parse(EmbeddedData.ReadText("data/language/numbers.json"));
        return doc.RootElement.Clone();
    }
}
