using System.CommandLine;
using NewsMiner.Storage;

namespace NewsMiner.Cli.Commands;

/// <summary>The figure filters shared by query, export and compare.</summary>
public sealed class FilterOptions
{
    public Option<string?> Metric { get; } = new("--metric") { Description = "Metric, e.g. new_members, new_members_target, total_members, party_cells" };
    public Option<string?> Province { get; } = new("--province") { Description = "Province name (any tone placement) or code" };
    public Option<string?> District { get; } = new("--district") { Description = "District name or code" };
    public Option<string?> Commune { get; } = new("--commune") { Description = "Commune name or code" };
    public Option<int?> Year { get; } = new("--year") { Description = "A year the figure's period covers" };
    public Option<double?> MinConfidence { get; } = new("--min-confidence") { Description = "Keep figures with at least this confidence (0..1)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Metric);
        command.Options.Add(Province);
        command.Options.Add(District);
        command.Options.Add(Commune);
        command.Options.Add(Year);
        command.Options.Add(MinConfidence);
    }

    public FigureQuery Read(ParseResult r) => new(
        Inputs.ParseMetric(r.GetValue(Metric)),
        r.GetValue(Province),
        r.GetValue(District),
        r.GetValue(Commune),
        r.GetValue(Year),
        r.GetValue(MinConfidence));
}
