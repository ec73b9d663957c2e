using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Http.Model;
using Spectre.Console;

namespace Moderation.Client.Model;

/// <summary><c>model labels</c>: how many labels the service holds, by origin and class, and how many arrived since its model was trained.</summary>
internal static class LabelsCommand
{
    public static Command Create(ClientHost host)
    {
        var command = new Command("labels", "Count the labels the service's model learns from: by origin, by class, and since the current model");
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var counts = await api.GetLabelCountsAsync(cancellationToken);
            host.Console.MarkupLineInterpolated(
                $"[bold]{counts.Total:N0}[/] labels: {counts.ByOrigin.Decision:N0} from decisions, {counts.ByOrigin.Import:N0} imported; {counts.ByClass.Toxic:N0} toxic, {counts.ByClass.Clean:N0} clean");
            host.Console.MarkupLineInterpolated(
                $"Since model {counts.CurrentModel ?? "(none)"}: {counts.SinceCurrentModel.Total:N0} ({counts.SinceCurrentModel.Decision:N0} decisions, {counts.SinceCurrentModel.Import:N0} imported)");
            return 0;
        }));
        return command;
    }
}
