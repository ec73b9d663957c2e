using Moderation.Toxicity.Scoring;
using Moderation.Toxicity.Tests.Fixtures;
using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Tests.Scoring;

[Collection(TrainedModelCollection.Name)]
public sealed class ExplanationHonestyTests(TrainedModelFixture fixture)
{
    private static readonly Lazy<TrainingResult> TargetsModel = new(() => ToxicityTrainer.Train(FixtureData.Comments(), new TrainingOptions
    {
        Variant = new ModelVariant("test-targets", CharNgrams: 4, Targets: true, ScopedLexicon: true, ScopedText: true, ScopedAbuseCounts: false, WrittenWeight: 1, Weighting: SampleWeighting.ClassBalanced),
        ValidationFraction = 0.25,
        Version = "fixture-targets",
    }));

    public static TheoryData<string> Texts() =>
    [
        "You are a f.u.c.k.i.n.g m0r0n and your article is garbage",
        "Albanians are vermin. They should be sent back.",
        "Nobody thinks the Kurds are stupid, and the mayor said so twice.",
        "thanks for the thoughtful piece on the bridge vote",
        "",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_terms_of_an_explanation_add_up_to_the_models_log_odds(string text)
    {
        foreach (var model in new[] { fixture.Model, TargetsModel.Value.Model })
        {
            var input = FeatureRows.ForScoring(text, model.Manifest.Variant, out _, out var analysis);
            var engine = model.CreateEngine();
            var features = engine.Predict(input).Features;
            var probability = model.Explainer.Probability(features);
            var terms = model.Explainer.Contributions(features, input.Text, analysis);
            var logOdds = model.Explainer.Bias + terms.Values.Sum();
            Assert.Equal(Math.Log(probability / (1 - probability)), logOdds, 3);
        }
    }

    [Fact]
    public void A_scoped_target_model_scores_one_comment_as_it_scores_a_batch()
    {
        var model = TargetsModel.Value.Model;
        var scorer = new ToxicityScorer(model);
        List<string> texts = ["Albanians are vermin. They should be sent back.", "Nobody thinks the Kurds are stupid.", "A sign reading \"Kurds out\" was removed.", "thanks for the piece", ""];
        var batch = model.ScoreBatch(texts);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(batch[i], scorer.Score(texts[i]).Score, 5);
        }
    }

    [Fact]
    public void A_target_feature_is_explained_by_the_words_that_set_it()
    {
        var scorer = new ToxicityScorer(TargetsModel.Value.Model);
        var result = scorer.Score("Albanians are vermin and rats.", explanationTerms: 50);
        Assert.Contains(result.Explanation, t => t.Text is "albanians are vermin" or "albanians are vermin and rats" or "albanians … rats");
    }
}
