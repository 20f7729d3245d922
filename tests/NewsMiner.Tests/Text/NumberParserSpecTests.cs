using System.Globalization;
using System.Text.Json;
using NewsMiner.Tests.Support;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Text;

/// <summary>Walks number-cases.json: every case lists all the mentions FindAll must return, in order.</summary>
public class NumberParserSpecTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(Load);

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Cases.Value.Keys) data.Add(id);
        return data;
    }

    [Fact]
    public void Spec_has_enough_cases() => Assert.True(Cases.Value.Count >= 80, $"only {Cases.Value.Count} cases");

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_matches_spec(string id)
    {
        var c = Cases.Value[id];
        var input = c.GetProperty("input").GetString()!;
        var actual = VietnameseNumberParser.Default.FindAll(input);
        var expected = c.GetProperty("expect").EnumerateArray().ToList();
        var shown = string.Join(" | ", actual.Select(m => Describe(input, m)));
        Assert.True(expected.Count == actual.Count, $"{id}: expected {expected.Count} mentions, got {actual.Count}: {shown}");
        for (var k = 0; k < expected.Count; k++)
        {
            var e = expected[k];
            var m = actual[k];
            var where = $"{id} #{k}: {Describe(input, m)}";
            Assert.True(e.GetProperty("text").GetString() == input.Substring(m.Start, m.Length), where);
            if (e.TryGetProperty("number", out var number))
                Assert.True(number.GetString() == input.Substring(m.NumberStart, m.NumberLength), where + " (number span)");
            Assert.True(Enum.Parse<NumberForm>(Str(e, "form") ?? "Single") == m.Form, where + " (form)");
            Assert.True(e.GetProperty("value").GetDecimal() == m.Value, where + " (value)");
            Assert.True(Dec(e, "value_max") == m.ValueMax, where + " (value_max)");
            Assert.True(Dec(e, "denominator") == m.Denominator, where + " (denominator)");
            Assert.True(QualifierNames.TryParse(Str(e, "qualifier") ?? "exact", out var q), where + " (qualifier name)");
            Assert.True(q == m.Qualifier, where + " (qualifier)");
            Assert.InRange(m.NumberStart, m.Start, m.End);
            Assert.InRange(m.NumberEnd, m.NumberStart, m.End);
        }
    }

    private static string Describe(string input, NumberMention m) =>
        string.Create(CultureInfo.InvariantCulture,
            $"'{input.Substring(m.Start, m.Length)}' [{input.Substring(m.NumberStart, m.NumberLength)}] {m.Form} {m.Value} max={m.ValueMax} den={m.Denominator} {m.Qualifier.ToSchemaName()}");

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static decimal? Dec(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

    private static Dictionary<string, JsonElement> Load()
    {
        var path = Path.Combine(SharedData.RepoRoot, "tests", "NewsMiner.Tests", "Text", "number-cases.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var id = c.GetProperty("id").GetString()!;
            cases.Add(id, c.Clone());
        }
        return cases;
    }
}
