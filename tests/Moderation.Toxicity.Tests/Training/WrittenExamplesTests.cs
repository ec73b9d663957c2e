using Moderation.Toxicity.Functional;
using Moderation.Toxicity.Normalisation;
using Moderation.Toxicity.Training.Written;

namespace Moderation.Toxicity.Tests.Training;

public sealed class WrittenExamplesTests
{
    [Fact]
    public void No_written_training_sentence_is_a_sentence_of_the_functional_suite()
    {
        var suite = FunctionalSuite.Cases.Select(c => TextNormaliser.Normalise(c.Text).Text).ToHashSet();
        Assert.DoesNotContain(WrittenExamples.Rows, r => suite.Contains(TextNormaliser.Normalise(r.Text).Text));
    }

    [Fact]
    public void Groups_appear_in_abusive_and_clean_written_sentences_alike()
    {
        var abusive = WrittenExamples.Rows.Count(r => r.Toxic);
        Assert.InRange(abusive, WrittenExamples.Rows.Count * 0.4, WrittenExamples.Rows.Count * 0.6);
        Assert.Contains(WrittenExamples.Rows, r => r.Toxic && r.Text.Contains("Kurds"));
        Assert.Contains(WrittenExamples.Rows, r => !r.Toxic && r.Text.Contains("Kurds"));
        Assert.All(WrittenExamples.Rows, r => Assert.Equal(WrittenExamples.Source, r.Source));
    }

    [Fact]
    public void A_group_template_is_filled_with_groups_in_turn()
    {
        var rows = WrittenExamples.Expand(["abusive\t{G} are {g}.", "clean\tHello."], ["kurds", "poles"]);
        Assert.Equal(WrittenExamples.GroupsPerTemplate + 1, rows.Count);
        Assert.Equal(["Kurds are kurds.", "Poles are poles.", "Kurds are kurds."], rows.Take(3).Select(r => r.Text));
        Assert.False(rows[^1].Toxic);
    }

    [Fact]
    public void A_malformed_written_line_is_refused()
    {
        Assert.Throws<FormatException>(() => WrittenExamples.Expand(["toxic\tHello."], ["kurds"]));
    }
}
