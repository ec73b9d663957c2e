using Moderation.Toxicity.Retraining;
using Moderation.Toxicity.SiteModels;
using Moderation.Toxicity.Tests.Fixtures;
using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Tests.SiteModels;

[Collection(TrainedModelCollection.Name)]
public sealed class SiteLearnerTests(TrainedModelFixture fixture)
{
    private static readonly SiteLearningOptions Options = new() { Version = "site-1" };

    [Fact]
    public void Learning_from_labels_the_base_model_gets_wrong_makes_a_better_candidate_and_promotes_it()
    {
        var labels = SiteLabels.Decisions();
        var result = new SiteLearner().Learn(fixture.Model, labels, Options);

        Assert.True(result.Promote, result.Reason);
        Assert.NotNull(result.Candidate);
        Assert.True(result.CandidateFigures!.RocAuc > result.Current!.RocAuc + 0.1, result.Reason);
        Assert.Equal(labels.Count, result.LabelsUsed + result.HeldOutLabels);
        Assert.Equal(labels.Count(l => SiteLabels.IsHeldOut(l)), result.HeldOutLabels);
        Assert.Equal(result.HeldOutLabels, result.Current.Rows);

        var candidate = result.Candidate!;
        Assert.Equal(("site-1", "fixture-1"), (candidate.Version, candidate.Manifest.BasedOn));
        Assert.Equal("fixture-1", candidate.Manifest.Site!.BaseVersion);
        Assert.Equal(result.LabelsUsed, candidate.Manifest.Site.Labels);
        var probe = "only a snarf would write about the weather like this";
        Assert.True(candidate.ScoreBatch([probe])[0] > fixture.Model.ScoreBatch([probe])[0] + 0.2);
    }

    public static TheoryData<string> Combinations => ["residual", "stacked", "blend-0.5", "site-only"];

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Every_combination_learns_the_sites_words_and_records_its_weights(string name)
    {
        SiteCombination[] all = [SiteCombination.ResidualFit, SiteCombination.Stacked, SiteCombination.Blend(0.5), SiteCombination.SiteOnly];
        var combination = all.Single(c => c.Name == name);

        var result = new SiteLearner(new SiteLearnerSettings { Combination = combination }).Learn(fixture.Model, SiteLabels.Decisions(), Options);

        Assert.True(result.Promote, result.Reason);
        var site = result.Candidate!.Manifest.Site!;
        Assert.Equal(name, site.Combination);
        Assert.True(site.SiteWeight > 0);
        if (combination.SiteWeight is { } fixedWeight)
        {
            Assert.Equal((1 - fixedWeight, fixedWeight, 0.0), (site.BaseWeight, site.SiteWeight, site.Intercept));
        }
    }

    [Fact]
    public void A_candidate_worse_on_the_held_out_labels_is_not_promoted()
    {
        // A careless moderator inverted every decision that lands on the training side; the held-out ones are right.
        var labels = SiteLabels.Decisions()
            .Select(l => SiteLabels.IsHeldOut(l) ? l : l with { Toxic = !l.Toxic })
            .ToList();

        var result = new SiteLearner().Learn(fixture.Model, labels, Options);

        Assert.False(result.Promote);
        Assert.NotNull(result.Candidate);
        Assert.True(result.CandidateFigures!.RocAuc < result.Current!.RocAuc);
        Assert.Contains("below the current model's", result.Reason);
    }

    [Fact]
    public void A_tolerance_lets_a_slightly_worse_candidate_through()
    {
        var labels = SiteLabels.Decisions()
            .Select(l => SiteLabels.IsHeldOut(l) ? l : l with { Toxic = !l.Toxic })
            .ToList();

        var result = new SiteLearner().Learn(fixture.Model, labels, Options with { Tolerance = 1 });

        Assert.True(result.Promote, result.Reason);
    }

    [Fact]
    public void Too_few_labels_give_no_candidate_and_say_why()
    {
        var result = new SiteLearner().Learn(fixture.Model, SiteLabels.Decisions(30), Options);

        Assert.Null(result.Candidate);
        Assert.False(result.Promote);
        Assert.Null(result.CandidateFigures);
        Assert.StartsWith("Too few labels to learn from: 30 labels", result.Reason);
    }

    [Fact]
    public void Labels_of_one_class_give_no_candidate_and_say_why()
    {
        var clean = SiteLabels.Decisions(400).Where(l => !l.Toxic).ToList();

        var result = new SiteLearner().Learn(fixture.Model, clean, Options);

        Assert.Null(result.Candidate);
        Assert.Contains($"(0 toxic, {clean.Count} clean)", result.Reason);
    }

    [Fact]
    public void The_hold_threshold_comes_from_the_sites_clean_labels_and_the_target_share()
    {
        var labels = SiteLabels.Decisions(400);
        var strict = new SiteLearner().Learn(fixture.Model, labels, Options with { TargetCleanHoldRate = 0.01 });
        var lenient = new SiteLearner().Learn(fixture.Model, labels, Options with { TargetCleanHoldRate = 0.4 });

        Assert.True(lenient.Candidate!.Manifest.HoldThreshold < strict.Candidate!.Manifest.HoldThreshold);
        Assert.Equal(strict.Candidate.Manifest.HoldThreshold, strict.CandidateFigures!.Threshold);
        Assert.True(lenient.CandidateFigures!.CleanHeldRate > strict.CandidateFigures.CleanHeldRate);
        Assert.True(strict.CandidateFigures.CleanHeldRate <= 0.1, $"clean held {strict.CandidateFigures.CleanHeldRate}");
        Assert.Equal(fixture.Model.Manifest.HoldThreshold, strict.Current!.Threshold);
    }

    [Fact]
    public void Retraining_a_site_adapted_model_replaces_its_site_layer_on_the_same_base()
    {
        var first = new SiteLearner().Learn(fixture.Model, SiteLabels.Decisions(), Options).Candidate!;

        var second = new SiteLearner().Learn(first, SiteLabels.Decisions(400, seed: 5), Options with { Version = "site-2" }).Candidate!;

        Assert.Equal("site-1", second.Manifest.BasedOn);
        Assert.Equal("fixture-1", second.Manifest.Site!.BaseVersion);
        Assert.Equal(fixture.Model.Manifest.HoldThreshold, second.Manifest.Site.BaseHoldThreshold);
        Assert.Equal("fixture-1", second.Base.Version);
        Assert.Null(second.Base.Manifest.Site);
        Assert.Equal(fixture.Model.ScoreBatch(["you are a clown"]), second.Base.ScoreBatch(["you are a clown"]));
    }

    [Fact]
    public void Progress_names_each_stage_and_ends_at_one()
    {
        var stages = new List<TrainingProgress>();
        new SiteLearner().Learn(fixture.Model, SiteLabels.Decisions(), Options, new SynchronousProgress(stages.Add));

        Assert.Contains(stages, s => s.Stage.StartsWith("Fitting the site model, fold 1 of 5"));
        Assert.Contains(stages, s => s.Stage.StartsWith("Judging"));
        Assert.Equal(stages.Select(s => s.Fraction).Order(), stages.Select(s => s.Fraction));
        Assert.Equal(new TrainingProgress("Done", 1), stages[^1]);
    }

    [Fact]
    public void A_cancelled_learn_stops_with_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        var stages = new List<string>();
        var progress = new SynchronousProgress(p =>
        {
            stages.Add(p.Stage);
            if (p.Stage.StartsWith("Fitting the site model, fold 2"))
            {
                cancellation.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => new SiteLearner().Learn(fixture.Model, SiteLabels.Decisions(), Options, progress, cancellation.Token));
        Assert.DoesNotContain(stages, s => s.StartsWith("Judging"));
    }

    /// <summary><see cref="Progress{T}"/> posts to the thread pool; tests need the reports in order, on the calling thread.</summary>
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
