using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Http.Health;
using Spectre.Console;

namespace Moderation.Client.Operators;

/// <summary><c>health</c>: is the process up, and are storage, cache, cluster and model ready. Exits non-zero unless ready.</summary>
internal static class HealthCommand
{
    public const int NotReady = 4;

    public static Command Create(ClientHost host)
    {
        var command = new Command("health", "Show whether the service is live and ready, check by check");
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse, TimeSpan.FromSeconds(10));
            using var http = api.Http;
            var live = await api.LiveAsync(cancellationToken);
            var (ready, report) = await api.ReadyAsync(cancellationToken);

            var table = new Table().AddColumns("Check", "Status", "Detail");
            table.AddRow(new Text("live"), Status(live.Status), new Text(""));
            // A proxy or an older service may answer without checks.
            foreach (var (name, check) in report.Checks ?? (IReadOnlyDictionary<string, CheckResponse>)new Dictionary<string, CheckResponse>())
            {
                table.AddRow(new Text(name), Status(check.Status), new Text(check.Error ?? check.Description ?? ""));
            }

            host.Console.MarkupLineInterpolated($"{api.BaseAddress}: [bold]{(ready ? "ready" : "NOT ready")}[/] ({report.Status})");
            host.Console.Write(table);
            return ready ? 0 : NotReady;
        }));
        return command;
    }

    private static Markup Status(string status) => new(Markup.Escape(status), status == "Healthy" ? new Style(Color.Green) : new Style(Color.Red));
}
