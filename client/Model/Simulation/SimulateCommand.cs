using System.CommandLine;
using System.Globalization;
using Moderation.Client.Http;
using Spectre.Console;
using Moderation.Client.Operators;

namespace Moderation.Client.Model.Simulation;

/// <summary><c>model simulate</c>: a site's moderators labelling its comments step by step, a retrain after each step, and the learning curve.</summary>
internal static class SimulateCommand
{
    public static Command Create(ClientHost host)
    {
        var data = new DataOptions();
        var steps = new Option<string>("--steps") { Description = "Label counts to retrain at, ascending", DefaultValueFactory = _ => "250,500,1000,2000" };
        var article = new Option<string?>("--article") { Description = "The premoderated article to post on (default: a new one per run)" };
        var seed = new Option<int>("--seed") { Description = "Seed of the shuffle that picks which comments are decided", DefaultValueFactory = _ => 1 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight", DefaultValueFactory = _ => 8 };
        var evaluationLimit = new Option<int>("--evaluate") { Description = "How many of the remaining comments to score after each step", DefaultValueFactory = _ => 5000 };
        var report = new Option<string?>("--report") { Description = "Write the learning curve as a Markdown table to this file" };
        var signingKey = TokenCommand.SigningKeyOption();

        var command = new Command("simulate",
            "Replay a labelled CSV as a site's moderators would (post, then approve or reject), retrain after each step, and print the learning curve (moderator)");
        data.AddTo(command);
        foreach (var option in new Option[] { steps, article, seed, concurrency, evaluationLimit, report, signingKey })
        {
            command.Options.Add(option);
        }

        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var counts = ParseSteps(parse.GetValue(steps)!);
            var load = DataOptions.Load(host.Console, DataOptions.Expand(parse.GetValue(data.Data)!), data.Columns(parse));
            var runId = Guid.NewGuid().ToString("N")[..8];
            var api = host.CreateApi(parse, TimeSpan.FromMinutes(2));
            using var http = api.Http;
            var identities = new SimulationIdentities(api, parse.GetValue(signingKey), runId);
            var moderator = await identities.ModeratorAsync(api.Token, cancellationToken);
            var settings = new SimulationSettings(
                load.Rows, counts, parse.GetValue(article) ?? $"simulated-site-{runId}", parse.GetValue(seed),
                Math.Max(1, parse.GetValue(concurrency)), Math.Max(1, parse.GetValue(evaluationLimit)), TimeSpan.FromSeconds(60));

            var points = await new SiteSimulation(api, moderator, identities, settings, host.Console).RunAsync(cancellationToken);
            LearningCurveOutput.Write(host.Console, points);
            if (parse.GetValue(report) is { } path)
            {
                var sources = string.Join(", ", load.Rows.Select(row => row.Source).Distinct(StringComparer.Ordinal));
                await File.WriteAllTextAsync(path, LearningCurveOutput.Markdown(points, $"Learning curve: {sources}, seed {settings.Seed}"), cancellationToken);
                host.Console.MarkupLineInterpolated($"Learning curve written to {path}");
            }

            return 0;
        }));
        return command;
    }

    private static int[] ParseSteps(string text)
    {
        var parsed = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : -1)
            .ToArray();
        if (parsed.Length == 0 || parsed.Any(count => count < 0) || !parsed.SequenceEqual(parsed.Distinct().Order()))
        {
            throw new UsageException($"--steps must be positive label counts in ascending order, e.g. 250,500,1000; not '{text}'.");
        }

        return parsed;
    }
}
