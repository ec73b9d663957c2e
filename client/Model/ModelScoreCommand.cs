using System.CommandLine;
using System.Globalization;
using Moderation.Client.Http;
using Moderation.Client.Moderators;
using Spectre.Console;

namespace Moderation.Client.Model;

/// <summary><c>model score</c>: the service's score of a text and the words behind it (<c>POST /api/model/score</c>, moderator).</summary>
internal static class ModelScoreCommand
{
    public static Command Create(ClientHost host)
    {
        var text = new Argument<string>("text") { Description = "The text to score" };
        var command = new Command("score", "Score a text with the service's model and show the words behind the score (moderator)") { text };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var body = parse.GetValue(text)!;
            var score = await api.ScoreAsync(body, cancellationToken);
            host.Console.WriteLine($"Score {score.Score.ToString("0.000", CultureInfo.InvariantCulture)} (model {score.ModelVersion ?? "unknown"})");
            host.Console.MarkupLine("  " + ExplanationMarkup.Highlight(body, score.Explanation));
            host.Console.WriteLine($"  explanation: {ExplanationMarkup.Describe(score.Explanation)}");
            return 0;
        }));
        return command;
    }
}
