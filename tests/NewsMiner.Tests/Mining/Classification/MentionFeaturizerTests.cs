using System.Text.Json;
using NewsMiner.Mining.Classification;
using NewsMiner.Tests.Support;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Mining.Classification;

public class MentionFeaturizerTests
{
    private static MentionContext At(string text, string mention, int occurrence = 1, string? rule = null, double confidence = 0)
    {
        var t = VietnameseText.Normalize(text);
        var start = MentionDataset.Locate(t, mention, occurrence);
        Assert.True(start >= 0, $"'{mention}' not in '{t}'");
        return MentionContext.FromPassage(t, start, mention.Length, null, rule, confidence);
    }

    [Theory]
    [InlineData("Năm qua huyện kết nạp 45 đảng viên mới.", "45", "L1:nạp|L2:kết|U1:đảng|U2:đảng viên|U3:đảng viên mới|VL:kết nạp|VLd:0|F:Single|M:2|R:<silent>")]
    [InlineData("Năm qua huyện kết nạp 45 đảng viên mới.", "45", "SV:kết nạp|CVv:kết nạp_<adjacent>|LB:huyen_ket|RB:dang_vien|XB:nap_dang|VR:<none>")]
    [InlineData("Xã đạt 105% chỉ tiêu được giao.", "105%", "F:Percent|Mp:>100|VL:đạt|U1:chỉ|U2:chỉ tiêu")]
    [InlineData("Huyện có hơn 300 đảng viên.", "300", "QW:hơn|Q:more_than|Ln:hơn|VL:có|CV:hơn|M:3")]
    [InlineData("Đảng viên nữ chiếm 38,5% tổng số đảng viên.", "38,5%", "DEC|Mp:<50|VL:chiếm")]
    [InlineData("ket nap 45 dang vien", "45", "L1f:nap|Lnf:ket|U1:dang|Rbf:vien")]
    [InlineData("Ngày 12/3/2024, xã kết nạp 6 đảng viên, nâng tổng số lên 402 đồng chí.", "6", "Lf:<date>|NN:2|VR:nâng tổng số|Rn:,|SV:lên")]
    [InlineData("Toàn huyện có 187 chi bộ.", "187", "L1:có|U2:chi bộ|P:first|Lf:<s>|VR:<none>")]
    [InlineData("Thị xã có 2.870 đảng viên sinh hoạt ở 158 chi bộ.", "158", "VL:sinh hoạt|Lf:<num>|M:3")]
    [InlineData("Năm 2019 huyện kết nạp 126 đảng viên.", "2019", "YR|M:4")]
    [InlineData("Số quần chúng được kết nạp trong năm của huyện Phú Bình là 455.", "455", "SO:quan|SO2:quan_chung|SOd:quan_6+|SL:duoc_ket|SL:ket_nap")]
    [InlineData("Tổng số đảng viên của xã là 312, tăng 9 đồng chí.", "312", "SO:dang|SO2:dang_vien|SOd:dang_3-5|SR:dong_chi|SL:tong_so")]
    [InlineData("Xã có 12 chi bộ, 240 đảng viên sinh hoạt đều.", "12", "SR:dang_vien|SR:sinh_hoat|SL:xa_co|VL:có")]
    public void Expected_features_are_present(string text, string mention, string expected)
    {
        var names = MentionFeaturizer.Default.Describe(At(text, mention));
        foreach (var feature in expected.Split('|'))
            Assert.True(names.Contains(feature), $"missing {feature}; got {string.Join(" ", names)}");
    }

    [Theory]
    [InlineData("Xã có 12 chi bộ; số đảng viên là 240.", "12", "SO")]
    [InlineData("Số đảng viên: xã có 240.", "240", "SO")]
    [InlineData("Huyện kết nạp 45 đảng viên.", "45", "SL:kết_nạp")]
    public void Sentence_features_stay_on_their_side(string text, string mention, string absentPrefix)
    {
        var names = MentionFeaturizer.Default.Describe(At(text, mention));
        Assert.DoesNotContain(names, n => n.StartsWith(absentPrefix + ":", StringComparison.Ordinal) || n.StartsWith(absentPrefix + "2:", StringComparison.Ordinal)
            || n == absentPrefix);
    }

    [Theory]
    [InlineData("Huyện kết nạp 45 đảng viên.", "45", "new_members", 0.9, "R:new_members|RC:new_members_high")]
    [InlineData("Huyện kết nạp 45 đảng viên.", "45", "none", 0.6, "R:none|RC:none_mid")]
    [InlineData("Huyện kết nạp 45 đảng viên.", "45", "total_members", 0.3, "R:total_members|RC:total_members_low")]
    public void The_rules_opinion_is_a_feature(string text, string mention, string rule, double confidence, string expected)
    {
        var names = MentionFeaturizer.Default.Describe(At(text, mention, rule: rule, confidence: confidence));
        foreach (var feature in expected.Split('|')) Assert.Contains(feature, names);
        Assert.DoesNotContain("R:<silent>", names);
    }

    [Theory]
    [InlineData("Xã Hòa Bình kết nạp 5 đảng viên.", "Xã Hoà Bình kết nạp 5 đảng viên.")]
    [InlineData("Huyện ủy giao 200 chỉ tiêu.", "Huyện uỷ giao 200 chỉ tiêu.")]
    public void Old_and_new_tone_placement_give_the_same_features(string a, string b)
    {
        var digits = a.Split(' ').First(w => char.IsDigit(w[0]));
        Assert.Equal(MentionFeaturizer.Default.Featurize(At(a, digits)), MentionFeaturizer.Default.Featurize(At(b, digits)), SparseComparer.Instance);
    }

    [Fact]
    public void Features_are_deterministic_and_inside_the_bucket_range()
    {
        var other = new MentionFeaturizer(ClassifierCues.Load(EmbeddedData.ReadText(ClassifierCues.DataPath)), VietnameseNumberParser.Default);
        foreach (var m in MiniMentions.Mentions)
        {
            var a = MentionFeaturizer.Default.Featurize(m.Context);
            var b = other.Featurize(m.Context);
            Assert.Equal(a, b, SparseComparer.Instance);
            Assert.NotEmpty(a.Buckets);
            Assert.All(a.Buckets, x => Assert.InRange(x, 0, MentionFeaturizer.Default.BucketCount - 1));
            Assert.True(a.Buckets.Zip(a.Buckets.Skip(1)).All(p => p.First < p.Second), "buckets must be strictly ascending");
        }
    }

    [Fact]
    public void Different_contexts_give_different_features()
    {
        var a = MentionFeaturizer.Default.Featurize(At("Huyện kết nạp 45 đảng viên.", "45"));
        var b = MentionFeaturizer.Default.Featurize(At("Huyện có 45 chi bộ.", "45"));
        Assert.NotEqual(a, b, SparseComparer.Instance);
    }

    [Fact]
    public void Feature_hash_is_fnv1a_over_utf16_little_endian()
    {
        // 0xe40c292c is the published FNV-1a 32 test vector for the single byte "a".
        Assert.Equal(0xe40c292cu, Fnv1a("a"u8));
        Assert.Equal(2166136261u, Fnv1a([]));
        Assert.Equal(Fnv1a("a\0b\0"u8), FeatureHash.Start("ab").Value);
        Assert.Equal(Fnv1a([0xA1, 0x1E]), FeatureHash.Start("\u1EA1").Value);
        Assert.InRange(FeatureHash.Start("x").Bucket(18), 0, (1 << 18) - 1);
    }

    /// <summary>The textbook 32-bit FNV-1a over bytes: the reference FeatureHash must agree with.</summary>
    private static uint Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var h = 2166136261u;
        foreach (var b in bytes) h = (h ^ b) * 16777619u;
        return h;
    }

    public static TheoryData<string> Verbs() => new(ClassifierCues.Default.Verbs);

    public static TheoryData<string> Qualifiers() => new(ClassifierCues.Default.Qualifiers);

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Every_listed_verb_is_found_in_a_sentence(string verb)
    {
        var names = MentionFeaturizer.Default.Describe(At($"Trong kỳ, huyện {verb} 12 đảng viên.", "12"));
        Assert.Contains("SV:" + VietnameseText.ToneKey(verb), names);
        Assert.Contains("VL:" + VietnameseText.ToneKey(verb), names);
    }

    [Theory]
    [MemberData(nameof(Qualifiers))]
    public void Every_listed_qualifier_is_found_before_a_number(string qualifier)
    {
        var names = MentionFeaturizer.Default.Describe(At($"Huyện có {qualifier} 12 đảng viên.", "12"));
        Assert.Contains("QW:" + VietnameseText.ToneKey(qualifier), names);
    }

    [Fact]
    public void The_cue_file_is_clean()
    {
        using var doc = JsonDocument.Parse(EmbeddedData.ReadText(ClassifierCues.DataPath));
        foreach (var list in new[] { "verbs", "qualifiers" })
        {
            var items = doc.RootElement.GetProperty(list).EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.NotEmpty(items);
            Assert.Equal(items.Count, items.Distinct(StringComparer.Ordinal).Count());
            Assert.All(items, s => Assert.Equal(VietnameseText.Normalize(s).ToLowerInvariant().Trim(), s));
        }
    }

    [Fact]
    public void Changing_the_cues_changes_the_signature()
    {
        var json = EmbeddedData.ReadText(ClassifierCues.DataPath).Replace("\"kết nạp\",", "\"kết nạp\", \"thu nhận\",", StringComparison.Ordinal);
        var changed = new MentionFeaturizer(ClassifierCues.Load(json), VietnameseNumberParser.Default);
        Assert.NotEqual(MentionFeaturizer.Default.Signature, changed.Signature);
    }

    [Fact]
    public void From_passage_cuts_the_sentence_and_places_it()
    {
        var text = VietnameseText.Normalize("Huyện có 12 xã. Năm qua huyện kết nạp 45 đảng viên. Hội nghị bế mạc.");
        var start = text.IndexOf("45", StringComparison.Ordinal);
        var m = MentionContext.FromPassage(text, start, 2, null);
        Assert.Equal("45", m.Text.Substring(m.Start, m.Length));
        Assert.DoesNotContain("12 xã", m.Text);
        Assert.Equal(0.5, m.SentencePosition, 3);
    }

    [Theory]
    // The miner's lexicon by kind: the nearest cue of each kind with its distance, and the unit noun's class.
    [InlineData("Năm 2023, huyện Phú Bình kết nạp 45 đảng viên.", "45", "KLd:admission_0")]
    [InlineData("Năm 2023, huyện Phú Bình kết nạp 45 đảng viên.", "45", "KR1:u.person")]
    [InlineData("Năm 2023, huyện Phú Bình kết nạp 45 đảng viên.", "45", "KLU:admission_u.person")]
    [InlineData("Chỉ tiêu năm nay của huyện Phú Bình là kết nạp 230 người.", "230", "KL:target")]
    [InlineData("Đảng bộ xã có 18 chi bộ trực thuộc.", "18", "KR1:u.cell")]
    public void The_lexicon_features_name_cue_kinds(string text, string mention, string expected)
    {
        Assert.Contains(expected, MentionFeaturizer.WithLexicon.Describe(At(text, mention)));
        Assert.DoesNotContain(expected, MentionFeaturizer.Default.Describe(At(text, mention)));
    }

    [Fact]
    public void A_model_with_lexicon_features_has_its_own_signature()
    {
        Assert.NotEqual(MentionFeaturizer.Default.Signature, MentionFeaturizer.WithLexicon.Signature);
        Assert.Contains(";rules=", MentionFeaturizer.WithLexicon.Signature, StringComparison.Ordinal);
    }

    public sealed class SparseComparer : IEqualityComparer<SparseFeatures>
    {
        public static SparseComparer Instance { get; } = new();

        public bool Equals(SparseFeatures? x, SparseFeatures? y) =>
            x is not null && y is not null && x.Buckets.SequenceEqual(y.Buckets) && x.Values.SequenceEqual(y.Values);

        public int GetHashCode(SparseFeatures obj) => obj.Buckets.Length;
    }
}

public class FoldTableTests
{
    [Theory]
    [InlineData("Đảng")]
    [InlineData("nghiệp")]
    [InlineData("ƯU")]
    [InlineData("huỷ")]
    [InlineData("Hoà")]
    [InlineData("khoẻ")]
    [InlineData("quý")]
    [InlineData("Jrai")]
    [InlineData("km2")]
    [InlineData("ñandú")]
    public void Syllable_keys_agree_with_VietnameseText(string syllable)
    {
        Assert.Equal(NewsMiner.Text.VietnameseText.FoldKey(syllable), MentionFeaturizer.Default.FoldSyllable(syllable));
        Assert.Equal(NewsMiner.Text.VietnameseText.ToneKey(syllable), MentionFeaturizer.ToneSyllable(syllable));
    }

    [Fact]
    public void Syllable_keys_agree_with_VietnameseText_on_every_mini_set_syllable()
    {
        var syllables = MiniMentions.Records.SelectMany(r => r.Text.Split(' ', ',', '.', '%', '(', ')', '-')).Where(w => w.Length > 0 && w.All(char.IsLetterOrDigit)).Distinct();
        Assert.All(syllables, w =>
        {
            Assert.Equal(NewsMiner.Text.VietnameseText.FoldKey(w), MentionFeaturizer.Default.FoldSyllable(w));
            Assert.Equal(NewsMiner.Text.VietnameseText.ToneKey(w), MentionFeaturizer.ToneSyllable(w));
        });
    }
}
