using System.Collections.Frozen;
using System.Text.RegularExpressions;
using NewsMiner.Mining.Classification;
using NewsMiner.Mining.Localities;
using NewsMiner.Text;

namespace NewsMiner.Mining;

/// <summary>
/// The Mining stage: reads an article's normalised text and returns the figures it states (figure-schema v1), each
/// with its evidence sentence and offsets, and every number it did not take with the reason. Extract → resolve →
/// assemble: numbers, places and cue phrases are found once over the whole text; each number is then classified from
/// its clause, given a period and an organisation, and duplicates of one fact are merged.
/// </summary>
public sealed partial class FigureMiner
{
    /// <summary>Stored with every figure so re-mining with a newer miner can replace older figures.</summary>
    public const string Version = "rules-0.5+classifier-4";

    /// <summary>
    /// How sure the classifier must be before it names the metric of a number the rules left without one. On single
    /// sentences (the development mention sets) 0.6 gave the most recall, but on whole articles, where many more numbers
    /// stand near party words, the answers between 0.6 and 0.7 added wrong figures: at 0.7 the held-out articles keep the
    /// rules' precision. A wrong figure is worse than a missing one.
    /// </summary>
    public const double ClassifierThreshold = 0.7;

    /// <summary>
    /// How sure the classifier must be to overrule the rules: to name a metric for a number a rule turned down (a
    /// percentage with no context the rules know, a unit the rules count as no figure, people of an unlabelled
    /// sub-group), or to change the metric of a figure the rules took with low confidence. Higher than <see cref="ClassifierThreshold"/> because the
    /// rules have an opinion there; chosen on our own tuning sentences and folds by frame, not on the held-out set.
    /// </summary>
    public const double ClassifierOverride = 0.9;

    /// <summary>
    /// How sure the classifier must be to change the metric of a confident rule decision, allowed only where the rules'
    /// cue is far from the number ("kết nạp" at the start of a long sentence, "chỉ tiêu" named just before the number).
    /// </summary>
    public const double ClassifierOverruleFarCue = 0.97;

    /// <summary>Rule decisions below this confidence are "unsure": the classifier may change their metric at <see cref="ClassifierOverride"/>.</summary>
    private const double UnsureRuleConfidence = 0.8;

    private const int LeftScopeTokens = 24;
    private const int RightScopeTokens = 12;

    private readonly MinerRules rules;
    private readonly VietnameseNumberParser numbers;
    private readonly LocalityResolver places;
    private readonly IMentionClassifier? classifier;

    /// <param name="classifier">Decides the metric where the rules are silent; null mines with the rules alone.</param>
    public FigureMiner(MinerRules rules, VietnameseNumberParser numbers, LocalityResolver places, IMentionClassifier? classifier = null)
    {
        this.rules = rules;
        this.numbers = numbers;
        this.places = places;
        this.classifier = classifier;
    }

    /// <summary>Rules plus the shipped classifier (models/figure-classifier.zip, loaded once per process), the miner `mine` and `crawl` use.</summary>
    public static FigureMiner CreateDefault() =>
        new(MinerRules.Default, VietnameseNumberParser.Default, new LocalityResolver(Gazetteer.Default), FigureClassifier.LoadDefault());

    /// <summary>The rules alone: for comparison, and as the "rules' opinion" the classifier was trained with.</summary>
    public static FigureMiner CreateRulesOnly() =>
        new(MinerRules.Default, VietnameseNumberParser.Default, new LocalityResolver(Gazetteer.Default));

    public MiningResult Mine(string text, MiningContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The headline may hold the lead's date when a passage opens with it; it is read before the body.
        if (context.Published is null && rules.EventDates.Infer(context.Title is { Length: > 0 } title ? title + "\n" + text : text) is { } eventDate)
            context = context with { Published = eventDate };
        var doc = new Document(this, text, context);
        return doc.Run();
    }

    /// <summary>"không ... (một) đảng viên nào": an explicit zero.</summary>
    [GeneratedRegex(@"\b(?:không|chưa)\s+(?:\S+\s+){0,3}?(?:kết\s+nạp|phát\s+triển)(?:\s+\S+){0,3}?\s+(?:(?:một|1)\s+)?(?:đảng\s+viên|quần\s+chúng)(?:\s+mới)?\s+nào\b", RegexOptions.CultureInvariant, 200)]
    private static partial Regex ZeroAdmissionPattern();

    private enum UnitClass { None, Person, NewPerson, Cell, Org, Reject }

    private enum AnchorKind { Place, Reference, Unit }

    private sealed record Anchor(int Start, int End, AnchorKind Kind, PlaceMention? Place, int Level, string? UnitName);

    private sealed record Decision(Metric Metric, string? Segment, double Confidence);

    /// <summary>A figure under construction: what was decided, before de-duplication.</summary>
    private sealed record Draft(Figure Figure, int SentenceIndex, bool NamedGroup = false);

    /// <summary>What the classifier may name for a plain count: every metric except the percentages, whose segment only the rules find.</summary>
    private static readonly FrozenSet<Metric> CountMetrics = new[]
    {
        Metric.NewMembers, Metric.NewMembersTarget, Metric.TotalMembers, Metric.PartyCells, Metric.GrassrootsOrgs,
        Metric.AwarenessTrainees, Metric.NewMemberTrainees,
    }.ToFrozenSet();

    /// <summary>Words (lower case, as in the tone-keyed text) of which a sentence needs one before the classifier may name a figure in it.</summary>
    public static readonly IReadOnlyList<string> PartyWords = ["đảng", "chi bộ", "kết nạp"];

    private static readonly FrozenSet<Metric> AttainmentOnly = new[] { Metric.TargetAttainmentPct }.ToFrozenSet();

    /// <summary>Segment key of figure-rules.json for one named ethnic group ("người Mông").</summary>
    private const string NamedMinority = "dan_toc_named";

    /// <summary>Everything computed once per article; the per-number rules read it.</summary>
    private sealed class Document
    {
        private readonly FigureMiner miner;
        private readonly string text;
        private readonly string key;
        private readonly MiningContext context;
        private readonly List<Token> tokens;
        private readonly List<PhraseHit>[] hitsAt;
        private readonly List<TextSpan> sentences;
        private readonly List<Anchor> anchors = [];
        private readonly List<PlaceMention> placeMentions;
        private readonly Locality subject;
        private readonly Dictionary<string, string> spellings;
        private readonly List<Draft> drafts = [];
        private readonly List<RejectedNumber> rejected = [];
        private string? lastFlowPeriod;
        private readonly List<(int Start, int End)> zeroSpans = [];

        public Document(FigureMiner miner, string text, MiningContext context)
        {
            this.miner = miner;
            this.text = text;
            this.context = context;
            var toneKey = VietnameseText.ToneKey(text);
            // Offsets must line up with the article text; ToneKey keeps lengths for normalised input.
            key = toneKey.Length == text.Length ? toneKey : text.ToLowerInvariant();
            tokens = PhraseIndex.Tokenize(key);
            sentences = SentenceSplitter.Split(text).ToList();
            var localityContext = new LocalityContext(context.Published, context.SiteProvince);
            placeMentions = miner.places.FindPlaces(text, localityContext).ToList();
            hitsAt = new List<PhraseHit>[tokens.Count + 1];
            var placeIndex = 0;
            foreach (var hit in miner.rules.Index.FindAll(tokens))
            {
                // "Giao Thủy" is a district, not the target cue "giao": cue words inside a place name do not count.
                var start = tokens[hit.FirstToken].Start;
                while (placeIndex < placeMentions.Count && placeMentions[placeIndex].Start + placeMentions[placeIndex].Length <= start) placeIndex++;
                if (placeIndex < placeMentions.Count && IsCueKind(hit.Kind) && IsInsideName(placeMentions[placeIndex], start, tokens[hit.EndToken - 1].End)) continue;
                (hitsAt[hit.FirstToken] ??= []).Add(hit);
            }
            BuildAnchors();
            spellings = CollectSpellings();
            subject = WithTextSpellings(FindSubject(localityContext));
        }

        public MiningResult Run()
        {
            var mentions = miner.numbers.FindAll(text);
            var byNumber = 0;
            for (var s = 0; s < sentences.Count; s++)
            {
                var sentence = sentences[s];
                var sentenceEnd = sentence.Start + sentence.Length;
                var times = TimesOf(s);
                var inSentence = new List<NumberMention>();
                while (byNumber < mentions.Count && mentions[byNumber].Start < sentenceEnd)
                {
                    if (mentions[byNumber].Start >= sentence.Start) inSentence.Add(mentions[byNumber]);
                    byNumber++;
                }
                current = new List<Draft>();
                var sentenceDrafts = current;
                AddZeroFigures(s, sentence, times, sentenceDrafts);
                for (var i = 0; i < inSentence.Count; i++) Classify(s, sentence, inSentence, i, times, sentenceDrafts);
                AskClassifier();
                foreach (var d in sentenceDrafts)
                {
                    if (IsFlow(d.Figure.Metric) && d.Figure.Period is not null) lastFlowPeriod = d.Figure.Period;
                }
                drafts.AddRange(sentenceDrafts);
            }
            return new MiningResult(Deduplicate(), rejected);
        }

        // ---------------------------------------------------------------- classification

        private void Classify(int sentenceIndex, TextSpan sentence, List<NumberMention> inSentence, int index,
            List<TimeExpression> times, List<Draft> sentenceDrafts)
        {
            var n = inSentence[index];
            string? why = n.Form switch
            {
                NumberForm.Date => "date",
                NumberForm.Time => "time of day",
                NumberForm.DocumentNumber => "document number",
                NumberForm.Code => "phone number or code",
                _ => null,
            };
            if (why is not null) { Reject(n, why); return; }
            if (IsInsideTime(n, times)) { Reject(n, "part of a time expression"); return; }

            var first = TokenAt(n.NumberStart);
            // Units follow the numeric part: "từ 170 đảng viên mới trở lên" has its noun inside the mention.
            var last = TokenBefore(n.NumberEnd);
            if (last + 1 < tokens.Count && tokens[last + 1].Text == "%") last++;
            if (first < 0 || last < first) { Reject(n, "not on a word boundary"); return; }
            var sentenceFirst = TokenAt(sentence.Start);
            var sentenceEnd = TokenBefore(sentence.Start + sentence.Length) + 1;
            var qualifierFirst = TokenAt(n.Start);

            if (EndsAt(qualifierFirst, "number_prefix_reject", sentenceFirst) && !EndsAt(qualifierFirst, "not_number_prefix", sentenceFirst))
            {
                Reject(n, "ordinal, name or code number");
                return;
            }
            if (zeroSpans.Any(z => n.NumberStart >= z.Start && n.NumberStart < z.End)) { Reject(n, "part of an explicit zero"); return; }

            var leftStart = Math.Max(sentenceFirst, qualifierFirst - LeftScopeTokens);
            for (var t = qualifierFirst - 1; t >= leftStart; t--)
            {
                if (tokens[t].Text is ";") { leftStart = t + 1; break; }
            }
            foreach (var d in sentenceDrafts)
            {
                var numberTok = TokenAt(d.Figure.ValueStart);
                if (numberTok >= leftStart && numberTok < qualifierFirst) leftStart = Math.Max(leftStart, Math.Min(qualifierFirst, UnitEndAfter(numberTok + 1)));
            }
            var clauseStart = leftStart;
            for (var t = qualifierFirst - 1; t >= leftStart; t--)
            {
                if (tokens[t].Text is "," or ":" or "(" or ";") { clauseStart = t + 1; break; }
            }
            var rightStart = last + 1;
            var rightEnd = Math.Min(sentenceEnd, rightStart + RightScopeTokens);
            for (var t = rightStart; t < rightEnd; t++)
            {
                if (tokens[t].Text is ";" || (t > rightStart && IsNumberToken(t))) { rightEnd = t; break; }
            }

            var (unitClass, unitEnd, unitPhrase) = UnitAfter(rightStart);
            if (unitClass == UnitClass.Reject && n.Form != NumberForm.Percent && hitsAt[rightStart]?.Any(h => h.Kind == MinerRules.CuePrefix + "mixed_organisations") == true)
            {
                // "24 tổ chức đảng và tổ chức đoàn thể": party and mass organisations counted together; no reading makes it a figure.
                Reject(n, $"counts {unitPhrase}, party and mass organisations together");
                return;
            }
            if (unitClass == UnitClass.Reject && n.Form != NumberForm.Percent)
            {
                SoftReject(n, $"counts {unitPhrase}, not people or party organisations", sentenceIndex, sentence, times, leftStart, qualifierFirst,
                    rightStart, rightEnd, null, ClassifierOverride, CountMetrics);
                return;
            }

            if (unitClass is UnitClass.Person or UnitClass.NewPerson && hitsAt[rightStart]?.Any(h => h.Kind == MinerRules.CuePrefix + "other_body_member") == true
                && !ContainsWord(sentence, "đảng"))
            {
                // "Thị đoàn kết nạp 312 đoàn viên mới", "Hội Cựu chiến binh kết nạp 85 hội viên": admissions to another body.
                Reject(n, $"members of another organisation ({unitPhrase}), not of the Party");
                return;
            }

            if (n.Form == NumberForm.Percent)
            {
                ClassifyPercent(sentenceIndex, sentence, n, leftStart, clauseStart, qualifierFirst, rightStart, rightEnd, times, sentenceDrafts);
                return;
            }

            if (IsYearLike(n) && unitClass == UnitClass.None) { Reject(n, "year"); return; }

            if (unitClass == UnitClass.Person && unitPhrase == "đảng viên" && EndsAt(qualifierFirst, "represents", Math.Max(clauseStart, qualifierFirst - 3)))
            {
                // "349 đại biểu đại diện cho trên 48.500 đảng viên": the delegates stand for the whole membership.
                Emit(sentenceIndex, sentence, n, Metric.TotalMembers, null, 0.85, times, leftStart, qualifierFirst, rightStart, rightEnd, null, null, n.Value);
                return;
            }

            var rightClauseEnd = rightStart;
            while (rightClauseEnd < rightEnd && tokens[rightClauseEnd].Text is not ("," or ";" or ".")) rightClauseEnd++;
            var outsideRight = Has("not_a_figure", rightStart, Math.Max(rightClauseEnd, Math.Min(rightEnd, unitEnd + 1)));
            // "khai trừ 3 đảng viên, xóa tên 11 đảng viên và kết nạp 205 đảng viên mới": an admission verb after the
            // outside-the-schema verb is the one that governs the number.
            var outsideLeft = Nearest(clauseStart, qualifierFirst, "not_a_figure") is { } notFigure
                && !(Nearest(clauseStart, qualifierFirst, "admission") is { } admissionAfter && admissionAfter.FirstToken >= notFigure.EndToken);
            if (outsideLeft || outsideRight)
            {
                // Kept from the classifier: it named quality ratings of organisations as counts of them (figure cases).
                // Only an admission verb right before the number outweighs a cue after it: "quyết định kết nạp 214 trường
                // hợp đủ điều kiện" admits them; the classifier, when sure, may say so.
                if (!outsideLeft && unitClass is UnitClass.None or UnitClass.Person or UnitClass.NewPerson
                    && EndsAt(qualifierFirst, "admission", Math.Max(clauseStart, qualifierFirst - 3)))
                    SoftReject(n, "candidates, confirmations, thresholds or other counts outside schema v1", sentenceIndex, sentence, times,
                        leftStart, qualifierFirst, rightStart, rightEnd, null, ClassifierOverride, CountMetrics);
                else Reject(n, "candidates, confirmations, thresholds or other counts outside schema v1");
                return;
            }

            // A breakdown cue earlier in the sentence ("trong đó xã A 20, xã B 15") carries over, unless the number's own
            // clause says what it counts ("..., góp phần nâng tổng số đảng viên lên 8.201").
            var ownCue = Has("admission", leftStart, qualifierFirst) || Has("target", leftStart, qualifierFirst)
                || Has("stock_raised", leftStart, qualifierFirst) || Has("strong_stock", leftStart, qualifierFirst);
            // "Trong đó, có 10 đảng viên nữ; 24 đảng viên người dân tộc thiểu số": a sentence that opens with the cue is
            // a breakdown in every clause.
            var breakdown = Has("breakdown", leftStart, qualifierFirst)
                || (!ownCue && sentenceDrafts.Count > 0 && Has("breakdown", TokenAt(sentenceDrafts[0].Figure.ValueStart), qualifierFirst))
                || (!ownCue && Has("breakdown", ChainStartToken(sentenceFirst), Math.Min(qualifierFirst, ChainStartToken(sentenceFirst) + 3)));
            var previousCount = drafts.LastOrDefault(d => !IsPercentMetric(d.Figure.Metric));
            Draft? head = sentenceDrafts.LastOrDefault(d => !IsPercentMetric(d.Figure.Metric)) is { } countHead ? countHead
                : breakdown && previousCount is not null && previousCount.SentenceIndex == sentenceIndex - 1 && SameParagraph(sentenceIndex - 1, sentenceIndex) ? previousCount
                : null;

            if (unitClass == UnitClass.None)
            {
                // "từ hơn 5.650 (năm 2020) lên gần 5.930 đảng viên": the first number counts what the second does.
                var next = inSentence.Skip(index + 1).FirstOrDefault(m => m.Form is NumberForm.Single or NumberForm.Range && !IsInsideTime(m, times));
                if (next is not null && next.Start - n.End < 60 && HasFromTo(last + 1, TokenAt(next.Start)))
                {
                    var (nextClass, _, nextPhrase) = UnitAfter(TokenBefore(next.NumberEnd) + 1);
                    if (nextClass is UnitClass.Person or UnitClass.NewPerson) (unitClass, unitPhrase) = (nextClass, nextPhrase);
                }
            }

            if (unitClass == UnitClass.None && ContainsWord(sentence, "đảng viên"))
            {
                // "thị xã Đông Triều kết nạp 318, TP Hạ Long 604 ...": the verb says who; "nâng số đảng viên ... lên 498".
                if (EndsAt(qualifierFirst, "admission", Math.Max(leftStart, qualifierFirst - 3)) && !Has("target", clauseStart, qualifierFirst))
                    (unitClass, unitPhrase) = (UnitClass.NewPerson, "đảng viên mới");
                else if (Has("stock_raised", leftStart, qualifierFirst))
                    (unitClass, unitPhrase) = (UnitClass.Person, "đảng viên");
            }

            if (unitClass == UnitClass.None && Has("strong_stock", clauseStart, qualifierFirst) && ClauseNamesMembers(clauseStart, qualifierFirst)
                && !Has("admission", clauseStart, qualifierFirst) && !Has("target", clauseStart, qualifierFirst))
            {
                // "tổng số đảng viên toàn tỉnh là 31.226": the stock is named before the number.
                (unitClass, unitPhrase) = (UnitClass.Person, "đảng viên");
            }

            if (unitClass == UnitClass.None && EndsAt(qualifierFirst, "target_noun", leftStart)
                && (Has("admission", TokenAt(sentence.Start), sentenceEnd) || sentenceDrafts.Any(d => d.Figure.Metric == Metric.NewMembers)))
            {
                // "kết nạp 245 đảng viên trên chỉ tiêu 220": a target named by its noun, the people implied.
                Emit(sentenceIndex, sentence, n, Metric.NewMembersTarget, null, 0.8, times, leftStart, qualifierFirst, rightStart, rightEnd, null, null, n.Value);
                return;
            }

            if (unitClass == UnitClass.None)
            {
                var anchor = NearestAnchorLeft(n.Start, sentence.Start);
                var anchorIsClose = anchor is not null && TokenBefore(n.Start) - TokenBefore(anchor.End) <= 3;
                // A count never inherits a percentage's metric: "… kết nạp 120 ĐV, đạt 110,5%. Huyện X kết nạp 98".
                var lastCount = drafts.LastOrDefault(d => !IsPercentMetric(d.Figure.Metric));
                head ??= anchorIsClose && lastCount is not null && lastCount.SentenceIndex >= sentenceIndex - 1 && SameParagraph(lastCount.SentenceIndex, sentenceIndex) ? lastCount : null;
                if (head is not null && (anchorIsClose || breakdown))
                {
                    // A breakdown: "toàn tỉnh kết nạp 310, trong đó TP Thái Nguyên 60, TX Phổ Yên 38".
                    var segment = FindSegment(clauseStart, qualifierFirst, rightStart, rightEnd, 0);
                    Emit(sentenceIndex, sentence, n, head.Figure.Metric, segment ?? null, 0.7, times, leftStart, qualifierFirst,
                        rightStart, rightEnd, anchorIsClose ? anchor : null, head, n.Value);
                    return;
                }
                if (!anchorIsClose && EndsAName(sentenceFirst, qualifierFirst))
                {
                    // "thợ lò Phân xưởng Khai thác 3, là …": a bare number after a capitalised word that is no place ends a name.
                    Reject(n, "part of a name (a capitalised word before a bare number)");
                    return;
                }
                SoftReject(n, "no unit noun after the number", sentenceIndex, sentence, times, leftStart, qualifierFirst, rightStart, rightEnd, null);
                return;
            }

            var segmentHere = FindSegment(clauseStart, qualifierFirst, rightStart, rightEnd, unitEnd);
            if (segmentHere is null && Has("unlabelled_subgroup", unitEnd, Math.Min(rightEnd, unitEnd + 4))
                || segmentHere is null && Has("unlabelled_subgroup", clauseStart, qualifierFirst) && breakdown)
            {
                // People of a sub-group may still be course trainees ("đảng viên dự bị" in the course for new members);
                // cells and organisations of a kind are not figures.
                if (unitClass is UnitClass.Person or UnitClass.NewPerson)
                    SoftReject(n, "a sub-group with no schema v1 segment", sentenceIndex, sentence, times, leftStart, qualifierFirst, rightStart, rightEnd,
                        null, ClassifierOverride, CountMetrics);
                else Reject(n, "a sub-group with no schema v1 segment");
                return;
            }

            var adjacentPlace = NearestAnchorLeft(n.Start, sentence.Start);
            var placeIsAdjacent = adjacentPlace is { Kind: AnchorKind.Place or AnchorKind.Unit } && TokenBefore(n.Start) - TokenBefore(adjacentPlace.End) <= 2;
            var inheritedHead = head ?? (drafts.Count > 0 && SameParagraph(drafts[^1].SentenceIndex, sentenceIndex) && drafts[^1].SentenceIndex >= sentenceIndex - 1 ? drafts[^1] : null);
            if (unitClass is UnitClass.Person or UnitClass.NewPerson && placeIsAdjacent && inheritedHead is not null
                && inheritedHead.Figure.Metric is Metric.NewMembers or Metric.NewMembersTarget or Metric.TotalMembers
                && !Has("admission", leftStart, qualifierFirst) && !Has("target", leftStart, qualifierFirst) && !Has("strong_stock", leftStart, qualifierFirst))
            {
                // "... kết nạp 176 đảng viên. Làm tốt là thị trấn Chi Nê với 14 đảng viên, xã Đồng Tâm 11": parts of the head.
                Emit(sentenceIndex, sentence, n, inheritedHead.Figure.Metric, segmentHere, 0.7, times, leftStart, qualifierFirst,
                    rightStart, rightEnd, adjacentPlace, inheritedHead, n.Value);
                return;
            }

            // "hai xã Minh Tiến và Phúc Lương cùng kết nạp được 11", "xã A, B và C, mỗi đơn vị kết nạp 4": one figure each.
            var list = PlaceListBefore(n.Start, sentence.Start);
            var distributive = list.Count >= 2 && Has("distributive", leftStart, qualifierFirst);
            if (unitClass is not (UnitClass.Cell or UnitClass.Org) && !distributive && Has("per_unnamed_unit", leftStart, qualifierFirst))
            {
                // "mỗi đảng bộ xã kết nạp ít nhất 3": a quota per unnamed organisation; a rule decision the classifier does not get.
                Reject(n, "a quota per unnamed organisation");
                return;
            }
            if (unitClass is UnitClass.Cell or UnitClass.Org && Has("org_merge", rightStart, sentenceEnd))
            {
                // "Xã Cẩm Vũ có 2 chi bộ số 3, số 4 sáp nhập thành Chi bộ thôn Phú Lộc": the cells merged, not a stock.
                Reject(n, "organisations merged into another, not a count of an organisation's own");
                return;
            }
            if (unitClass == UnitClass.Org && IsOneKindBesideAnother(unitPhrase, sentenceFirst, sentenceEnd, qualifierFirst))
            {
                // "hiện có 25 đảng bộ trực thuộc và 30 chi bộ cơ sở": each kind alone has no schema v1 segment.
                Reject(n, "a count of one kind of grassroots organisation beside another kind, no schema v1 segment");
                return;
            }
            if (unitClass is UnitClass.Cell or UnitClass.Org && EndsAt(qualifierFirst, "org_founding", Math.Max(leftStart, qualifierFirst - 4)))
            {
                // "giải thể 5 chi bộ", "thành lập mới 8 chi bộ": organisations that are the object of an action (schema v1).
                Reject(n, "organisations founded, merged or dissolved, not a count of an organisation's own");
                return;
            }
            Decision? decision = unitClass switch
            {
                UnitClass.Cell or UnitClass.Org => DecideOrganisations(unitClass, unitPhrase, leftStart, qualifierFirst, segmentHere),
                _ => DecidePeople(unitClass, unitPhrase, sentenceFirst, leftStart, clauseStart, qualifierFirst, rightStart, rightEnd, segmentHere, head, breakdown, distributive),
            };
            if (decision is null)
            {
                SoftReject(n, "no cue says what the people counted are", sentenceIndex, sentence, times, leftStart, qualifierFirst, rightStart, rightEnd, segmentHere);
                return;
            }
            // "… có 12 đảng bộ cơ sở, 40 chi bộ cơ sở và 210 chi bộ trực thuộc đảng bộ cơ sở": cells under the
            // grassroots committees are the next level down, not a part of the grassroots count.
            var cellsBelowHead = decision.Metric == Metric.PartyCells && head?.Figure.Metric == Metric.GrassrootsOrgs
                && unitPhrase.Contains("trực thuộc", StringComparison.Ordinal);
            if (decision.Metric is Metric.PartyCells or Metric.GrassrootsOrgs && breakdown && segmentHere is null && head is not null && !cellsBelowHead)
            {
                // "39 tổ chức cơ sở đảng, gồm 27 đảng bộ cơ sở và 12 chi bộ cơ sở": parts by kind have no schema segment. With
                // no count before it, "Đảng bộ huyện bao gồm 68 tổ chức cơ sở đảng" states the whole.
                Reject(n, "a sub-count by kind with no schema v1 segment");
                return;
            }

            if (n.Form == NumberForm.Fraction && n.Denominator is { } denominator)
            {
                EmitFraction(sentenceIndex, sentence, n, decision, denominator, times, leftStart, qualifierFirst, rightStart, rightEnd, head, breakdown);
                return;
            }
            if (distributive)
            {
                foreach (var place in list)
                    Emit(sentenceIndex, sentence, n, decision.Metric, decision.Segment, decision.Confidence * 0.9, times, leftStart, qualifierFirst,
                        rightStart, rightEnd, place, null, n.Value);
                return;
            }
            if (!breakdown && AskNow(sentenceIndex, sentence, n, decision, unitClass is UnitClass.Person or UnitClass.NewPerson
                    && !CueNear(leftStart, qualifierFirst)) is { } better) decision = better;
            Emit(sentenceIndex, sentence, n, decision.Metric, decision.Segment, decision.Confidence, times, leftStart, qualifierFirst,
                rightStart, rightEnd, null, breakdown ? head : null, n.Value);
        }

        /// <summary>
        /// The classifier's second opinion on a metric the rules chose with little confidence: another count metric when
        /// it is at least <see cref="ClassifierOverride"/> sure, else null and the rules' decision stands.
        /// </summary>
        /// <param name="cueFar">No cue of the rules ends within <see cref="NearCueTokens"/> words before the number: the
        /// rules decided from a word further away, which the classifier may outweigh when it is very sure.</param>
        private Decision? AskNow(int sentenceIndex, TextSpan sentence, NumberMention n, Decision decision, bool cueFar)
        {
            if (miner.classifier is null) return null;
            // Only where the rules were unsure (or decided from a distant cue), and only another metric, never "none":
            // overruling confident rules even at 0.95 broke figure cases when the cue was next to the number ("hằng năm
            // kết nạp từ 120 - 150" read as a target); dropping figures gained nothing.
            var threshold = decision.Confidence < UnsureRuleConfidence ? ClassifierOverride : cueFar ? ClassifierOverruleFarCue : 2;
            if (threshold > 1) return null;
            var p = miner.classifier.Classify(ContextOf(sentenceIndex, sentence, n, decision.Metric.ToSchemaName(), decision.Confidence));
            if (p.BestProbability < threshold || MentionLabels.ToMetric(p.Best) is not { } metric || metric == decision.Metric
                || !CountMetrics.Contains(metric)) return null;
            return new Decision(metric, decision.Segment, 0.85 * p.BestProbability);
        }

        /// <summary>Words before the number within which a rule cue counts as "near" it.</summary>
        private const int NearCueTokens = 3;

        /// <summary>A cue the people rules decide by (admission, target, stock) ends within <see cref="NearCueTokens"/> words before the number.</summary>
        private bool CueNear(int leftStart, int numberToken)
        {
            var from = Math.Max(leftStart, numberToken - NearCueTokens);
            return Has("admission", from, numberToken) || Has("target", from, numberToken) || Has("target_noun", from, numberToken)
                || Has("stock", from, numberToken) || Has("strong_stock", from, numberToken) || Has("stock_raised", from, numberToken)
                || Has("per_year", from, numberToken) || Has("course_context", from, numberToken);
        }

        private Decision? DecideOrganisations(UnitClass unitClass, string unitPhrase, int leftStart, int numberToken, string? segment)
        {
            if (EndsAt(numberToken, "org_action", leftStart)) return null;
            var metric = unitClass == UnitClass.Cell ? Metric.PartyCells : Metric.GrassrootsOrgs;
            return new Decision(metric, segment, unitPhrase.Contains("trực thuộc", StringComparison.Ordinal) ? 0.9 : 0.8);
        }

        private Decision? DecidePeople(UnitClass unitClass, string unitPhrase, int sentenceFirst, int leftStart, int clauseStart,
            int numberToken, int rightStart, int rightEnd, string? segment, Draft? head, bool breakdown, bool distributive)
        {
            // "mỗi đảng bộ xã kết nạp ít nhất 3": a quota per unnamed organisation, not a figure of one.
            if (!distributive && Has("per_unnamed_unit", leftStart, numberToken)) return null;

            var memberNoun = unitPhrase.StartsWith("đảng viên", StringComparison.Ordinal) || unitPhrase.StartsWith("đồng chí", StringComparison.Ordinal)
                || unitPhrase.StartsWith("tân đảng viên", StringComparison.Ordinal) || unitPhrase.StartsWith("nữ đảng viên", StringComparison.Ordinal);

            // Courses first: "mở 5 lớp bồi dưỡng nhận thức về Đảng cho 429 quần chúng", "5 lớp cho 349 đảng viên mới",
            // "312 quần chúng được học lớp nhận thức về Đảng". The nearest course marker names the course.
            var clauseEnd = rightStart;
            while (clauseEnd < tokens.Count && clauseEnd < rightStart + RightScopeTokens && tokens[clauseEnd].Text is not ("," or ";" or ".")) clauseEnd++;
            // "Trong số đảng viên mới kết nạp có 930 đảng viên nữ": part of the admissions, whatever the sentence before counted.
            // The sentence may run on over semicolons: "Trong số đảng viên mới kết nạp: có 930 nữ …; 112 đảng viên là …".
            var chainFirst = ChainStartToken(sentenceFirst);
            if (segment is not null && Has("of_new_members", chainFirst, numberToken) && !Has("target", chainFirst, numberToken))
                return new Decision(Metric.NewMembers, segment, 0.85);
            var course = CourseKind(unitPhrase, unitClass, leftStart, numberToken, rightStart, clauseEnd);
            if (course is not null) return course == Metric.NewMembers ? null : new Decision(course.Value, segment, 0.85);

            if (breakdown && head is not null && head.Figure.Metric is Metric.NewMembers or Metric.NewMembersTarget or Metric.TotalMembers
                or Metric.AwarenessTrainees or Metric.NewMemberTrainees)
            {
                return new Decision(head.Figure.Metric, segment, 0.85);
            }

            // "kết nạp 1.436 đảng viên, bình quân mỗi năm gần 290 đảng viên": a rate of the same flow.
            if (head is not null && IsFlow(head.Figure.Metric) && !IsPercentMetric(head.Figure.Metric) && Has("per_year", clauseStart, numberToken)
                && !Has("admission", clauseStart, numberToken) && !Has("target", clauseStart, numberToken))
                return new Decision(head.Figure.Metric, segment, 0.75);

            // "(Nghị quyết là 4.830 đảng viên)", "chỉ tiêu huyện giao là 08 đồng chí": the plan's own number.
            if (memberNoun && EndsAt(numberToken, "plan_level", Math.Max(leftStart, numberToken - 3)))
                return new Decision(Metric.NewMembersTarget, segment, 0.8);
            var admissionLeft = Nearest(leftStart, numberToken, "admission");
            // "… phát triển đảng viên mới, đến nay huyện X đã có hơn 2.000 đảng viên": a stock cue nearer the number
            // than the admission verb says what is counted.
            if (memberNoun && admissionLeft is { } admittedBefore && Nearest(leftStart, numberToken, "strong_stock") is { } stockCue
                && stockCue.FirstToken >= admittedBefore.EndToken && !Has("stock_raised", leftStart, numberToken))
                return new Decision(Metric.TotalMembers, segment, 0.8);
            // "có 19 chi bộ và 823 đảng viên, năm qua kết nạp thêm 27": an admission in the next clause is another number's.
            var admissionRight = Nearest(rightStart, clauseEnd, "admission");
            var target = Nearest(leftStart, numberToken, "target");
            var perYear = Has("per_year", leftStart, numberToken);
            var planned = Has("plan_reference", sentenceFirst, numberToken);
            var admitted = admissionLeft is not null || admissionRight is not null || unitClass == UnitClass.NewPerson;

            if (admitted && target is not null && (admissionLeft is null || target.Value.FirstToken < admissionLeft.Value.EndToken + 3))
                return new Decision(Metric.NewMembersTarget, segment, 0.85);
            // "Số quần chúng được kết nạp … đạt 203, trong khi kế hoạch cả năm là 280 người": the number's own clause names
            // the plan; the admission belongs to the clause before.
            if (admitted && target is not null && target.Value.FirstToken >= clauseStart && admissionLeft is { } before && before.EndToken <= clauseStart
                && Has("target_noun", clauseStart, numberToken) && !Has("not_attainment", clauseStart, numberToken))
                return new Decision(Metric.NewMembersTarget, segment, 0.8);
            // "Thực hiện Nghị quyết …, bình quân mỗi năm kết nạp 10-12": a yearly rate under a plan is the plan's target
            // (seeds-gold notes); a deliberate reading of the rules that the classifier's words alone cannot see.
            if (admitted && perYear && planned)
                return new Decision(Metric.NewMembersTarget, segment, 0.8);
            if (!admitted && memberNoun && Has("target_noun", leftStart, numberToken) && !Has("strong_stock", leftStart, numberToken))
                return new Decision(Metric.NewMembersTarget, segment, 0.7);
            if (admitted && !Has("stock_raised", leftStart, numberToken))
                return new Decision(Metric.NewMembers, segment, admissionLeft is not null ? 0.9 : 0.75);
            if (memberNoun && (Has("stock", leftStart, numberToken) || Has("stock", rightStart, rightEnd) || unitClass == UnitClass.Person))
                return new Decision(Metric.TotalMembers, segment, Has("stock", leftStart, numberToken) ? 0.85 : 0.6);
            return null;
        }

        /// <summary>
        /// Which course the people were taught in, or null when the clause is not about a course. NewMembers stands for
        /// "a course, but not one schema v1 counts" (general political theory).
        /// </summary>
        private Metric? CourseKind(string unitPhrase, UnitClass unitClass, int leftStart, int numberToken,
            int rightStart, int rightEnd)
        {
            var taughtFor = numberToken >= 1 && tokens[numberToken - 1].Text is "cho" or "với" or "gồm" or "có"
                || EndsAt(numberToken, "course_context", Math.Max(0, numberToken - 3));
            var context = Has("course_context", leftStart, numberToken) || Has("course_context", rightStart, rightEnd)
                || (taughtFor && (Has("awareness_marker", leftStart, numberToken) || Has("new_member_marker", leftStart, numberToken)
                    || Has("awareness_course", leftStart, numberToken) || Has("new_member_course", leftStart, numberToken)));
            if (!context) return null;
            // "tổ chức lễ kết nạp đảng viên mới cho 03 quần chúng ưu tú": an admission, not a course, when the admission
            // verb is the nearest cue and no course word stands in the clause.
            if (!Has("course_context", leftStart, numberToken) && !Has("course_context", rightStart, rightEnd)
                && Nearest(leftStart, numberToken, "admission") is { } admission
                && (Nearest(leftStart, numberToken, "awareness_marker", "awareness_course")?.EndToken ?? -1) <= admission.FirstToken)
                return null;
            var newMember = Nearest(leftStart, numberToken, "new_member_marker", "new_member_course");
            var awareness = Nearest(leftStart, numberToken, "awareness_marker", "awareness_course");
            var general = Nearest(leftStart, numberToken, "general_course");
            var rightAwareness = Has("awareness_marker", rightStart, rightEnd);
            var rightNewMember = Has("new_member_marker", rightStart, rightEnd) && unitClass != UnitClass.NewPerson;
            int Pos(PhraseHit? h) => h?.EndToken ?? -1;
            var best = Math.Max(Pos(newMember), Math.Max(Pos(awareness), Pos(general)));
            if (unitClass == UnitClass.NewPerson || unitPhrase.Contains("dự bị", StringComparison.Ordinal)) return Metric.NewMemberTrainees;
            if (best >= 0)
            {
                if (best == Pos(general) && Pos(general) > Math.Max(Pos(newMember), Pos(awareness))) return Metric.NewMembers;
                return best == Pos(newMember) ? Metric.NewMemberTrainees : Metric.AwarenessTrainees;
            }
            if (rightAwareness) return Metric.AwarenessTrainees;
            if (rightNewMember) return Metric.NewMemberTrainees;
            // "… khai giảng lớp bồi dưỡng lý luận chính trị cho đảng viên mới. Tham dự có 117 học viên": the course is
            // named in the sentence before, in the same paragraph.
            if (CourseOfPreviousSentence(leftStart) is { } previous) return previous;
            if (unitPhrase.StartsWith("quần chúng", StringComparison.Ordinal) && Has("course_context", leftStart, numberToken)) return Metric.AwarenessTrainees;
            return null;
        }

        private Metric? CourseOfPreviousSentence(int leftStart)
        {
            var sentenceIndex = SentenceOf(tokens[leftStart].Start);
            if (sentenceIndex <= 0 || !SameParagraph(sentenceIndex - 1, sentenceIndex)) return null;
            var previous = sentences[sentenceIndex - 1];
            var from = TokenAt(previous.Start);
            var to = TokenBefore(previous.Start + previous.Length) + 1;
            var newMember = Nearest(from, to, "new_member_marker", "new_member_course");
            var awareness = Nearest(from, to, "awareness_marker", "awareness_course");
            if (newMember is null && awareness is null) return null;
            return (newMember?.EndToken ?? -1) > (awareness?.EndToken ?? -1) ? Metric.NewMemberTrainees : Metric.AwarenessTrainees;
        }

        private void ClassifyPercent(int sentenceIndex, TextSpan sentence, NumberMention n, int leftStart, int clauseStart, int numberToken,
            int rightStart, int rightEnd, List<TimeExpression> times, List<Draft> sentenceDrafts)
        {
            if (EndsAt(numberToken, "not_attainment", Math.Max(leftStart, numberToken - 3)))
            {
                Reject(n, "a margin or ratio, not a share of members or of a target");
                return;
            }
            if (EndsAt(numberToken, "plan_level", Math.Max(leftStart, numberToken - 3)))
            {
                // "(Nghị quyết là 90%)": the plan's own level, never worked into a figure.
                Reject(n, "the plan's level, not what was reached");
                return;
            }
            if (Has("rating_share", clauseStart, numberToken))
            {
                // "tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 97,24%": a share rated, outside schema v1.
                Reject(n, "a share of members or organisations by rating, outside schema v1");
                return;
            }
            var attainmentRight = Has("attainment", rightStart, Math.Min(rightEnd, rightStart + 5));
            if (Has("membership_rate", clauseStart, numberToken) || Has("membership_rate", rightStart, Math.Min(rightEnd, rightStart + 8))
                || (EndsAt(numberToken, "rate_verb", Math.Max(leftStart, numberToken - 4)) && !attainmentRight))
            {
                // "kết nạp 91 đảng viên, bằng 6,85%", "tỷ lệ phát triển đảng viên mới đạt 7% so với tổng số đảng viên đầu
                // năm": admissions as a rate of the membership or population are not figures of schema v1.
                Reject(n, "admissions or members as a rate of the membership or population");
                return;
            }
            var attainmentVerb = Has("attainment_verb", Math.Max(leftStart, numberToken - 3), numberToken);
            // "hoàn thành 87% kế hoạch kết nạp đảng viên": the target after the number may name the admissions itself.
            var admissionContext = Has("admission", TokenAt(sentence.Start), numberToken)
                || sentenceDrafts.Any(d => d.Figure.Metric is Metric.NewMembers)
                || attainmentRight && Has("admission", rightStart, Math.Min(rightEnd, rightStart + 6));
            var clauseEndsHere = rightStart >= rightEnd || tokens[rightStart].Text is "," or "." or ";" or ")";
            if ((attainmentRight || (attainmentVerb && clauseEndsHere && admissionContext))
                && (attainmentVerb || admissionContext || Has("attainment", rightStart, Math.Min(rightEnd, rightStart + 2))))
            {
                var previousAdmission = drafts.Count > 0 && drafts[^1].SentenceIndex == sentenceIndex - 1 && SameParagraph(sentenceIndex - 1, sentenceIndex)
                    && drafts[^1].Figure.Metric == Metric.NewMembers;
                if (!admissionContext && !previousAdmission)
                {
                    SoftReject(n, "percentage of a target that is not about admissions", sentenceIndex, sentence, times, leftStart, numberToken,
                        rightStart, rightEnd, null, ClassifierOverride, AttainmentOnly);
                    return;
                }
                Emit(sentenceIndex, sentence, n, Metric.TargetAttainmentPct, null, 0.85, times, leftStart, numberToken, rightStart, rightEnd, null, null, n.Value);
                return;
            }

            if (Has("foreign_ratio", clauseStart, numberToken) || Has("foreign_ratio", rightStart, rightEnd))
            {
                Reject(n, "share of another group (population, villages, heads), not of party members");
                return;
            }
            var afterEnd = rightStart;
            while (afterEnd < Math.Min(rightEnd, rightStart + 3) && tokens[afterEnd].Text is not ("," or ";" or ".")) afterEnd++;
            var segmentAfter = NearestSegment(rightStart, afterEnd, preferFirst: true);
            if (segmentAfter is not null && !(rightStart < tokens.Count && tokens[rightStart].Text is "là"))
            {
                // "60% công an viên ... là đảng viên": the share of a group that are members, not of members in a group.
                Reject(n, "share of another group, not of party members");
                return;
            }
            var segment = FindSegment(clauseStart, numberToken, rightStart, Math.Min(rightEnd, rightStart + 4), 0)
                ?? SegmentOfPreviousClause(TokenAt(sentence.Start), clauseStart, numberToken);
            var head = sentenceDrafts.Count > 0 ? sentenceDrafts[^1] : null;
            if (head is not null && head.Figure.Metric == Metric.NewMembers && TokenBefore(n.Start) - TokenBefore(head.Figure.ValueStart) <= 12)
            {
                Reject(n, "share of the people admitted (new_member_share_pct is not a schema v1 figure)");
                return;
            }
            var membersContext = ContainsWord(sentence, "đảng viên") || PreviousSentenceHasStock(sentenceIndex);
            if (segment is null)
            {
                if (Has("unlabelled_subgroup", clauseStart, numberToken)) Reject(n, "share of a sub-group with no schema v1 segment");
                // Whose share a percentage is needs the rules' reading of the clause (its segment); the classifier may only
                // say it is the attainment of an admission target, which has no segment.
                else SoftReject(n, "percentage without a member or target context", sentenceIndex, sentence, times, leftStart, numberToken,
                    rightStart, rightEnd, null, ClassifierOverride, AttainmentOnly);
                return;
            }
            if (!membersContext) { Reject(n, "share without party members in view"); return; }
            var stockHead = drafts.Concat(sentenceDrafts).LastOrDefault(d => d.Figure.Metric == Metric.TotalMembers && d.Figure.Segment is null);
            Emit(sentenceIndex, sentence, n, Metric.MemberSharePct, segment, 0.75, times, leftStart, numberToken, rightStart, rightEnd,
                null, stockHead ?? head, n.Value);
        }

        private void AddZeroFigures(int sentenceIndex, TextSpan sentence, List<TimeExpression> times, List<Draft> sentenceDrafts)
        {
            var slice = key.Substring(sentence.Start, sentence.Length);
            foreach (Match m in ZeroAdmissionPattern().Matches(slice))
            {
                var start = sentence.Start + m.Index;
                zeroSpans.Add((start, start + m.Length));
                var zero = new NumberMention(start, m.Length, start, m.Length, NumberForm.Single, 0m, null, null, Qualifier.Exact);
                var tok = TokenAt(start);
                Emit(sentenceIndex, sentence, zero, Metric.NewMembers, null, 0.8, times, Math.Max(TokenAt(sentence.Start), tok - LeftScopeTokens),
                    tok, TokenBefore(start + m.Length) + 1, TokenBefore(start + m.Length) + 1, null, null, 0m);
            }
        }

        // ---------------------------------------------------------------- assembly

        private void EmitFraction(int sentenceIndex, TextSpan sentence, NumberMention n, Decision decision, decimal denominator,
            List<TimeExpression> times, int leftStart, int numberToken, int rightStart, int rightEnd, Draft? head, bool breakdown)
        {
            switch (decision.Metric)
            {
                case Metric.NewMembers:
                case Metric.NewMembersTarget:
                    // "kết nạp 45/50 đảng viên": admitted over target.
                    Emit(sentenceIndex, sentence, n, Metric.NewMembers, decision.Segment, decision.Confidence, times, leftStart, numberToken, rightStart, rightEnd, null, null, n.Value);
                    Emit(sentenceIndex, sentence, n, Metric.NewMembersTarget, decision.Segment, decision.Confidence, times, leftStart, numberToken, rightStart, rightEnd, null, null, denominator);
                    break;
                case Metric.PartyCells when decision.Segment is not null:
                    // "12/15 chi bộ khu dân cư có chi ủy": the cells are the denominator.
                    Emit(sentenceIndex, sentence, n, Metric.PartyCells, decision.Segment, decision.Confidence, times, leftStart, numberToken, rightStart, rightEnd, null, null, denominator);
                    break;
                case Metric.TotalMembers when breakdown || decision.Segment is not null:
                    Emit(sentenceIndex, sentence, n, Metric.TotalMembers, decision.Segment, decision.Confidence, times, leftStart, numberToken, rightStart, rightEnd, null, head, n.Value);
                    break;
                default:
                    Reject(n, "a fraction whose parts are not admissions and a target");
                    break;
            }
        }

        private void Emit(int sentenceIndex, TextSpan sentence, NumberMention n, Metric metric, string? segment, double confidence,
            List<TimeExpression> times, int leftStart, int numberToken, int rightStart, int rightEnd, Anchor? forcedAnchor, Draft? head,
            decimal value)
        {
            var perYear = Has("per_year", leftStart, numberToken) || Has("per_year", rightStart, Math.Min(rightEnd, rightStart + 4));
            var (period, periodConfidence) = ResolvePeriod(sentenceIndex, sentence, n, metric, times, leftStart, numberToken, head);
            var locality = WithTextSpellings(ResolveLocality(n, sentence, forcedAnchor, head, rightStart, rightEnd));
            if (metric == Metric.GrassrootsOrgs && locality.District is null && locality.Commune is null && locality.Unit is null
                && !NamesLowerLevelOrganisation(n, sentence, forcedAnchor, rightStart, rightEnd) && !NamesGrassrootsKind(rightStart))
            {
                // A province's district-level committees are not grassroots organisations (schema v1 counting rules);
                // its "tổ chức cơ sở đảng" are, by their name.
                Reject(n, "committees directly under a province are not grassroots organisations");
                return;
            }
            var qualifier = n.Form == NumberForm.Range ? Qualifier.Range : n.Qualifier;
            decimal? valueMax = n.Form == NumberForm.Range && value == n.Value ? n.ValueMax : null;
            var namedGroup = segment == NamedMinority;
            if (namedGroup) segment = "dan_toc_thieu_so";
            var figure = new Figure(metric, segment, value, valueMax, qualifier, perYear, period, locality,
                text.Substring(sentence.Start, sentence.Length), sentence.Start, sentence.Length, n.NumberStart,
                Math.Round(Math.Clamp(confidence * periodConfidence, 0.05, 0.99), 2));
            var draft = new Draft(figure, sentenceIndex, namedGroup);
            current.Add(draft);
        }

        private List<Draft> current = [];

        private (string? Period, double Confidence) ResolvePeriod(int sentenceIndex, TextSpan sentence, NumberMention n, Metric metric,
            List<TimeExpression> times, int leftStart, int numberToken, Draft? head)
        {
            var usable = times.Where(t => t.Kind != TimeKind.BoundYear || IsBoundTo(t, n)).ToList();
            var bound = usable.FirstOrDefault(t => t.Kind == TimeKind.BoundYear);
            if (bound is not null) return (bound.Period, 1.0);

            var termSoFar = usable.FirstOrDefault(t => t.Kind == TimeKind.TermSoFar);
            var spans = usable.Where(t => t.Kind != TimeKind.TermSoFar).ToList();

            if (IsFlow(metric))
            {
                var chosen = NearestTime(spans.Where(t => t.Kind is TimeKind.Year or TimeKind.Span or TimeKind.MonthSpan or TimeKind.Day), n.Start);
                if (chosen is not null)
                {
                    if (termSoFar is not null && metric != Metric.NewMembersTarget && chosen.Kind == TimeKind.Span
                        && context.Published is { } pub && chosen.FromYear < pub.Year && chosen.ToYear > pub.Year)
                        return ($"{chosen.FromYear}-{pub.Year}", 1.0);
                    return (chosen.Period, 1.0);
                }
                if (head is not null && head.Figure.Period is not null && IsFlow(head.Figure.Metric)) return (head.Figure.Period, 0.95);
                var earlier = PeriodFromPreviousSentences(sentenceIndex);
                if (earlier is not null) return (earlier, 0.85);
                if (lastFlowPeriod is not null) return (lastFlowPeriod, 0.7);
                // A flow with no time word at all is news of the day ("vừa kết nạp 4 đảng viên").
                if (context.Published is { } day) return (day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 0.7);
                return (null, 0.8);
            }

            // Stocks: an explicit cut-off, a stock raised by a year's admissions, an explicit year, else publication.
            var cutoff = spans.FirstOrDefault(t => t.Kind == TimeKind.Cutoff);
            if (cutoff is not null) return (cutoff.Period, 1.0);
            if (head is not null && head.Figure.Metric is Metric.TotalMembers or Metric.PartyCells or Metric.GrassrootsOrgs && head.Figure.Period is not null)
                return (head.Figure.Period, 1.0);
            if (Has("stock_raised", TokenAt(sentence.Start), numberToken))
            {
                var flow = NearestTime(spans.Where(t => t.Kind is TimeKind.Year or TimeKind.Span or TimeKind.MonthSpan && t.Kind != TimeKind.BoundYear), n.Start)?.Period
                    ?? current.LastOrDefault(d => IsFlow(d.Figure.Metric))?.Figure.Period
                    ?? PeriodFromPreviousSentences(sentenceIndex)
                    ?? lastFlowPeriod;
                if (flow is not null) return (flow, 0.95);
            }
            var sentenceStock = current.LastOrDefault(d => !IsFlow(d.Figure.Metric) && d.Figure.Period is not null);
            if (sentenceStock is not null && !spans.Any(t => t.Kind is TimeKind.Year or TimeKind.Now && t.Start > sentenceStock.Figure.ValueStart && t.End <= n.Start))
                return (sentenceStock.Figure.Period, 0.95);
            var now = spans.FirstOrDefault(t => t.Kind == TimeKind.Now);
            var year = spans.LastOrDefault(t => t.Kind == TimeKind.Year && t.End <= n.Start);
            if (now is null && year is not null) return (year.Period, 0.9);
            if (context.Published is { } published) return (published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 1.0);
            return (null, 0.8);
        }

        /// <summary>The time of the nearest earlier sentence that names one, or whose figures carry one.</summary>
        private string? PeriodFromPreviousSentences(int sentenceIndex)
        {
            for (var s = sentenceIndex - 1; s >= Math.Max(0, sentenceIndex - 3); s--)
            {
                var flow = drafts.LastOrDefault(d => d.SentenceIndex == s && IsFlow(d.Figure.Metric) && d.Figure.Period is not null);
                if (flow is not null) return flow.Figure.Period;
                // A sentence without figures may still set the time ("... giai đoạn 2023-2025. Theo đó, ...").
                if (!SameParagraph(s, sentenceIndex)) break;
                var sp = sentences[s];
                var found = TimesOf(s).LastOrDefault(t => t.Kind is TimeKind.Year or TimeKind.Span or TimeKind.MonthSpan);
                if (found is not null) return found.Period;
            }
            return null;
        }

        private List<TimeExpression>?[]? timesBySentence;

        /// <summary>The time phrases of one sentence, found once.</summary>
        private List<TimeExpression> TimesOf(int sentenceIndex)
        {
            timesBySentence ??= new List<TimeExpression>?[sentences.Count];
            var sp = sentences[sentenceIndex];
            return timesBySentence[sentenceIndex] ??= miner.rules.Periods.Find(key, sp.Start, sp.Start + sp.Length, context.Published, miner.rules.Anniversaries);
        }

        private bool SameParagraph(int a, int b)
        {
            var from = sentences[Math.Min(a, b)];
            var to = sentences[Math.Max(a, b)];
            return text.IndexOf('\n', from.Start, to.Start - from.Start) < 0;
        }

        private static TimeExpression? NearestTime(IEnumerable<TimeExpression> candidates, int position)
        {
            TimeExpression? best = null;
            var bestDistance = int.MaxValue;
            foreach (var t in candidates)
            {
                // Left of the number is preferred: a time named before a figure governs it more often than one after.
                var distance = t.End <= position ? position - t.End : (t.Start - position) * 2;
                if (distance < bestDistance) { best = t; bestDistance = distance; }
            }
            return best;
        }

        private bool IsBoundTo(TimeExpression t, NumberMention n) => t.Start >= n.End && t.Start - n.End <= 2;

        /// <summary>
        /// "Hiện nay, Đảng bộ huyện có 46 tổ chức cơ sở đảng": the organisation is a district's (or lower) though the
        /// article never names the place; only a province's own committees are kept out of grassroots organisations.
        /// </summary>
        /// <summary>The unit noun after the number says the organisations are grassroots ones ("tổ chức cơ sở đảng", "TCCS", "đảng bộ cơ sở").</summary>
        private bool NamesGrassrootsKind(int rightStart)
        {
            var (unitClass, _, phrase) = UnitAfter(rightStart);
            return unitClass == UnitClass.Org && (phrase.Contains("cơ sở", StringComparison.Ordinal) || phrase.StartsWith("tccs", StringComparison.Ordinal));
        }

        private bool NamesLowerLevelOrganisation(NumberMention n, TextSpan sentence, Anchor? forced, int rightStart, int rightEnd)
        {
            var anchor = forced ?? AttachedRight(rightStart, rightEnd) ?? NearestAnchorLeft(n.Start, sentence.Start);
            return anchor is { Kind: AnchorKind.Reference, Level: >= 2 };
        }

        private Locality ResolveLocality(NumberMention n, TextSpan sentence, Anchor? forced, Draft? head, int rightStart, int rightEnd)
        {
            var anchor = forced ?? AttachedRight(rightStart, rightEnd) ?? NearestAnchorLeft(n.Start, sentence.Start);
            if (anchor is null && head is not null) return head.Figure.Locality;
            anchor ??= NearestAnchorRight(n.End, sentence.Start + sentence.Length);
            if (anchor is null)
            {
                var recent = current.LastOrDefault()?.Figure.Locality ?? drafts.LastOrDefault(d => SameParagraphOffsets(d.Figure.EvidenceStart, sentence.Start))?.Figure.Locality;
                return recent ?? subject;
            }
            return LocalityOf(anchor);
        }

        /// <summary>
        /// Names as the article spells them when they differ from the gazetteer only by spacing ("Đakrông" for the
        /// official "Đa Krông"): annotators and readers use the article's form, and the codes stay official.
        /// </summary>
        private Locality WithTextSpellings(Locality l)
        {
            if (spellings.Count == 0) return l;
            return l with
            {
                Province = l.ProvinceCode is { } p && spellings.TryGetValue(p, out var ps) ? ps : l.Province,
                District = l.DistrictCode is { } d && spellings.TryGetValue(d, out var ds) ? ds : l.District,
                Commune = l.CommuneCode is { } c && spellings.TryGetValue(c, out var cs) ? cs : l.Commune,
            };
        }

        private Dictionary<string, string> CollectSpellings()
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in placeMentions)
            {
                var surface = text.Substring(p.Start, p.Length);
                if (p.TypeWord is { Length: > 0 } typeWord && surface.StartsWith(typeWord, StringComparison.OrdinalIgnoreCase))
                    surface = surface[typeWord.Length..].TrimStart(' ', '.');
                var official = p.Unit.Name;
                // A headline in capitals ("LONG AN") is not a spelling of the name.
                if (!surface.Any(char.IsLower)) continue;
                if (surface == official || VietnameseText.FoldKeyNoSpace(surface) != VietnameseText.FoldKeyNoSpace(official)) continue;
                // Only spacing may differ: tone placement and letters follow the gazetteer's modern form.
                if (!string.Equals(surface.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal),
                        official.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)) continue;
                result.TryAdd(p.Unit.Code, surface);
            }
            return result;
        }

        private bool SameParagraphOffsets(int a, int b) => a <= b && text.IndexOf('\n', a, b - a) < 0;

        private Locality LocalityOf(Anchor anchor)
        {
            switch (anchor.Kind)
            {
                case AnchorKind.Place:
                    return miner.places.ToLocality(anchor.Place!);
                case AnchorKind.Unit:
                    {
                        var inside = placeMentions.FirstOrDefault(p => p.Start >= anchor.Start && p.Start + p.Length <= anchor.End) ?? PlaceAfterInChain(anchor);
                        var baseLocality = inside is not null ? miner.places.ToLocality(inside) : LastPlaceBefore(anchor.Start, 3) ?? subject;
                        // Blocks and "… tỉnh" units sit under the province: no district, whatever place came before.
                        if (inside is null && miner.rules.UnitNames.IsProvinceLevel(anchor.UnitName!)) baseLocality = Truncate(baseLocality, 1);
                        return baseLocality with { Unit = anchor.UnitName };
                    }
                default:
                    if (anchor.Level == 9)
                    {
                        var unit = anchors.LastOrDefault(a => a.Kind == AnchorKind.Unit && a.End <= anchor.Start);
                        return unit is not null ? LocalityOf(unit) : subject;
                    }
                    if (anchor.Level == 2 && IsCityWord(anchor) && miner.places.IsCityProvince(subject.Province ?? context.SiteProvince, context.Published)
                        && LastPlaceBefore(anchor.Start, 2, exactLevel: true) is null)
                        return Truncate(subject, 1); // "toàn Đảng bộ thành phố" on a Cần Thơ page: the city is the province.
                    return LastPlaceBefore(anchor.Start, anchor.Level, exactLevel: true) ?? Truncate(subject, anchor.Level);
            }
        }

        private bool IsCityWord(Anchor anchor)
        {
            var words = key[anchor.Start..anchor.End];
            return words.Contains(VietnameseText.ToneKey("thành phố"), StringComparison.Ordinal) || words.Contains(VietnameseText.ToneKey("thành ủy"), StringComparison.Ordinal);
        }

        private Locality? LastPlaceBefore(int position, int level, bool exactLevel = false)
        {
            for (var i = placeMentions.Count - 1; i >= 0; i--)
            {
                var p = placeMentions[i];
                if (p.Start >= position) continue;
                var l = (int)p.Level;
                if (exactLevel ? l == level : l <= level) return miner.places.ToLocality(p);
            }
            return null;
        }

        private Locality Truncate(Locality l, int level) => level switch
        {
            1 => new Locality(l.Province ?? context.SiteProvince, null, null, null, l.ProvinceCode),
            2 when l.District is not null => new Locality(l.Province, l.District, null, null, l.ProvinceCode, l.DistrictCode),
            _ => l,
        };

        private Anchor? AttachedRight(int rightStart, int rightEnd)
        {
            // "7 học sinh Trường THPT Trị An được kết nạp": the people's own unit follows their noun.
            if (anchors.FirstOrDefault(a => a.Start >= tokens[Math.Min(rightStart, tokens.Count - 1)].Start) is { Kind: AnchorKind.Unit } unitAfter
                && TokenAt(unitAfter.Start) is var unitToken && unitToken >= rightStart && unitToken - rightStart <= 3 && unitToken < rightEnd
                && Enumerable.Range(rightStart, unitToken - rightStart).All(t => tokens[t].IsWord))
                return unitAfter;
            for (var t = rightStart; t < rightEnd; t++)
            {
                if (hitsAt[t] is not { } hits) continue;
                foreach (var h in hits)
                {
                    if (h.Kind != MinerRules.CuePrefix + "place_attach" || h.Phrase is "tại" or "ở") continue;
                    if (h.Phrase is not "trên địa bàn" && h.Phrase is not "thuộc" && h.Phrase is not "của") continue;
                    var after = h.EndToken < tokens.Count ? tokens[h.EndToken].Start : int.MaxValue;
                    var a = anchors.FirstOrDefault(x => x.Start == after || (x.Start > after && x.Start - after <= 1));
                    if (a is not null && a.Kind != AnchorKind.Reference) return a;
                }
            }
            return null;
        }

        private Anchor? NearestAnchorLeft(int position, int sentenceStart)
        {
            for (var i = anchors.Count - 1; i >= 0; i--)
            {
                var a = anchors[i];
                if (a.End > position) continue;
                if (a.Start < sentenceStart) return null;
                // "Trường THPT X phối hợp với Trung tâm Chính trị huyện X tổ chức ...": the partner is not the subject.
                if (EndsAt(TokenAt(a.Start), "coorganizer", Math.Max(0, TokenAt(a.Start) - 4))) continue;
                return MostSpecificInChain(i);
            }
            return null;
        }

        /// <summary>The places of one level listed with "," and "và" nearest before a position in the sentence.</summary>
        private List<Anchor> PlaceListBefore(int position, int sentenceStart)
        {
            var list = new List<Anchor>();
            for (var i = anchors.Count - 1; i >= 0; i--)
            {
                var a = anchors[i];
                if (a.End > position) continue;
                if (a.Start < sentenceStart || a.Kind != AnchorKind.Place) break;
                if (list.Count > 0)
                {
                    var gap = key[a.End..list[0].Start].Trim();
                    if (a.Level != list[0].Level || gap is not ("," or "và" or ", và")) break;
                }
                list.Insert(0, a);
            }
            return list;
        }

        /// <summary>
        /// Adjacent anchors joined by "(", "," or "thuộc" name one organisation and its parents: "xã Tân Linh (huyện
        /// Đại Từ)", "chi bộ thôn Trằm thuộc Đảng bộ xã Hướng Tân, huyện Hướng Hóa". The first link names it.
        /// </summary>
        private Anchor MostSpecificInChain(int index)
        {
            var best = anchors[index];
            for (var i = index; i > 0; i--)
            {
                var previous = anchors[i - 1];
                if (!IsLink(previous.End, anchors[i].Start)) break;
                if (Specificity(previous) <= Specificity(anchors[i])) break;
                best = previous;
            }
            return best;
        }

        private static int Specificity(Anchor a) => a.Kind == AnchorKind.Unit ? 9 : a.Level;

        private bool IsLink(int from, int to)
        {
            if (to < from || to - from > 30) return false;
            var gap = key[from..to].Trim().Trim('(', ',', ' ', '-').Trim();
            if (gap.Length == 0) return true;
            foreach (var link in miner.rules.Lists[MinerRules.CuePrefix + "anchor_link"])
            {
                if (gap == link) return true;
            }
            return false;
        }

        /// <summary>The place an anchor chain hangs from, for a unit named before its place ("chi bộ thôn X thuộc xã Y").</summary>
        private PlaceMention? PlaceAfterInChain(Anchor unit)
        {
            var i = anchors.IndexOf(unit);
            for (var j = i + 1; j < anchors.Count && IsLink(anchors[j - 1].End, anchors[j].Start); j++)
            {
                if (anchors[j].Kind == AnchorKind.Place) return anchors[j].Place;
            }
            return null;
        }

        private Anchor? NearestAnchorRight(int position, int sentenceEnd) =>
            anchors.FirstOrDefault(a => a.Start >= position && a.End <= sentenceEnd && a.Kind != AnchorKind.Reference);

        private List<Figure> Deduplicate()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<Figure>();
            foreach (var d in drafts)
            {
                // "Toàn tỉnh kết nạp hơn 4 ngàn đảng viên" over a body that says 4.022: the headline restates a body fact.
                // A headline's verb may read otherwise than the body's sentence ("phát triển thêm 7.000" over the body's
                // target of 7.000): the same value restates it whatever the metric.
                if (IsHeadline(d) && drafts.Any(o => !IsHeadline(o) && (o.Figure.Metric == d.Figure.Metric ? Restates(d.Figure, o.Figure) : o.Figure.Value == d.Figure.Value))) continue;
                // A single named group counts as the minorities only when no all-minorities count is given (schema v1).
                if (d.NamedGroup && drafts.Any(o => !o.NamedGroup && o.Figure.Segment == "dan_toc_thieu_so" && o.Figure.Metric == d.Figure.Metric
                        && o.Figure.Locality == d.Figure.Locality && o.Figure.Period == d.Figure.Period)) continue;
                var f = d.Figure;
                var l = f.Locality;
                var k = string.Join('|', f.Metric, f.Segment, f.Value, f.ValueMax, f.Period, l.Province, l.District, l.Commune,
                    l.Unit is null ? null : VietnameseText.FoldKey(l.Unit));
                if (seen.Add(k)) result.Add(f);
            }
            return result;
        }

        /// <summary>Headlines and teaser lines: a whole line, short, with no sentence-final punctuation.</summary>
        private const int MaxHeadlineChars = 160;

        private bool IsHeadline(Draft d)
        {
            var s = sentences[d.SentenceIndex];
            var lineStart = s.Start == 0 || text[s.Start - 1] == '\n';
            var end = s.Start + s.Length;
            var lineEnd = end >= text.Length || text[end] == '\n' || text.IndexOf('\n', end) is var nl && nl >= 0 && text[end..nl].Trim().Length == 0;
            var line = text.Substring(s.Start, s.Length).TrimEnd();
            return lineStart && lineEnd && line.Length <= MaxHeadlineChars && line.Length > 0 && line[^1] is not ('.' or ';' or ':');
        }

        /// <summary>The same value, or a headline's rounded or qualified value within 15% of the body's.</summary>
        private static bool Restates(Figure headline, Figure body)
        {
            if (headline.Value == body.Value) return true;
            var rounded = headline.Qualifier != Qualifier.Exact || headline.Value % 100 == 0;
            return rounded && body.Value > 0 && Math.Abs(headline.Value - body.Value) / body.Value <= 0.15m;
        }

        // ---------------------------------------------------------------- lexical helpers

        private sealed record Undecided(NumberMention N, string Reason, int SentenceIndex, TextSpan Sentence, List<TimeExpression> Times,
            int LeftStart, int NumberToken, int RightStart, int RightEnd, string? Segment, double Threshold, IReadOnlySet<Metric> Allowed);

        private readonly List<Undecided> undecided = [];

        /// <summary>A number the rules could not place but did not rule out: the classifier may still name its metric.</summary>
        /// <param name="threshold">How sure the classifier must be; higher where a rule turned the number down.</param>
        /// <param name="allowed">The metrics the classifier may name here (percent metrics need the rules' segment).</param>
        private void SoftReject(NumberMention n, string reason, int sentenceIndex, TextSpan sentence, List<TimeExpression> times,
            int leftStart, int numberToken, int rightStart, int rightEnd, string? segment, double threshold = -1,
            IReadOnlySet<Metric>? allowed = null)
        {
            if (miner.classifier is null) { Reject(n, reason); return; }
            undecided.Add(new Undecided(n, reason, sentenceIndex, sentence, times, leftStart, numberToken, rightStart, rightEnd, segment,
                threshold < 0 ? ClassifierThreshold : threshold, allowed ?? CountMetrics));
        }

        private MentionContext ContextOf(int sentenceIndex, TextSpan sentence, NumberMention n, string ruleLabel, double ruleConfidence)
        {
            var position = sentences.Count <= 1 ? 0 : (double)sentenceIndex / (sentences.Count - 1);
            var whole = WholeSentence(sentenceIndex);
            return new MentionContext(text.Substring(whole.Start, whole.Length), n.Start - whole.Start, n.Length, ruleLabel,
                ruleConfidence, context.Published, position);
        }

        /// <summary>
        /// The sentence with the clauses it shares through semicolons: the rules read "kết nạp 198 đảng viên; riêng với
        /// đoàn viên, con số này là 45" clause by clause, but the classifier learnt from whole sentences and needs both.
        /// </summary>
        private TextSpan WholeSentence(int sentenceIndex)
        {
            var first = sentenceIndex;
            while (first > 0 && EndsWithSemicolon(sentences[first - 1]) && SameParagraph(first - 1, first)) first--;
            var last = sentenceIndex;
            while (last + 1 < sentences.Count && EndsWithSemicolon(sentences[last]) && SameParagraph(last, last + 1)) last++;
            return new TextSpan(sentences[first].Start, sentences[last].End - sentences[first].Start);
        }

        /// <summary>The index of the sentence that holds <paramref name="offset"/>, or -1.</summary>
        private int SentenceOf(int offset) => sentences.FindIndex(sp => sp.Start <= offset && offset < sp.End);

        /// <summary>The first token of the semicolon-joined run of sentences that the token's sentence belongs to.</summary>
        private int ChainStartToken(int sentenceFirstToken)
        {
            var index = SentenceOf(tokens[sentenceFirstToken].Start);
            return index < 0 ? sentenceFirstToken : TokenAt(WholeSentence(index).Start);
        }

        private bool EndsWithSemicolon(TextSpan s)
        {
            var end = s.End - 1;
            while (end >= s.Start && char.IsWhiteSpace(text[end])) end--;
            return end >= s.Start && text[end] == ';';
        }

        /// <summary>Asks the classifier about the numbers of one sentence that the rules left undecided.</summary>
        private void AskClassifier()
        {
            foreach (var u in undecided)
            {
                var whole = WholeSentence(u.SentenceIndex);
                if (!PartyWords.Any(w => ContainsWord(whole, w)))
                {
                    // "làm 3 người chết và 9 người bị thương": the model reads people counts anywhere; a figure needs the Party in view.
                    Reject(u.N, u.Reason + " (no party word in the sentence for the classifier)");
                    continue;
                }
                var mention = ContextOf(u.SentenceIndex, u.Sentence, u.N, MentionLabels.None, MinerRuleOpinions.RejectionConfidence);
                var p = miner.classifier!.Classify(mention);
                if (p.Best == MentionLabels.None || p.BestProbability < u.Threshold || MentionLabels.ToMetric(p.Best) is not { } metric
                    || !u.Allowed.Contains(metric))
                {
                    Reject(u.N, u.Reason + $" (classifier: {p.Best} {p.BestProbability:F2})");
                    continue;
                }
                Emit(u.SentenceIndex, u.Sentence, u.N, metric, u.Segment, 0.85 * p.BestProbability, u.Times, u.LeftStart, u.NumberToken,
                    u.RightStart, u.RightEnd, null, null, u.N.Value);
            }
            undecided.Clear();
        }

        private void Reject(NumberMention n, string reason) =>
            rejected.Add(new RejectedNumber(n.Start, n.Length, text.Substring(n.Start, n.Length), reason));

        private (UnitClass Class, int End, string Phrase) UnitAfter(int tokenIndex)
        {
            if (tokenIndex >= tokens.Count || hitsAt[tokenIndex] is not { } hits) return (UnitClass.None, tokenIndex, string.Empty);
            foreach (var h in hits)
            {
                if (!h.Kind.StartsWith(MinerRules.UnitPrefix, StringComparison.Ordinal)) continue;
                var cls = h.Kind[MinerRules.UnitPrefix.Length..] switch
                {
                    "person" => UnitClass.Person,
                    "new_person" => UnitClass.NewPerson,
                    "cell" => UnitClass.Cell,
                    "org" => UnitClass.Org,
                    _ => UnitClass.Reject,
                };
                return (cls, h.EndToken, h.Phrase);
            }
            return (UnitClass.None, tokenIndex, string.Empty);
        }

        private int UnitEndAfter(int tokenIndex)
        {
            var (_, end, _) = UnitAfter(tokenIndex);
            return end;
        }

        private string? FindSegment(int leftStart, int leftEnd, int rightStart, int rightEnd, int unitEnd)
        {
            // "320 đảng viên là công nhân, người lao động trong các doanh nghiệp": a description may run past commas.
            if (unitEnd > 0 && unitEnd < tokens.Count && hitsAt[unitEnd]?.Any(h => h.Kind == MinerRules.CuePrefix + "describes") == true)
            {
                var end = unitEnd;
                while (end < tokens.Count && end < unitEnd + 20 && tokens[end].Text is not (";" or "." or "(")) end++;
                var described = NearestSegment(unitEnd, end, preferFirst: true);
                if (described is not null) return described;
            }
            // The unit phrase and the words after it describe the people counted more reliably than words before.
            var clauseEnd = Math.Max(rightStart, Math.Min(unitEnd, rightEnd));
            while (clauseEnd < rightEnd && tokens[clauseEnd].Text is not ("," or ";" or ":" or ")" or ".")) clauseEnd++;
            var best = NearestSegment(rightStart, clauseEnd, preferFirst: true);
            return best ?? NearestSegment(leftStart, leftEnd, preferFirst: false);
        }

        /// <summary>
        /// "đảng viên người Khmer là 1.146 người, chiếm 24,7%": a clause that is only "chiếm" shares the subject of the
        /// clause before it; its segment, if it names one, is the percentage's.
        /// </summary>
        private string? SegmentOfPreviousClause(int sentenceFirst, int clauseStart, int numberToken)
        {
            if (clauseStart <= sentenceFirst || tokens[clauseStart - 1].Text != ","
                || hitsAt[clauseStart]?.Any(h => h.Kind == MinerRules.CuePrefix + "share_verb" && h.EndToken == numberToken) != true) return null;
            var from = clauseStart - 1;
            while (from > sentenceFirst && tokens[from - 1].Text is not ("," or ";" or ":" or "(")) from--;
            return NearestSegment(from, clauseStart - 1, preferFirst: true);
        }

        private string? NearestSegment(int from, int to, bool preferFirst)
        {
            string? found = null;
            for (var t = from; t < to && t < tokens.Count; t++)
            {
                if (hitsAt[t] is not { } hits) continue;
                foreach (var h in hits)
                {
                    if (!h.Kind.StartsWith(MinerRules.SegmentPrefix, StringComparison.Ordinal) || h.EndToken > to) continue;
                    // "Đảng bộ Quân sự tỉnh": the kind of unit is not a description of the people counted.
                    if (InsideUnitName(tokens[t].Start)) break;
                    // "phần lớn là đoàn viên": most, not all, of the people counted; the count has no segment.
                    if (EndsAt(t, "segment_hedge", Math.Max(0, t - 3))) break;
                    found = h.Kind[MinerRules.SegmentPrefix.Length..];
                    if (preferFirst) return found;
                    break;
                }
            }
            return found;
        }

        private bool Has(string cue, int from, int to)
        {
            var kind = MinerRules.CuePrefix + cue;
            for (var t = Math.Max(0, from); t < to && t < tokens.Count; t++)
            {
                if (hitsAt[t] is not { } hits) continue;
                foreach (var h in hits)
                {
                    if (h.Kind == kind && h.EndToken <= to) return true;
                }
            }
            return false;
        }

        private PhraseHit? Nearest(int from, int to, params string[] cues)
        {
            for (var t = to - 1; t >= Math.Max(0, from); t--)
            {
                if (hitsAt[t] is not { } hits) continue;
                foreach (var h in hits)
                {
                    if (h.EndToken > to) continue;
                    foreach (var c in cues)
                    {
                        if (h.Kind == MinerRules.CuePrefix + c) return h;
                    }
                }
            }
            return null;
        }

        /// <summary>A cue of the kind that ends right before token <paramref name="tokenIndex"/>.</summary>
        private bool EndsAt(int tokenIndex, string cue, int notBefore)
        {
            var kind = MinerRules.CuePrefix + cue;
            for (var t = tokenIndex - 1; t >= Math.Max(0, notBefore) && t >= tokenIndex - 4; t--)
            {
                if (hitsAt[t] is not { } hits) continue;
                foreach (var h in hits)
                {
                    if (h.Kind == kind && h.EndToken == tokenIndex) return true;
                }
            }
            return false;
        }

        private bool InsideUnitName(int offset)
        {
            foreach (var a in anchors)
            {
                if (a.Start > offset) return false;
                if (a.Kind == AnchorKind.Unit && offset < a.End) return true;
            }
            return false;
        }

        private bool HasFromTo(int from, int to)
        {
            for (var t = from; t < to && t < tokens.Count; t++)
            {
                if (hitsAt[t]?.Any(h => h.Kind == MinerRules.CuePrefix + "from_to") == true) return true;
            }
            return false;
        }

        /// <summary>
        /// The words right before the number run back to a capitalised word that does not start the sentence, with no
        /// cue on the way: "Phân xưởng Khai thác 3", "Tổ sản xuất Chè 4" (the number is the end of a name).
        /// </summary>
        private bool EndsAName(int sentenceFirst, int numberToken)
        {
            for (var t = numberToken - 1; t > sentenceFirst && t >= numberToken - 3; t--)
            {
                var word = tokens[t].Text;
                if (word.Length == 0 || !char.IsLetter(word[0])) return false;
                if (hitsAt[t]?.Any(h => h.Kind.StartsWith(MinerRules.CuePrefix, StringComparison.Ordinal)) == true) return false;
                if (char.IsUpper(text[tokens[t].Start])) return true;
            }
            return false;
        }

        /// <summary>"đảng viên" stands between the two tokens (the clause before a number).</summary>
        private bool ClauseNamesMembers(int from, int to) =>
            from < to && ContainsWord(new TextSpan(tokens[from].Start, tokens[to - 1].End - tokens[from].Start), "đảng viên");

        private bool ContainsWord(TextSpan sentence, string phrase) =>
            key.AsSpan(sentence.Start, sentence.Length).IndexOf(phrase, StringComparison.Ordinal) >= 0;

        private bool PreviousSentenceHasStock(int sentenceIndex) =>
            drafts.Concat(current).Any(d => d.SentenceIndex >= sentenceIndex - 1 && d.Figure.Metric == Metric.TotalMembers);

        private bool IsNumberToken(int t) => tokens[t].Text.Length > 0 && char.IsDigit(tokens[t].Text[0]);

        /// <summary>A bare number that could be a year; "2.031" is not one (years are never written with a thousands dot).</summary>
        private bool IsYearLike(NumberMention n) =>
            n.Form == NumberForm.Single && n.Value is >= 1945 and <= 2100 && decimal.Truncate(n.Value) == n.Value
            && text.AsSpan(n.NumberStart, n.NumberEnd - n.NumberStart).IndexOfAny('.', ',') < 0;

        private static bool IsInsideTime(NumberMention n, List<TimeExpression> times) =>
            times.Any(t => n.NumberStart >= t.Start && n.NumberEnd <= t.End && t.Kind is not TimeKind.Now);

        /// <summary>Index of the token that contains or follows <paramref name="offset"/>.</summary>
        private int TokenAt(int offset)
        {
            int lo = 0, hi = tokens.Count - 1, ans = tokens.Count;
            while (lo <= hi)
            {
                var mid = (lo + hi) >> 1;
                if (tokens[mid].End > offset) { ans = mid; hi = mid - 1; }
                else lo = mid + 1;
            }
            return ans;
        }

        /// <summary>Index of the last token that starts before <paramref name="offset"/>.</summary>
        private int TokenBefore(int offset)
        {
            int lo = 0, hi = tokens.Count - 1, ans = -1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >> 1;
                if (tokens[mid].Start < offset) { ans = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            return ans;
        }

        // ---------------------------------------------------------------- anchors and subject

        private void BuildAnchors()
        {
            foreach (var p in placeMentions) anchors.Add(new Anchor(p.Start, p.Start + p.Length, AnchorKind.Place, p, (int)p.Level, null));

            for (var t = 0; t < tokens.Count; t++)
            {
                if (hitsAt[t] is not { } hits) continue;
                foreach (var h in hits)
                {
                    if (h.Kind == MinerRules.UnitHeadKind)
                    {
                        var unit = UnitName(h);
                        if (unit is not null) anchors.Add(unit);
                        break;
                    }
                    if (!h.Kind.StartsWith(MinerRules.RefPrefix, StringComparison.Ordinal)) continue;
                    var start = tokens[h.FirstToken].Start;
                    var end = tokens[h.EndToken - 1].End;
                    if (anchors.Any(a => a.Kind != AnchorKind.Reference && start < a.End && end > a.Start)) break;
                    var level = int.Parse(h.Kind.AsSpan(MinerRules.RefPrefix.Length), System.Globalization.CultureInfo.InvariantCulture);
                    if (level == 9 && !char.IsUpper(text[start]) && !h.Phrase.Contains(' ')) break;
                    if (IsRefBlocked(h)) break;
                    anchors.Add(new Anchor(start, end, AnchorKind.Reference, null, level, null));
                    break;
                }
            }
            anchors.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
            // Drop anchors nested in a longer one (a reference inside a unit name, a place inside "Trường THPT ...").
            var kept = new List<Anchor>(anchors.Count);
            foreach (var a in anchors)
            {
                if (kept.Count > 0 && a.Start < kept[^1].End) continue;
                kept.Add(a);
            }
            anchors.Clear();
            for (var i = 0; i < kept.Count; i++) anchors.Add(WithEarlierFullName(kept, i));
        }

        /// <summary>"Đảng ủy Khối" after "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh": the short name is the same unit.</summary>
        private static Anchor WithEarlierFullName(List<Anchor> kept, int index)
        {
            var a = kept[index];
            if (a.Kind != AnchorKind.Unit || a.UnitName is not { } name) return a;
            var key = VietnameseText.ToneKey(name) + " ";
            for (var i = index - 1; i >= 0; i--)
            {
                if (kept[i] is { Kind: AnchorKind.Unit, UnitName: { } earlier } && earlier.Length > name.Length
                    && VietnameseText.ToneKey(earlier).StartsWith(key, StringComparison.Ordinal))
                    return a with { UnitName = earlier };
            }
            return a;
        }

        private bool IsRefBlocked(PhraseHit h)
        {
            foreach (var before in miner.rules.RefNotAfter)
            {
                var words = before.Split(' ');
                var ok = h.FirstToken - words.Length >= 0;
                for (var i = 0; ok && i < words.Length; i++) ok = tokens[h.FirstToken - words.Length + i].Text == words[i];
                if (ok) return true;
            }
            if (h.EndToken < tokens.Count)
            {
                var next = tokens[h.EndToken].Text;
                // "chỉ tiêu tỉnh giao": a bare level word before these is the assigner; "Tỉnh ủy giao chỉ tiêu" names
                // the committee itself.
                foreach (var after in miner.rules.RefNotBefore)
                {
                    if (after.Split(' ')[0] == next && !h.Phrase.Contains(' ', StringComparison.Ordinal)) return true;
                }
                // "phường Xuân Sơn" is a place mention; "phường 3" is a numbered ward, handled by the gazetteer.
                if (h.EndToken < tokens.Count && char.IsUpper(text[tokens[h.EndToken].Start])) return true;
            }
            return false;
        }

        private Anchor? UnitName(PhraseHit head)
        {
            var start = tokens[head.FirstToken].Start;
            var t = head.EndToken;
            var end = tokens[head.EndToken - 1].End;
            var count = 0;
            // The name runs over capitalised words and numbers: "Trường THPT Phú Lương", "chi bộ khóm Khe Xong".
            var runsOverLowerCase = head.Phrase.Contains("khối", StringComparison.Ordinal);
            while (t < tokens.Count && (tokens[t].IsWord || IsNameDash(t)) && count < 8)
            {
                // "Trường Đại học Kỹ thuật – Công nghệ Cần Thơ": a dash between capitalised words is inside the name.
                if (!tokens[t].IsWord)
                {
                    t++;
                    continue;
                }
                var capitalised = char.IsUpper(text[tokens[t].Start]) || char.IsDigit(text[tokens[t].Start]);
                // "Đảng ủy Khối các cơ quan tỉnh": the name runs over lower-case words until a verb, a place or a stop.
                // "Trường Cao đẳng Y tế Cần Thơ", "Tổng công ty cao su Đồng Nai": one or two lower-case words between
                // capitalised ones are inside the name.
                if (!capitalised && !(runsOverLowerCase && !miner.rules.UnitStopWords.Contains(tokens[t].Text)) && !LowerCaseInsideName(t)) break;
                // "Đảng ủy Khối Doanh nghiệp tỉnh ngày 01/9": a block's name ends with its level word.
                if (runsOverLowerCase && count > 0 && miner.rules.UnitNames.IsLevelWord(tokens[t - 1].Text) && !char.IsUpper(text[tokens[t].Start])) break;
                if (runsOverLowerCase && placeMentions.FirstOrDefault(p => p.Start == tokens[t].Start) is { } place)
                {
                    // "Đảng ủy Khối các cơ quan tỉnh Lạng Sơn": the type word belongs to the unit, the place to its locality.
                    if (place.TypeWord is { Length: > 0 } tw && !tw.Contains(' ')) end = tokens[t].End;
                    break;
                }
                end = tokens[t].End;
                t++;
                count++;
            }
            if (count == 0)
            {
                // "Đảng bộ Quân sự tỉnh", "Công an huyện": a capitalised head is a name of its own, with the place after it.
                var headText = text[start..end];
                if (!headText.Skip(1).Any(char.IsUpper)) return null;
                if (t < tokens.Count && placeMentions.FirstOrDefault(p => p.Start == tokens[t].Start) is { TypeWord: { Length: > 0 } tw } && !tw.Contains(' '))
                    end = tokens[t].End;
            }
            // "Đảng bộ Quân sự tỉnh kết nạp ...": a bare level word with no place name after it ends the unit's name.
            var endToken = TokenBefore(end) + 1;
            var levelEnd = endToken < tokens.Count && miner.rules.UnitNames.IsLevelWord(tokens[endToken].Text) ? endToken + 1
                : endToken + 1 < tokens.Count && miner.rules.UnitNames.IsLevelWord(tokens[endToken].Text + " " + tokens[endToken + 1].Text) ? endToken + 2
                : -1;
            if (levelEnd > 0 && !(levelEnd < tokens.Count && tokens[levelEnd].IsWord && char.IsUpper(text[tokens[levelEnd].Start])))
                end = tokens[levelEnd - 1].End;
            var name = text[start..end];
            name = miner.rules.UnitNames.Canonical(char.ToUpperInvariant(name[0]) + name[1..]);
            return new Anchor(start, end, AnchorKind.Unit, null, 9, name);
        }

        /// <summary>The number counts one kind of grassroots organisation, and the sentence counts another kind too.</summary>
        private bool IsOneKindBesideAnother(string unitPhrase, int sentenceFirst, int sentenceEnd, int numberToken)
        {
            var kinds = miner.rules.Lists[MinerRules.CuePrefix + "single_kind_orgs"];
            if (!kinds.Contains(VietnameseText.ToneKey(unitPhrase))) return false;
            for (var t = sentenceFirst; t < sentenceEnd; t++)
            {
                if (t == numberToken || !IsNumberToken(t)) continue;
                var (cls, _, phrase) = UnitAfter(t + 1);
                if (cls is UnitClass.Org && phrase != unitPhrase && kinds.Contains(VietnameseText.ToneKey(phrase))) return true;
            }
            return false;
        }

        private bool IsNameDash(int t) =>
            tokens[t].Text is "–" or "-" && t > 0 && t + 1 < tokens.Count && tokens[t - 1].IsWord && tokens[t + 1].IsWord
            && char.IsUpper(text[tokens[t + 1].Start]);

        /// <summary>Token <paramref name="t"/> starts at most two lower-case words, none a stop word, followed by a capitalised word.</summary>
        private bool LowerCaseInsideName(int t)
        {
            // "Nhân dân", "Trung ương", "Đa khoa": a name's word written with only its first syllable capitalised.
            if (t > 0 && tokens[t - 1].IsWord && char.IsUpper(text[tokens[t - 1].Start]) && !miner.rules.UnitStopWords.Contains(tokens[t].Text)
                && !miner.rules.UnitNames.IsLevelWord(tokens[t].Text)
                && (t + 1 >= tokens.Count || !tokens[t + 1].IsWord || miner.rules.UnitStopWords.Contains(tokens[t + 1].Text)
                    || miner.rules.UnitNames.IsLevelWord(tokens[t + 1].Text)
                    || t + 2 < tokens.Count && miner.rules.UnitNames.IsLevelWord(tokens[t + 1].Text + " " + tokens[t + 2].Text)))
                return true;
            for (var i = t; i < Math.Min(tokens.Count, t + 3); i++)
            {
                if (!tokens[i].IsWord) return false;
                var first = text[tokens[i].Start];
                if (char.IsUpper(first)) return i > t;
                // A level word starts the place the unit sits in ("Công an huyện Hoài Đức"), not more of its name.
                if (char.IsDigit(first) || miner.rules.UnitStopWords.Contains(tokens[i].Text) || miner.rules.UnitNames.IsLevelWord(tokens[i].Text)
                    || i + 1 < tokens.Count && miner.rules.UnitNames.IsLevelWord(tokens[i].Text + " " + tokens[i + 1].Text)) return false;
            }
            return false;
        }

        private Locality FindSubject(LocalityContext localityContext)
        {
            if (!string.IsNullOrWhiteSpace(context.Title))
            {
                var titlePlaces = miner.places.FindPlaces(VietnameseText.Normalize(context.Title), localityContext);
                var best = titlePlaces.OrderByDescending(p => (int)p.Level).FirstOrDefault();
                if (best is not null) return miner.places.ToLocality(best);
            }
            var firstLocal = placeMentions.FirstOrDefault(p => p.Level != UnitLevel.Province);
            if (firstLocal is not null) return miner.places.ToLocality(firstLocal);
            var province = placeMentions.FirstOrDefault();
            if (province is not null) return miner.places.ToLocality(province);
            return new Locality(context.SiteProvince, null, null, null);
        }

        private static bool IsPercentMetric(Metric m) => m is Metric.TargetAttainmentPct or Metric.MemberSharePct or Metric.NewMemberSharePct;

        private static bool IsCueKind(string kind) =>
            kind.StartsWith(MinerRules.CuePrefix, StringComparison.Ordinal) || kind.StartsWith(MinerRules.SegmentPrefix, StringComparison.Ordinal);

        /// <summary>Inside the name part of a place mention (its type word, "huyện", "xã", may still be a cue).</summary>
        private bool IsInsideName(PlaceMention p, int start, int end)
        {
            var nameStart = p.Start + (p.TypeWord?.Length ?? 0);
            return start >= nameStart && end <= p.Start + p.Length;
        }

        private static bool IsFlow(Metric m) =>
            m is Metric.NewMembers or Metric.NewMembersTarget or Metric.TargetAttainmentPct or Metric.AwarenessTrainees or Metric.NewMemberTrainees;
    }
}
