using System.CommandLine;
using System.Globalization;
using Moderation.Client.Http;
using Moderation.Http.Model;
using Spectre.Console;

namespace Moderation.Client.Model;

/// <summary><c>model versions</c> lists the service's model versions; <c>model promote</c> switches every silo to one (a rollback).</summary>
internal static class VersionsCommand
{
    public static Command CreateList(ClientHost host)
    {
        var command = new Command("versions", "List the service's model versions, newest first, with their held-out figures (moderator, editor)");
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var versions = await api.GetModelVersionsAsync(cancellationToken);
            var table = new Table().AddColumns("version", "trained", "based on", "hold threshold", "rows", "held-out ROC-AUC", "");
            foreach (var version in versions.Items)
            {
                table.AddRow(
                    Markup.Escape(version.Version),
                    version.TrainedAt.ToString("u", CultureInfo.InvariantCulture),
                    Markup.Escape(version.BasedOn ?? "-"),
                    RetrainOutput.F(version.HoldThreshold),
                    version.TrainingRows.ToString("N0", CultureInfo.InvariantCulture),
                    RetrainOutput.F(HeldOutRocAuc(version.Metrics)),
                    version.Current ? "[green]current[/]" : "");
            }

            host.Console.Write(table);
            return 0;
        }));
        return command;
    }

    /// <summary>A site-adapted version's ROC-AUC on held-out site labels, else the shipped model's on its held-out split.</summary>
    private static double? HeldOutRocAuc(IReadOnlyDictionary<string, double> metrics) =>
        metrics.TryGetValue("site.heldOut.rocAuc", out var site) ? site
        : metrics.TryGetValue("validation.rocAuc", out var validation) ? validation
        : null;

    public static Command CreatePromote(ClientHost host)
    {
        var version = new Argument<string>("version") { Description = "The version to score with from now on" };
        var command = new Command("promote", "Switch every silo to a saved model version, e.g. to roll back (moderator, editor)");
        command.Arguments.Add(version);
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var promoted = await api.PromoteModelAsync(parse.GetValue(version)!, cancellationToken);
            host.Console.MarkupLineInterpolated($"Promoted [bold]{promoted.Version}[/] (hold threshold {RetrainOutput.F(promoted.HoldThreshold)}); every silo switches within seconds.");
            return 0;
        }));
        return command;
    }
}
