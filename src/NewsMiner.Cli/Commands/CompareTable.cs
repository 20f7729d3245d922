using NewsMiner.Storage;

namespace NewsMiner.Cli.Commands;

/// <summary>Prints locality × period rows; a cell whose sources disagree shows every value and is marked CONFLICT.</summary>
public static class CompareTable
{
    public static void Print(TextWriter output, IReadOnlyList<LocalityYearRow> rows)
    {
        Output.Table(output,
            ["province", "district", "commune", "unit", "period", "new members", "target", "total members", "sources"],
            rows.Select(r => (IReadOnlyList<string>)
            [
                r.Province ?? "", r.District ?? "", r.Commune ?? "", r.Unit ?? "", r.Years + (r.PerYear ? " /yr" : ""),
                Cell(r.NewMembers), Cell(r.NewMembersTarget), Cell(r.TotalMembers), r.SourceArticles.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ]),
            new HashSet<int> { 5, 6, 7, 8 });
        var conflicts = rows.Count(r => r.NewMembers?.Conflict == true || r.NewMembersTarget?.Conflict == true || r.TotalMembers?.Conflict == true);
        if (conflicts > 0) output.WriteLine($"{conflicts} row(s) where sources disagree (CONFLICT: all values shown, none averaged).");
    }

    private static string Cell(MetricCell? cell) => cell switch
    {
        null => "",
        { Conflict: true } => "CONFLICT " + string.Join(" | ", cell.DistinctValues.Select(Output.Number)),
        _ => Output.Number(cell.Value),
    };
}
