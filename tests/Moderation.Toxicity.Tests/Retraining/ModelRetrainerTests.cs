using Moderation.Toxicity.Evaluation;
using Moderation.Toxicity.Normalisation;
using Moderation.Toxicity.Retraining;
using Moderation.Toxicity.Scoring;
using Moderation.Toxicity.Store;
using Moderation.Toxicity.Tests.Fixtures;
using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Tests.Retraining;

[Collection(TrainedModelCollection.Name)]
public sealed class ModelRetrainerTests(TrainedModelFixture fixture)
{
    // "gronk" is a new insult on this site: no lexicon entry, never in the base data.
    private static List<LabelledExample> Feedback()
    {
        var decidedAt = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        var topics = new[] { "budget", "bridge", "election", "stadium", "council", "tax plan", "bus route", "school board" };
        var examples = new List<LabelledExample>();
        for (var i = 0; i < 80; i++)
        {
            var topic = topics[i % topics.Length];
            examples.Add(i % 2 == 0
                ? new LabelledExample($"only a gronk would write about the {topic} like this (case {i})", true, 0.2, "fixture-1", "mod-anna", decidedAt.AddMinutes(i))
                : new LabelledExample($"only a reporter would write about the {topic} like this (case {i})", false, 0.1, "fixture-1", "mod-ben", decidedAt.AddMinutes(i)));
        }

        return examples;
    }

    [Fact]
    public async Task Retraining_with_feedback_promotes_a_better_model_and_running_scorers_switch()
    {
        using var directory = new TempDirectory();
        var store = new FileSystemModelStore(directory.Path);
        store.SeedIfEmpty(fixture.Model);
        var scorer = new ToxicityScorer(store.Load(store.CurrentVersion()!));
        await using var watcher = new ModelStoreWatcher(store, scorer, TimeSpan.FromHours(1));
        const string probe = "only a gronk would write about the weather report like this";
        var before = scorer.Score(probe).Score;

        var report = new ModelRetrainer(store).Retrain(fixture.Rows, Feedback(), fixture.Model, new RetrainOptions { Version = "retrained-1", ValidationFraction = 0.25 });

        Assert.True(report.Promoted, report.Reason);
        Assert.Equal(("fixture-1", "retrained-1"), (report.CurrentVersion, report.CandidateVersion));
        Assert.True(report.Candidate.RocAuc >= report.Current.RocAuc);
        Assert.NotNull(report.CandidateOnFeedback);
        Assert.True(report.CandidateOnFeedback!.RocAuc > report.CurrentOnFeedback!.RocAuc);
        Assert.Equal("retrained-1", store.CurrentVersion());

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (scorer.ModelVersion != "retrained-1" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal("retrained-1", scorer.ModelVersion);
        var after = scorer.Score(probe);
        Assert.True(after.Score > before + 0.2, $"before {before}, after {after.Score}");
        Assert.Contains(after.Explanation, t => t.Text.Contains("gronk"));

        var manifest = store.Load("retrained-1").Manifest;
        Assert.Equal("fixture-1", manifest.BasedOn);
        Assert.Contains(manifest.DataSources, s => s.Name == "moderator_feedback");
    }

    [Fact]
    public void A_candidate_that_is_worse_is_not_promoted()
    {
        var current = Report(new[] { 0.1, 0.2, 0.8, 0.9 });
        var worse = Report(new[] { 0.1, 0.85, 0.8, 0.9 });
        var (promote, reason) = ModelRetrainer.Decide(current, worse, null, null, tolerance: 0);
        Assert.False(promote);
        Assert.Contains("below the current", reason);

        Assert.True(ModelRetrainer.Decide(current, current, null, null, 0).Promote);
        Assert.True(ModelRetrainer.Decide(current, worse, null, null, tolerance: 0.5).Promote);
    }

    [Fact]
    public void A_candidate_worse_on_held_out_feedback_is_not_promoted()
    {
        var same = Report(new[] { 0.1, 0.2, 0.8, 0.9 });
        var (promote, reason) = ModelRetrainer.Decide(same, same, Report(new[] { 0.1, 0.2, 0.8, 0.9 }), Report(new[] { 0.9, 0.2, 0.8, 0.1 }), 0);
        Assert.False(promote);
        Assert.Contains("feedback", reason);
    }

    [Fact]
    public void A_retrain_that_is_not_better_leaves_the_store_alone()
    {
        using var directory = new TempDirectory();
        var store = new FileSystemModelStore(directory.Path);
        store.SeedIfEmpty(fixture.Model);

        // A careless moderator marks insults clean and clean comments toxic. Only examples that fall on the
        // training side of the hash split are used, so the held-out rows are the base data's alone.
        var decidedAt = DateTimeOffset.UnixEpoch;
        var contradicting = FixtureData.Comments(400, seed: 99)
            .Select(r => new LabelledExample(r.Text, !r.Toxic, 0.5, "fixture-1", "careless", decidedAt))
            .Where(e => !Split.IsHeldOut(TextNormaliser.Normalise(e.Text).Text, seed: 1, fraction: 0.25))
            .ToList();
        var report = new ModelRetrainer(store).Retrain(fixture.Rows, contradicting, fixture.Model, new RetrainOptions { Version = "bad-1", ValidationFraction = 0.25 });

        Assert.False(report.Promoted, report.Reason);
        Assert.Equal("fixture-1", store.CurrentVersion());
        Assert.DoesNotContain("bad-1", store.Versions());
    }

    private static EvaluationReport Report(double[] scores) =>
        EvaluationReport.From(scores.Select((s, i) => new ScoredRow($"t{i}", "s", i >= 2, s)).ToList(), 0.5);
}
