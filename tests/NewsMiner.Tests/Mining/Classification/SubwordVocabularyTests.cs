using NewsMiner.Mining.Classification;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Mining.Classification;

public class SubwordVocabularyTests
{
    [Fact]
    public void O200k_splits_nfc_vietnamese_into_pieces_of_the_text()
    {
        var text = VietnameseText.Normalize("Huyện kết nạp 45 đảng viên mới");
        var tokens = SubwordVocabulary.O200kBase.Tokens(text);
        Assert.NotEmpty(tokens);
        // Every token is lower-cased text of the sentence, never a broken byte (U+FFFD) of a split character.
        Assert.All(tokens, t => Assert.Contains(t, text.ToLowerInvariant(), StringComparison.Ordinal));
        Assert.Contains("45", tokens);
        Assert.Equal(text.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal), string.Concat(tokens));
    }

    [Fact]
    public void Subword_features_are_added_only_by_the_featurizer_that_asks_for_them()
    {
        var context = new MentionContext(VietnameseText.Normalize("Năm qua huyện kếtnạp 45 đảngviên mới."), 21, 2, null, 0, null, 0);
        Assert.Equal("45", context.Text.Substring(context.Start, context.Length));
        var with = MentionFeaturizer.WithSubwords.Describe(context);
        var without = MentionFeaturizer.Default.Describe(context);
        Assert.Contains(with, f => f.StartsWith("TL1:", StringComparison.Ordinal));
        Assert.Contains(with, f => f.StartsWith("TR1:", StringComparison.Ordinal));
        Assert.DoesNotContain(without, f => f.StartsWith("TL", StringComparison.Ordinal) || f.StartsWith("TR", StringComparison.Ordinal));
        Assert.Equal(without, with.Where(f => !f.StartsWith('T')));
        Assert.EndsWith(";subwords=o200k_base", MentionFeaturizer.WithSubwords.Signature, StringComparison.Ordinal);
    }
}
