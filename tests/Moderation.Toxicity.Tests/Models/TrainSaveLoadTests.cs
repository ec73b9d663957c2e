using Moderation.Toxicity.Evaluation;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Scoring;
using Moderation.Toxicity.Tests.Fixtures;
using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Tests.Models;

[Collection(TrainedModelCollection.Name)]
public sealed class TrainSaveLoadTests(TrainedModelFixture fixture)
{
    [Fact]
    public void Training_measures_the_model_on_held_out_rows()
    {
        var validation = fixture.Result.Validation!;
        Assert.True(validation.Count > 40);
        Assert.True(validation.RocAuc > 0.9, $"ROC-AUC {validation.RocAuc}");
        Assert.True(validation.AtThreshold.CleanHeldRate <= 0.05 + 1e-9);
        Assert.Equal("fixture-1", fixture.Model.Version);
        Assert.Equal(validation.RocAuc, fixture.Model.Manifest.Metrics["validation.rocAuc"]);
    }

    [Fact]
    public void The_manifest_names_the_data_and_the_settings()
    {
        var manifest = fixture.Model.Manifest;
        Assert.Equal(["fixture_a", "fixture_b"], manifest.DataSources.Select(s => s.Name));
        Assert.All(manifest.DataSources, s => Assert.Contains("unknown", s.Licence));
        Assert.Equal(manifest.DataSources.Sum(s => s.Rows), manifest.TrainingRows);
        Assert.Equal(TrainedModelFixture.Variant, manifest.Variant);
        Assert.InRange(manifest.HoldThreshold, 0.0, 1.0);
    }

    [Fact]
    public void A_saved_model_loads_and_scores_the_same()
    {
        using var directory = new TempDirectory();
        fixture.Model.Save(directory.Path);
        Assert.True(File.Exists(Path.Combine(directory.Path, "model.zip")));
        Assert.True(File.Exists(Path.Combine(directory.Path, "manifest.json")));

        var loaded = LoadedModel.Load(directory.Path);
        Assert.Equal(fixture.Model.Manifest.Version, loaded.Manifest.Version);
        Assert.Equal(fixture.Model.Manifest.HoldThreshold, loaded.Manifest.HoldThreshold);
        Assert.Equal(fixture.Model.Manifest.Metrics, loaded.Manifest.Metrics);
        Assert.Equal(fixture.Model.Manifest.Variant, loaded.Manifest.Variant);

        string[] texts = ["You are a total idiot", "Thanks for the budget article", "shut up you clown"];
        var before = new ToxicityScorer(fixture.Model);
        var after = new ToxicityScorer(loaded);
        foreach (var text in texts)
        {
            Assert.Equal(before.Score(text).Score, after.Score(text).Score, 5);
            Assert.Equal(before.Score(text).Explanation, after.Score(text).Explanation);
        }
    }

    [Fact]
    public void Toxic_comments_score_higher_than_clean_ones_and_evasion_does_not_help()
    {
        var scorer = new ToxicityScorer(fixture.Model);
        var clean = scorer.Score("I thought the stadium article was balanced");
        var toxic = scorer.Score("You are a moron, the stadium story proves it");
        var evasive = scorer.Score("Y0u аrе a m.o.r.o.n, the stadium story proves it");
        Assert.True(toxic.Score > clean.Score + 0.3, $"toxic {toxic.Score}, clean {clean.Score}");
        Assert.True(evasive.Score > clean.Score + 0.3, $"evasive {evasive.Score}, clean {clean.Score}");
        Assert.True(toxic.Hold);
        Assert.False(clean.Hold);
        Assert.Equal("fixture-1", toxic.ModelVersion);
    }

    [Fact]
    public void Explanations_name_the_words_that_pushed_the_score()
    {
        var scorer = new ToxicityScorer(fixture.Model);
        var result = scorer.Score("What a clown wrote this bridge piece");
        Assert.InRange(result.Explanation.Count, 1, 5);
        Assert.Contains(result.Explanation, t => t.Text.Contains("clown") && t.Weight > 0);
        var weights = result.Explanation.Select(t => Math.Abs(t.Weight)).ToList();
        Assert.Equal(weights.OrderByDescending(w => w), weights);
        Assert.Empty(scorer.Score("What a clown wrote this bridge piece", explanationTerms: 0).Explanation);

        var heldOnly = new ToxicityScorer(fixture.Model, new ToxicityScorerOptions { ExplainOnlyHeld = true });
        Assert.NotEmpty(heldOnly.Score("You are a moron, the stadium story proves it").Explanation);
        Assert.Empty(heldOnly.Score("I thought the stadium article was balanced").Explanation);
    }

    [Fact]
    public void Evaluation_reports_figures_at_the_threshold_and_every_row()
    {
        var report = ToxicityEvaluator.Evaluate(fixture.Model, fixture.Rows);
        Assert.Equal(fixture.Rows.Count, report.Rows.Count);
        Assert.True(report.RocAuc > 0.9);
        Assert.Equal(fixture.Model.Manifest.HoldThreshold, report.AtThreshold.Threshold);

        using var directory = new TempDirectory();
        var csv = Path.Combine(directory.Path, "scores.csv");
        ScoresCsvWriter.Write(csv, report);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("source,toxic,score,held,text", lines[0]);
        Assert.Equal(fixture.Rows.Count + 1, lines.Length);
    }

    [Fact]
    public void A_missing_model_is_a_clear_error()
    {
        using var directory = new TempDirectory();
        var error = Assert.Throws<ModelLoadException>(() => LoadedModel.Load(directory.Path));
        Assert.Contains("manifest.json is missing", error.Message);
    }

    [Fact]
    public void A_corrupt_model_is_a_clear_error()
    {
        using var directory = new TempDirectory();
        fixture.Model.Save(directory.Path);
        File.WriteAllText(Path.Combine(directory.Path, "model.zip"), "not a zip");
        var error = Assert.Throws<ModelLoadException>(() => LoadedModel.Load(directory.Path));
        Assert.Contains("could not be read", error.Message);

        File.WriteAllText(Path.Combine(directory.Path, "manifest.json"), "{ broken");
        error = Assert.Throws<ModelLoadException>(() => LoadedModel.Load(directory.Path));
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void Training_from_csv_files_reads_them_and_names_sources_after_folders()
    {
        using var directory = new TempDirectory();
        var rows = FixtureData.Comments(120, seed: 3);
        var path = FixtureData.WriteCsv(Path.Combine(directory.Path, "my_site"), rows);
        var progress = new List<string>();
        var result = ToxicityTrainer.Train(
            new TrainingOptions { DataPaths = [path], Variant = TrainedModelFixture.Variant with { CharNgrams = 0 }, ValidationFraction = 0 },
            new SynchronousProgress<TrainingProgress>(p => progress.Add(p.Stage)));
        Assert.Equal("my_site", Assert.Single(result.Model.Manifest.DataSources).Name);
        Assert.Null(result.Validation);
        Assert.Contains("Done", progress);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
