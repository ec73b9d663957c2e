using Moderation.Toxicity.Models;
using Moderation.Toxicity.Retraining;
using Moderation.Toxicity.Scoring;
using Moderation.Toxicity.Store;
using Moderation.Toxicity.Tests.Fixtures;

namespace Moderation.Toxicity.Tests.SiteModels;

/// <summary>A candidate from the site learner is a base model plus a site layer: it saves, loads, scores and explains as one model.</summary>
[Collection(TrainedModelCollection.Name)]
public sealed class SiteAdaptedModelTests(TrainedModelFixture fixture)
{
    private static readonly string[] Probes =
    [
        "only a gronk would write about the weather like this",
        "you blorp, the harbour is none of your business",
        "damn good piece on the harbour, thanks",
        "You are a total idiot",
        "Thanks for the budget article",
        "",
        "y0u @re a ѕtuuupid m.o.r.o.n",
    ];

    private LoadedModel Candidate() => new SiteLearner().Learn(fixture.Model, SiteLabels.Decisions(), new SiteLearningOptions { Version = "site-1" }).Candidate!;

    [Fact]
    public void A_site_adapted_model_saves_into_one_version_directory_loads_and_scores_the_same()
    {
        var candidate = Candidate();
        using var directory = new TempDirectory();
        candidate.Save(directory.Path);

        Assert.True(File.Exists(Path.Combine(directory.Path, "model.zip")));
        Assert.True(File.Exists(Path.Combine(directory.Path, "site.json")));
        var loaded = LoadedModel.Load(directory.Path);
        Assert.Equal(candidate.Manifest.Site, loaded.Manifest.Site);
        Assert.Equal(candidate.Manifest.HoldThreshold, loaded.Manifest.HoldThreshold);
        Assert.Equal(("site-1", "fixture-1"), (loaded.Version, loaded.Manifest.BasedOn));
        Assert.Equal("fixture-1", loaded.Base.Version);

        var before = new ToxicityScorer(candidate);
        var after = new ToxicityScorer(loaded);
        var batch = loaded.ScoreBatch(Probes);
        for (var i = 0; i < Probes.Length; i++)
        {
            var expected = before.Score(Probes[i]);
            var actual = after.Score(Probes[i]);
            Assert.Equal(expected.Score, actual.Score, 6);
            Assert.Equal(batch[i], actual.Score, 5);
            Assert.Equal(expected.Explanation, actual.Explanation);
            Assert.Equal(expected.Hold, actual.Hold);
        }
    }

    [Fact]
    public void A_store_keeps_a_site_adapted_version_whole()
    {
        using var directory = new TempDirectory();
        var store = new FileSystemModelStore(directory.Path);
        store.SeedIfEmpty(fixture.Model);
        var candidate = Candidate();

        store.Save(candidate);
        store.Promote(candidate.Version);

        var loaded = store.Load(store.CurrentVersion()!);
        Assert.Equal(candidate.ScoreBatch(Probes), loaded.ScoreBatch(Probes));
    }

    [Fact]
    public void The_explanation_of_a_site_adapted_score_names_the_words_the_site_taught()
    {
        var scorer = new ToxicityScorer(Candidate());

        var insult = scorer.Score("only a gronk would write about the weather like this");
        var friendly = scorer.Score("damn good piece on the harbour, thanks");

        Assert.Equal("gronk", insult.Explanation[0].Text);
        Assert.True(insult.Explanation[0].Weight > 0);
        Assert.Contains(friendly.Explanation, t => t.Weight < 0);
        Assert.True(insult.Score > friendly.Score);
    }

    [Fact]
    public void The_explanation_weighs_each_part_by_its_weight_in_the_combination()
    {
        // With the site layer's weight at zero, only the base model's terms (times the base weight) remain.
        var candidate = Candidate();
        var site = candidate.Manifest.Site!;
        var baseOnly = candidate.WithManifest(candidate.Manifest with { Site = site with { BaseWeight = 2, SiteWeight = 0, Intercept = 0 } });
        const string text = "You are a total idiot and a gronk";

        var baseTerms = new ToxicityScorer(fixture.Model).Score(text, explanationTerms: 3).Explanation;
        var scaled = new ToxicityScorer(baseOnly).Score(text, explanationTerms: 3).Explanation;

        Assert.Equal(baseTerms.Select(t => t.Text), scaled.Select(t => t.Text));
        Assert.All(baseTerms.Zip(scaled), pair => Assert.Equal(2 * pair.First.Weight, pair.Second.Weight, 2));
        Assert.DoesNotContain(scaled, t => t.Text == "gronk");
    }

    [Fact]
    public void A_version_directory_without_its_site_model_does_not_load()
    {
        using var directory = new TempDirectory();
        Candidate().Save(directory.Path);
        File.Delete(Path.Combine(directory.Path, "site.json"));

        var error = Assert.Throws<ModelLoadException>(() => LoadedModel.Load(directory.Path));
        Assert.Contains("site.json", error.Message);
    }

    [Fact]
    public void A_manifest_that_points_the_site_model_outside_its_directory_does_not_load()
    {
        using var directory = new TempDirectory();
        Candidate().Save(directory.Path);
        var manifest = Path.Combine(directory.Path, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"file\": \"site.json\"", "\"file\": \"../site.json\""));

        var error = Assert.Throws<ModelLoadException>(() => LoadedModel.Load(directory.Path));
        Assert.Contains("not a file name", error.Message);
    }

    [Fact]
    public void A_corrupt_site_model_does_not_load()
    {
        using var directory = new TempDirectory();
        Candidate().Save(directory.Path);
        File.WriteAllText(Path.Combine(directory.Path, "site.json"), "{ not json");

        Assert.Throws<ModelLoadException>(() => LoadedModel.Load(directory.Path));
    }
}
