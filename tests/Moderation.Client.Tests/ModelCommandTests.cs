using System.Globalization;

namespace Moderation.Client.Tests;

/// <summary><c>model train</c> and <c>model evaluate</c> on a small labelled CSV written by the test.</summary>
public sealed class ModelCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "moderation-client-model-" + Guid.NewGuid().ToString("N")[..8]);

    public ModelCommandTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Train_reports_each_stage_and_evaluate_prints_metrics_and_writes_every_score()
    {
        var data = WriteCsv("comments.csv", 160);
        var model = Path.Combine(_directory, "model");
        var scores = Path.Combine(_directory, "scores.csv");

        var trained = await Cli.RunAsync(NoService, "model", "train", "--data", data, "--out", model, "--variant", "lexicon-words", "--version", "client-test-1");
        var evaluated = await Cli.RunAsync(NoService, "model", "evaluate", "--data", data, "--model", model, "--scores-csv", scores);

        Assert.True(trained.ExitCode == 0, trained.Output);
        Assert.Contains("Loaded 160 labelled rows from 1 file(s)", trained.Output);
        Assert.Contains("Normalising", trained.Output);
        Assert.Contains("Fitting lexicon-words on", trained.Output);
        Assert.Contains("Measuring on the validation split", trained.Output);
        Assert.Contains("Done", trained.Output);
        Assert.Contains("Model client-test-1 (lexicon-words) trained on", trained.Output);
        Assert.True(File.Exists(Path.Combine(model, "model.zip")));
        Assert.True(evaluated.ExitCode == 0, evaluated.Output);
        Assert.Contains("Model client-test-1 (lexicon-words) on 160 rows (", evaluated.Output);
        Assert.Contains("ROC-AUC", evaluated.Output);
        Assert.Contains($"Scores written to {scores}", evaluated.Output);
        var lines = File.ReadAllLines(scores);
        Assert.Equal(161, lines.Length);
    }

    [Fact]
    public async Task Training_on_one_class_only_fails_with_a_reason()
    {
        var data = WriteCsv("clean.csv", 30, toxicEvery: 0);

        var result = await Cli.RunAsync(NoService, "model", "train", "--data", data, "--out", Path.Combine(_directory, "m"));
        var missing = await Cli.RunAsync(NoService, "model", "evaluate", "--data", Path.Combine(_directory, "nothing.csv"));

        Assert.Equal(Http.ClientHost.InvalidUse, result.ExitCode);
        Assert.Contains("Training needs both toxic and clean rows.", result.Output);
        Assert.Equal(Http.ClientHost.InvalidUse, missing.ExitCode);
        Assert.Contains("nothing.csv", missing.Output);
    }

    private static HttpMessageHandler NoService(Uri url) => throw new InvalidOperationException("Model commands run locally.");

    /// <summary>Comments about local news, every <paramref name="toxicEvery"/>th an insult (0: none): enough for a model to tell them apart.</summary>
    private string WriteCsv(string name, int rows, int toxicEvery = 3)
    {
        string[] topics = ["budget", "bridge", "school", "stadium", "tax plan", "council", "housing", "bus route"];
        string[] insults = ["idiot", "moron", "loser", "clown"];
        var path = Path.Combine(_directory, name);
        using var writer = new StreamWriter(path);
        writer.WriteLine("text,toxic");
        for (var i = 0; i < rows; i++)
        {
            var topic = topics[i % topics.Length];
            var toxic = toxicEvery > 0 && i % toxicEvery == 0;
            var text = toxic
                ? $"Shut up you {insults[i % insults.Length]}, nobody cares about the {topic} ({i})"
                : $"I found the {topic} article useful and well researched ({i})";
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\"{text}\",{(toxic ? 1 : 0)}"));
        }

        return path;
    }
}
