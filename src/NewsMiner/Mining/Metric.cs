namespace NewsMiner.Mining;

/// <summary>What a figure counts (figure-schema v1 metrics, plus the miner's own non-scored ones).</summary>
public enum Metric
{
    NewMembers,
    NewMembersTarget,
    TargetAttainmentPct,
    TotalMembers,
    PartyCells,
    GrassrootsOrgs,
    AwarenessTrainees,
    NewMemberTrainees,
    MemberSharePct,
    /// <summary>Share of the people admitted (not scored by schema v1).</summary>
    NewMemberSharePct,
}

public static class MetricNames
{
    private static readonly (Metric Metric, string Name)[] Table =
    [
        (Metric.NewMembers, "new_members"),
        (Metric.NewMembersTarget, "new_members_target"),
        (Metric.TargetAttainmentPct, "target_attainment_pct"),
        (Metric.TotalMembers, "total_members"),
        (Metric.PartyCells, "party_cells"),
        (Metric.GrassrootsOrgs, "grassroots_orgs"),
        (Metric.AwarenessTrainees, "awareness_trainees"),
        (Metric.NewMemberTrainees, "new_member_trainees"),
        (Metric.MemberSharePct, "member_share_pct"),
        (Metric.NewMemberSharePct, "new_member_share_pct"),
    ];

    public static IEnumerable<string> All => Table.Select(t => t.Name);

    public static string ToSchemaName(this Metric m) => Table.First(t => t.Metric == m).Name;

    public static bool TryParse(string name, out Metric metric)
    {
        foreach (var (m, n) in Table)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) { metric = m; return true; }
        }
        metric = default;
        return false;
    }
}
