using System.Globalization;
using System.Text.RegularExpressions;
using Moderation.Client.Http;

namespace Moderation.Client.Tests;

/// <summary><c>model import</c>, <c>labels</c>, <c>retrain</c>, <c>versions</c>, <c>promote</c> and <c>simulate</c> against a real service.</summary>
public sealed partial class ModelLearningCommandTests(LearningService service) : IClassFixture<LearningService>
{
    [Fact]
    public async Task Import_sends_labels_in_batches_and_a_second_import_counts_every_row_as_known()
    {
        var data = service.WriteSpamSite("import-twice.csv", 30, seed: 3);

        var first = await service.RunAsync("model", "import", "--data", data, "--batch-size", "7", "--token", service.Moderator);
        var second = await service.RunAsync("model", "import", "--data", data, "--token", service.Moderator);
        var labels = await service.RunAsync("model", "labels", "--token", service.Moderator);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("Sent 7 of 30", first.Output);
        Assert.Contains("Sent 30 of 30", first.Output);
        Assert.Contains("Imported 30 labels; 0 already known, 0 rejected.", first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("Imported 0 labels; 30 already known, 0 rejected.", second.Output);
        Assert.True(labels.ExitCode == 0, labels.Output);
        Assert.Matches(@"\d+ labels: \d+ from decisions, \d+ imported;", labels.Output);
    }

    [Fact]
    public async Task Import_refuses_a_batch_larger_than_the_service_takes_and_a_missing_file_before_sending_anything()
    {
        var data = service.WriteSpamSite("batch.csv", 5, seed: 4);

        var tooLarge = await service.RunAsync("model", "import", "--data", data, "--batch-size", "5001", "--token", service.Moderator);
        var missing = await service.RunAsync("model", "import", "--data", Path.Combine(service.Directory, "absent.csv"), "--token", service.Moderator);
        var anonymous = await service.RunAsync("model", "import", "--data", data);

        Assert.Equal(ClientHost.InvalidUse, tooLarge.ExitCode);
        Assert.Contains("--batch-size must be between 1 and 5000.", tooLarge.Output);
        Assert.Equal(ClientHost.InvalidUse, missing.ExitCode);
        Assert.Contains("absent.csv", missing.Output);
        Assert.Equal(ClientHost.ServiceRefused, anonymous.ExitCode);
        Assert.Contains("401", anonymous.Output);
    }

    [Fact]
    public async Task Retrain_follows_the_job_to_its_report_and_promote_rolls_back_to_the_model_in_use_before()
    {
        var before = ModelVersion((await service.RunAsync("model", "info")).Output);
        await service.RunAsync("model", "import", "--data", service.WriteSpamSite("retrain.csv", 300, seed: 5), "--token", service.Moderator);

        var retrain = await service.RunAsync("model", "retrain", "--token", service.Moderator);
        var versions = await service.RunAsync("model", "versions", "--token", service.Moderator);
        var rollback = await service.RunAsync("model", "promote", before, "--token", service.Moderator);
        var after = await ScoredWithAsync(before);
        var unknown = await service.RunAsync("model", "promote", "no-such-version", "--token", service.Moderator);

        Assert.True(retrain.ExitCode == 0, retrain.Output);
        Assert.Matches(@"Retrain \S+ succeeded on \d+ labels", retrain.Output);
        Assert.Contains("held-out ROC-AUC", retrain.Output);
        Assert.Matches("Promoted |Not promoted: ", retrain.Output);
        Assert.True(versions.ExitCode == 0, versions.Output);
        Assert.Contains(before, versions.Output);
        Assert.True(rollback.ExitCode == 0, rollback.Output);
        Assert.Contains($"Promoted {before}", rollback.Output);
        Assert.Equal(before, after);
        Assert.Equal(ClientHost.ServiceRefused, unknown.ExitCode);
        Assert.Contains("404", unknown.Output);
    }

    [Fact]
    public async Task Simulate_replays_a_site_that_rejects_advertising_and_the_curve_shows_the_model_learning_it()
    {
        var data = service.WriteSpamSite("simulated-site.csv", 420, seed: 6);
        var report = Path.Combine(service.Directory, "curve.md");

        var simulated = await service.RunAsync(
            "model", "simulate", "--data", data, "--steps", "100,200", "--evaluate", "150", "--concurrency", "4",
            "--signing-key", service.SigningKey, "--token", service.Moderator, "--report", report);

        Assert.True(simulated.ExitCode == 0, simulated.Output);
        Assert.Contains("Posting and deciding comments 1 to 100", simulated.Output);
        Assert.Contains("Posting and deciding comments 101 to 200", simulated.Output);
        var curve = CurveRows(File.ReadAllText(report));
        Assert.Equal([0, 100, 200], curve.Select(row => row.Labels));
        Assert.True(curve[^1].RocAuc >= curve[0].RocAuc + 0.2,
            $"The model did not learn the site: ROC-AUC {curve[0].RocAuc} before, {curve[^1].RocAuc} after 200 decisions.\n{simulated.Output}");
    }

    [Fact]
    public async Task Simulate_refuses_steps_out_of_order_and_data_too_small_to_leave_comments_to_score()
    {
        var data = service.WriteSpamSite("small-site.csv", 20, seed: 7);

        var unordered = await service.RunAsync("model", "simulate", "--data", data, "--steps", "50,10", "--token", service.Moderator);
        var tooSmall = await service.RunAsync("model", "simulate", "--data", data, "--steps", "20", "--signing-key", service.SigningKey, "--token", service.Moderator);

        Assert.Equal(ClientHost.InvalidUse, unordered.ExitCode);
        Assert.Contains("--steps must be positive label counts in ascending order", unordered.Output);
        Assert.Equal(ClientHost.InvalidUse, tooSmall.ExitCode);
        Assert.Contains("too few to label 20 and score the rest", tooSmall.Output);
    }

    /// <summary>The version <c>model info</c> names once it is <paramref name="expected"/>, or after 30 s: a promotion reaches the scorer within seconds.</summary>
    private async Task<string> ScoredWithAsync(string expected)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var version = ModelVersion((await service.RunAsync("model", "info")).Output);
            if (version == expected || DateTimeOffset.UtcNow > deadline)
            {
                return version;
            }

            await Task.Delay(200);
        }
    }

    private static string ModelVersion(string infoOutput)
    {
        var match = ModelLine().Match(infoOutput);
        Assert.True(match.Success, infoOutput);
        return match.Groups[1].Value;
    }

    private static List<(int Labels, double RocAuc)> CurveRows(string markdown) =>
        [.. markdown.Split('\n')
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(line[2]))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (int.Parse(cells[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture), double.Parse(cells[6], CultureInfo.InvariantCulture)))];

    [GeneratedRegex(@"Model (\S+), trained")]
    private static partial Regex ModelLine();
}
