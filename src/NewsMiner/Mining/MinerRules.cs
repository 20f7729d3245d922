using System.Collections.Frozen;
using System.Text.Json;

namespace NewsMiner.Mining;

/// <summary>
/// The miner's language knowledge, read once from data/language/figure-rules.json. Every cue list becomes a kind in
/// one <see cref="PhraseIndex"/>; the kinds are named here so code and data cannot drift apart silently.
/// </summary>
public sealed class MinerRules
{
    internal const string UnitPrefix = "unit:";
    internal const string CuePrefix = "cue:";
    internal const string SegmentPrefix = "segment:";
    internal const string RefPrefix = "ref:";
    internal const string UnitHeadKind = "unithead";

    /// <summary>Unit-noun classes of figure-rules.json, in the order the file lists them.</summary>
    public static readonly string[] UnitClasses = ["person", "new_person", "cell", "org", "reject"];

    /// <summary>Cue lists the miner reads; a missing list in the data file is an error, not a silent gap.</summary>
    public static readonly string[] CueKinds =
    [
        "admission", "target", "plan_reference", "per_year", "stock", "stock_raised", "awareness_course",
        "new_member_course", "attainment", "attainment_verb", "not_attainment", "breakdown", "not_a_figure", "org_action",
        "unlabelled_subgroup", "number_prefix_reject", "foreign_ratio", "place_attach", "from_to", "not_number_prefix",
        "segment_hedge", "anchor_link", "strong_stock", "per_unnamed_unit", "target_noun", "describes",
        "coorganizer", "distributive", "course_context", "new_member_marker", "awareness_marker", "general_course", "share_verb", "other_body_member", "mixed_organisations", "rate_verb", "membership_rate", "represents", "of_new_members", "org_founding", "org_merge", "single_kind_orgs", "rating_share", "plan_level",
    ];

    internal PhraseIndex Index { get; }
    public FrozenSet<string> SegmentLabels { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Lists { get; }
    public IReadOnlyList<string> RefNotAfter { get; }
    public IReadOnlyList<string> RefNotBefore { get; }
    /// <summary>Words that end a unit's name when it runs over lower-case words ("Đảng ủy Khối các cơ quan tỉnh").</summary>
    public IReadOnlySet<string> UnitStopWords { get; private init; } = new HashSet<string>();
    /// <summary>Events whose anniversaries date a text: "kỷ niệm 90 năm thành lập Đảng" is 1930 + 90.</summary>
    public IReadOnlyList<(string Phrase, int BaseYear)> Anniversaries { get; private init; } = [];
    /// <summary>Time phrases to periods, over the patterns of time.patterns.</summary>
    internal PeriodResolver Periods { get; private init; } = null!;
    /// <summary>How units are named and placed (units.level_words, party_prefixes, block_word, expansions, province_level).</summary>
    public UnitNames UnitNames { get; private init; } = UnitNames.Empty;
    /// <summary>The date an undated page reports on, from its lead (time.event_lead, time.congress).</summary>
    public EventDates EventDates { get; private init; } = new([], [], []);

    private MinerRules(PhraseIndex index, FrozenSet<string> segments, IReadOnlyDictionary<string, IReadOnlyList<string>> lists,
        IReadOnlyList<string> refNotAfter, IReadOnlyList<string> refNotBefore)
    {
        Index = index;
        SegmentLabels = segments;
        Lists = lists;
        RefNotAfter = refNotAfter;
        RefNotBefore = refNotBefore;
    }

    public static MinerRules Default { get; } = Load(EmbeddedData.ReadText("data/language/figure-rules.json"));

    public static MinerRules Load(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var phrases = new List<(string Kind, string Phrase)>();
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

        void AddList(string kind, JsonElement array)
        {
            var items = array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).Where(s => s.Length > 0).ToList();
            lists[kind] = items;
            phrases.AddRange(items.Select(p => (kind, p)));
        }

        var units = root.GetProperty("unit_nouns");
        foreach (var cls in UnitClasses) AddList(UnitPrefix + cls, Required(units, cls));
        var cues = root.GetProperty("cues");
        foreach (var kind in CueKinds) Required(cues, kind);
        foreach (var list in cues.EnumerateObject())
        {
            if (!list.Name.StartsWith('_')) AddList(CuePrefix + list.Name, list.Value);
        }
        var time = root.GetProperty("time");

        var segments = new List<string>();
        foreach (var seg in root.GetProperty("segments").EnumerateObject())
        {
            if (seg.Name.StartsWith('_')) continue;
            segments.Add(seg.Name);
            AddList(SegmentPrefix + seg.Name, seg.Value);
        }

        var refs = root.GetProperty("org_references");
        foreach (var r in refs.GetProperty("refs").EnumerateArray())
        {
            var phrase = r.GetProperty("phrase").GetString()!;
            var level = r.GetProperty("level").GetInt32();
            phrases.Add((RefPrefix + level, phrase));
        }
        AddList(UnitHeadKind, root.GetProperty("units").GetProperty("heads"));
        // "Đảng bộ Trường Cao đẳng …": an institution head after a party prefix is one head, so the name starts there.
        var prefixes = ReadStrings(Required(root.GetProperty("units"), "party_prefixes"));
        var cellPrefix = Required(root.GetProperty("units"), "cell_prefix").GetString() ?? "";
        foreach (var head in InstitutionHeads(lists[UnitHeadKind], prefixes, cellPrefix))
            phrases.AddRange(prefixes.Append(cellPrefix).Select(p => (UnitHeadKind, p + " " + head)));

        return new MinerRules(new PhraseIndex(phrases), segments.ToFrozenSet(StringComparer.Ordinal), lists,
            ReadStrings(refs.GetProperty("not_after")), ReadStrings(refs.GetProperty("not_before")))
        {
            UnitStopWords = ReadStrings(root.GetProperty("units").GetProperty("stop_words")).ToFrozenSet(StringComparer.Ordinal),
            Anniversaries = time.GetProperty("anniversaries").EnumerateArray()
                .Select(a => (Text.VietnameseText.ToneKey(a.GetProperty("phrase").GetString()!), a.GetProperty("base").GetInt32()))
                .OrderByDescending(a => a.Item1.Length).ToList(),
            UnitNames = ReadUnitNames(root.GetProperty("units")),
            Periods = new PeriodResolver(PeriodPatterns.Read(Required(time, "patterns"))),
            EventDates = new EventDates(ReadStrings(Required(time, "event_lead")), ReadStrings(Required(time, "congress")),
                ReadStrings(Required(time, "congress_not_after")),
                Required(time, "undated_year").EnumerateArray().Select(u => (u.GetProperty("regex").GetString()!, u.GetProperty("add_years").GetInt32())).ToList()),
        };
    }

    /// <summary>Heads of host institutions: the unit heads that start with no party or cell word ("trường thpt", "công an").</summary>
    private static List<string> InstitutionHeads(IEnumerable<string> heads, IReadOnlyList<string> partyPrefixes, string cellPrefix) =>
        heads.Where(h => !partyPrefixes.Any(p => h.StartsWith(p, StringComparison.Ordinal)) && !h.StartsWith(cellPrefix, StringComparison.Ordinal)).ToList();

    private static UnitNames ReadUnitNames(JsonElement units) => new(
        ReadStrings(Required(units, "level_words")),
        ReadStrings(Required(units, "party_prefixes")),
        Required(units, "block_word").GetString() ?? "",
        Required(units, "expansions").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? p.Name, StringComparer.Ordinal),
        ReadStrings(Required(units, "province_level")),
        Required(units, "short_forms").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? p.Name, StringComparer.Ordinal),
        Required(units, "cell_prefix").GetString() ?? "",
        InstitutionHeads(ReadStrings(Required(units, "heads")), ReadStrings(Required(units, "party_prefixes")), Required(units, "cell_prefix").GetString() ?? ""));

    private static JsonElement Required(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value)
            ? value
            : throw new InvalidDataException($"figure-rules.json: list '{name}' is missing");

    private static List<string> ReadStrings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).Where(s => s.Length > 0).ToList();
}
