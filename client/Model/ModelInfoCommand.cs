using System.CommandLine;
using System.Globalization;
using Moderation.Client.Http;
using Spectre.Console;

namespace Moderation.Client.Model;

/// <summary><c>model info</c>: the model the service scores with (<c>GET /api/model</c>).</summary>
internal static class ModelInfoCommand
{
    public static Command Create(ClientHost host)
    {
        var command = new Command("info", "Show the service's model: version, training, hold threshold and metrics");
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var model = await api.GetModelAsync(cancellationToken);
            host.Console.MarkupLineInterpolated($"Model [bold]{model.Version}[/], trained {model.TrainedAt:u} on {model.TrainingRows:N0} rows");
            host.Console.WriteLine($"  hold threshold: {model.HoldThreshold.ToString("0.000", CultureInfo.InvariantCulture)}");
            foreach (var source in model.DataSources ?? [])
            {
                host.Console.WriteLine($"  data: {source.Name}, {source.Rows:N0} rows, {source.Licence} ({source.Origin})");
            }

            if (model.Metrics.Count > 0)
            {
                var table = new Table().AddColumns("Metric", "Value");
                table.Columns[1].RightAligned();
                foreach (var (name, value) in model.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    table.AddRow(Markup.Escape(name), value.ToString("0.000", CultureInfo.InvariantCulture));
                }

                host.Console.Write(table);
            }

            return 0;
        }));
        return command;
    }
}
