using System.Globalization;
using System.Text.Json;
using NewsMiner.Mining;
using NewsMiner.Storage;

namespace NewsMiner.Cli.Commands;

/// <summary>Prints comparisons; a cell whose sources disagree shows every value and is marked CONFLICT.</summary>
public static class CompareTable
{
    public static void Print(TextWriter output, IReadOnlyList<LocalityYearRow> rows)
    {
        Output.Table(output,
            ["province", "district", "commune", "unit", "period", "new members", "target", "total members", "sources"],
            rows.Select(r => (IReadOnlyList<string>)
            [
                r.Province ?? "", r.District ?? "", r.Commune ?? "", r.Unit ?? "", r.Years + (r.PerYear ? " /yr" : ""),
                Cell(r.NewMembers), Cell(r.NewMembersTarget), Cell(r.TotalMembers), r.SourceArticles.ToString(CultureInfo.InvariantCulture),
            ]),
            new HashSet<int> { 5, 6, 7, 8 });
        var conflicts = rows.Count(r => r.NewMembers?.Conflict == true || r.NewMembersTarget?.Conflict == true || r.TotalMembers?.Conflict == true);
        if (conflicts > 0) output.WriteLine($"{conflicts} row(s) where sources disagree (CONFLICT: all values shown, none averaged).");
    }

    /// <summary>The plain table: rows (a time series per organisation), then the roll-ups.</summary>
    public static void Print(TextWriter output, CompareResult result)
    {
        var metric = result.Request.Metric.ToSchemaName();
        var rateHeader = result.Request.Rate switch
        {
            CompareRate.Per100Members => "per 100 members",
            CompareRate.PctOfTarget => "% of target",
            _ => null,
        };
        var header = new List<string> { "province", "district", "commune", "period", metric };
        if (rateHeader is not null) header.Add(rateHeader);
        header.AddRange(["rank", "sources"]);
        Output.Table(output, header, result.Rows.Select(row =>
        {
            var s = row.Statistic;
            var cells = new List<string> { s.Locality.Province ?? "", s.Locality.District ?? "", s.Locality.Commune ?? "", Period(s), Value(s) };
            if (rateHeader is not null) cells.Add(row.Rate is { Value: { } v } ? Output.Number(v) : "-");
            cells.Add(row.Rank?.ToString(CultureInfo.InvariantCulture) ?? "-");
            cells.Add(string.Join(" ", s.Sources.Select(x => x.ArticleUrl).Distinct()));
            return (IReadOnlyList<string>)cells;
        }), new HashSet<int> { 4, 5 });
        output.WriteLine($"{result.Rows.Count} row(s)");
        var conflicts = result.Rows.Count(r => r.Statistic.Conflict);
        if (conflicts > 0) output.WriteLine($"{conflicts} row(s) where sources disagree (CONFLICT: every value shown with its source count, none averaged).");
        if (rateHeader is not null && result.Rows.Any(r => r.Rate?.Value is null))
        {
            output.WriteLine($"'-' in '{rateHeader}': no rate, because " + string.Join("; ",
                result.Rows.Where(r => r.Rate?.Missing is not null).Select(r => r.Rate!.Missing).Distinct()));
        }
        if (result.RollUps.Count == 0) return;
        output.WriteLine();
        output.WriteLine("Roll-up: the figure the parent reported, beside the sum of its children's figures found in the store (not a substitute)");
        Output.Table(output, ["parent", "period", "reported", "sum of parts", "parts summed", "left out"],
            result.RollUps.Select(u => (IReadOnlyList<string>)
            [
                u.Parent.District ?? u.Parent.Province ?? "", Years(u.StartYear, u.EndYear) + (u.PerYear ? " /yr" : ""),
                u.Reported is null ? "(none reported)" : Value(u.Reported),
                u.SumOfParts is { } sum ? Output.Number(sum) : "-",
                u.PartsSummed.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", u.PartsLeftOut.Select(l => l.Commune ?? l.District ?? "")),
            ]), new HashSet<int> { 2, 3, 4 });
    }

    public static void WriteJson(TextWriter output, CompareResult result)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Output.JsonOptions.Encoder, Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("metric", result.Request.Metric.ToSchemaName());
            w.WriteString("group", result.Request.Level.ToString().ToLowerInvariant());
            w.WriteStartArray("rows");
            foreach (var row in result.Rows)
            {
                w.WriteStartObject();
                WriteStatistic(w, row.Statistic);
                if (row.Rate is { } rate)
                {
                    w.WriteStartObject("rate");
                    w.WriteString("label", rate.Label);
                    if (rate.Value is { } v) w.WriteNumber("value", Output.Plain(v)); else w.WriteNull("value");
                    Output.WriteNullable(w, "missing", rate.Missing);
                    if (rate.Denominator is { } d)
                    {
                        w.WriteString("denominator_metric", d.Metric.ToSchemaName());
                        Output.WriteNullable(w, "denominator_period", d.Period);
                        if (d.Value is { } dv) w.WriteNumber("denominator_value", Output.Plain(dv)); else w.WriteNull("denominator_value");
                    }
                    w.WriteEndObject();
                }
                if (row.Rank is { } rank) w.WriteNumber("rank", rank); else w.WriteNull("rank");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("rollups");
            foreach (var u in result.RollUps)
            {
                w.WriteStartObject();
                Output.WriteNullable(w, "province", u.Parent.Province);
                Output.WriteNullable(w, "district", u.Parent.District);
                Output.WriteNullable(w, "period", u.Period);
                w.WriteBoolean("per_year", u.PerYear);
                w.WriteString("reported_label", u.ReportedLabel);
                if (u.Reported is { } rep)
                {
                    w.WriteStartObject("reported");
                    WriteStatistic(w, rep);
                    w.WriteEndObject();
                }
                else w.WriteNull("reported");
                w.WriteString("sum_label", u.SumLabel);
                if (u.SumOfParts is { } sum) w.WriteNumber("sum_of_parts", Output.Plain(sum)); else w.WriteNull("sum_of_parts");
                w.WriteNumber("parts_summed", u.PartsSummed);
                w.WriteStartArray("parts_left_out");
                foreach (var l in u.PartsLeftOut) w.WriteStringValue(l.Commune ?? l.District ?? "");
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "row_kind", "province", "district", "commune", "province_code", "district_code", "commune_code", "metric", "period",
        "period_start_year", "period_end_year", "per_year", "value", "value_max", "conflict", "all_values", "rate_label", "rate",
        "rate_missing", "rank", "source_articles", "source_urls",
    ];

    /// <summary>row_kind is "locality" for compared rows, "reported" and "sum_of_parts" for the two halves of a roll-up.</summary>
    public static void WriteCsv(TextWriter output, CompareResult result)
    {
        output.Write(string.Join(',', CsvColumns) + "\r\n");
        var metric = result.Request.Metric.ToSchemaName();
        foreach (var row in result.Rows)
        {
            var s = row.Statistic;
            Line(output, "locality", s.Locality, metric, s, s.Value, row.Rate, row.Rank, null);
        }
        foreach (var u in result.RollUps)
        {
            if (u.Reported is { } rep) Line(output, "reported", rep.Locality, metric, rep, rep.Value, null, null, u.ReportedLabel);
            var parent = u.Parent;
            output.Write(string.Join(',', new[]
            {
                "sum_of_parts", parent.Province ?? "", parent.District ?? "", "", parent.ProvinceCode ?? "", parent.DistrictCode ?? "", "",
                metric, u.Period ?? "", Int(u.StartYear), Int(u.EndYear), u.PerYear ? "true" : "false",
                u.SumOfParts is { } sum ? Output.Number(sum) : "", "", "false", "", u.SumLabel, "", "", "",
                u.PartsSummed.ToString(CultureInfo.InvariantCulture), "",
            }.Select(Csv)) + "\r\n");
        }
    }

    private static void Line(TextWriter output, string kind, Locality l, string metric, Statistic s, decimal? value, RateCell? rate, int? rank, string? label)
    {
        output.Write(string.Join(',', new[]
        {
            kind, l.Province ?? "", l.District ?? "", l.Commune ?? "", l.ProvinceCode ?? "", l.DistrictCode ?? "", l.CommuneCode ?? "",
            metric, s.Period ?? "", Int(s.StartYear), Int(s.EndYear), s.PerYear ? "true" : "false",
            value is { } v ? Output.Number(v) : "", s.ValueMax is { } m ? Output.Number(m) : "", s.Conflict ? "true" : "false",
            string.Join(" | ", s.Values.Select(x => Range(x.Value, x.ValueMax))),
            label ?? rate?.Label ?? "", rate?.Value is { } rv ? Output.Number(rv) : "", rate?.Missing ?? "",
            rank?.ToString(CultureInfo.InvariantCulture) ?? "",
            s.ArticleCount.ToString(CultureInfo.InvariantCulture),
            string.Join(" ", s.Sources.Select(x => x.ArticleUrl).Distinct()),
        }.Select(Csv)) + "\r\n");
    }

    private static void WriteStatistic(Utf8JsonWriter w, Statistic s)
    {
        Output.WriteNullable(w, "province", s.Locality.Province);
        Output.WriteNullable(w, "district", s.Locality.District);
        Output.WriteNullable(w, "commune", s.Locality.Commune);
        Output.WriteNullable(w, "province_code", s.Locality.ProvinceCode);
        Output.WriteNullable(w, "district_code", s.Locality.DistrictCode);
        Output.WriteNullable(w, "commune_code", s.Locality.CommuneCode);
        w.WriteString("metric", s.Metric.ToSchemaName());
        Output.WriteNullable(w, "segment", s.Segment);
        Output.WriteNullable(w, "period", s.Period);
        w.WriteBoolean("per_year", s.PerYear);
        if (s.Value is { } v) w.WriteNumber("value", Output.Plain(v)); else w.WriteNull("value");
        w.WriteBoolean("conflict", s.Conflict);
        w.WriteStartArray("values");
        foreach (var stated in s.Values)
        {
            w.WriteStartObject();
            w.WriteNumber("value", Output.Plain(stated.Value));
            if (stated.ValueMax is { } max) w.WriteNumber("value_max", Output.Plain(max)); else w.WriteNull("value_max");
            w.WriteStartArray("sources");
            foreach (var src in stated.Sources)
            {
                w.WriteStartObject();
                w.WriteNumber("figure_id", src.FigureId);
                w.WriteString("article_url", src.ArticleUrl);
                w.WriteString("article_title", src.ArticleTitle);
                Output.WriteNullable(w, "published", src.Published?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                w.WriteString("qualifier", NewsMiner.Text.QualifierNames.ToSchemaName(src.Qualifier));
                w.WriteNumber("confidence", src.Confidence);
                w.WriteString("evidence", src.Evidence);
                w.WriteNumber("evidence_start", src.EvidenceStart);
                w.WriteNumber("evidence_length", src.EvidenceLength);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string Value(Statistic s) => s.Conflict
        ? "CONFLICT " + string.Join(" | ", s.Values.Select(v => $"{Range(v.Value, v.ValueMax)} ({v.Sources.Count} src)"))
        : Range(s.Value!.Value, s.ValueMax);

    private static string Range(decimal value, decimal? max) => Output.Number(value) + (max is { } m ? "-" + Output.Number(m) : "");

    private static string Period(Statistic s) => (s.Period ?? "") + (s.PerYear ? " /yr" : "");

    private static string Years(int? start, int? end) => start is null ? "" : start == end
        ? start.Value.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{start}-{end}");

    private static string Int(int? i) => i?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Csv(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Cell(MetricCell? cell) => cell switch
    {
        null => "",
        { Conflict: true } => "CONFLICT " + string.Join(" | ", cell.DistinctValues.Select(Output.Number)),
        _ => Output.Number(cell.Value),
    };
}
