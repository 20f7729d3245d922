using System.CommandLine;
using NewsMiner.Mining.Localities;
using NewsMiner.Storage;

namespace NewsMiner.Cli.Commands;

/// <summary>The figure filters shared by query, export and compare.</summary>
public sealed class FilterOptions
{
    public Option<string?> Metric { get; } = new("--metric") { Description = "Metric, e.g. new_members, new_members_target, total_members, party_cells" };
    public Option<string?> Province { get; } = new("--province") { Description = "Province name (any tone placement, before or after the 2025 reform) or code" };
    public Option<string?> District { get; } = new("--district") { Description = "District name or code" };
    public Option<string?> Commune { get; } = new("--commune") { Description = "Commune name or code (a 2025 commune also matches the old communes it was formed from)" };
    public Option<int?> Year { get; } = new("--year") { Description = "A year the figure's period covers" };
    public Option<int?> From { get; } = new("--from") { Description = "First year: keep figures whose period starts in or after it" };
    public Option<int?> To { get; } = new("--to") { Description = "Last year: keep figures whose period ends in or before it" };
    public Option<string?> Segment { get; } = new("--segment") { Description = "Segment label (nu, doanh_nghiep, ...) or 'none' for whole organisations" };
    public Option<string?> Source { get; } = new("--source") { Description = "Site host (baoquangninh.vn) or article URL prefix" };
    public Option<double?> MinConfidence { get; } = new("--min-confidence") { Description = "Keep figures with at least this confidence (0..1)" };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Metric, Province, District, Commune, Year, From, To, Segment, Source, MinConfidence }) command.Options.Add(o);
    }

    /// <summary>The query the options describe; place names and codes are checked against the gazetteer.</summary>
    /// <exception cref="UserError">Unknown metric or place (the message lists the nearest names), or an empty year range.</exception>
    public FigureQuery Read(ParseResult r)
    {
        var (from, to) = (r.GetValue(From), r.GetValue(To));
        if (from > to) throw new UserError($"--from {from} is after --to {to}");
        return new FigureQuery(
            Metric: Inputs.ParseMetric(r.GetValue(Metric)),
            Year: r.GetValue(Year),
            MinConfidence: r.GetValue(MinConfidence),
            FromYear: from,
            ToYear: to,
            Segment: r.GetValue(Segment),
            Source: r.GetValue(Source),
            ProvinceIn: Place(r.GetValue(Province), UnitLevel.Province),
            DistrictIn: Place(r.GetValue(District), UnitLevel.District),
            CommuneIn: Place(r.GetValue(Commune), UnitLevel.Commune));
    }

    /// <summary>The filter options as given ("--metric new_members --from 2015"), for codebooks; "(none)" when none.</summary>
    public string Describe(ParseResult r)
    {
        var parts = new List<string>();
        foreach (var o in new Option[] { Metric, Province, District, Commune, Year, From, To, Segment, Source, MinConfidence })
        {
            var value = r.GetResult(o) is { Implicit: false } result ? result.Tokens.Select(t => t.Value).FirstOrDefault() : null;
            if (value is not null) parts.Add($"{o.Name} {value}");
        }
        return parts.Count == 0 ? "(none)" : string.Join(" ", parts);
    }

    private static PlaceFilter? Place(string? value, UnitLevel level)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        try
        {
            return LocalityFilters.Resolve(Gazetteer.Default, value, level);
        }
        catch (StoreException e)
        {
            throw new UserError(e.Message);
        }
    }
}

/// <summary>Opens the --db a read command names: a SQLite file that must exist, or a PostgreSQL connection string.</summary>
public static class StoreAccess
{
    public static Task<INewsStore> OpenExistingAsync(string db, CancellationToken ct) => Inputs.OpenExistingAsync(db, ct);
}
