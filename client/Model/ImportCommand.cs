using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Http.Model;
using Spectre.Console;

namespace Moderation.Client.Model;

/// <summary><c>model import</c>: sends a site's labelled history (CSV) to the service as labels for retraining, in batches.</summary>
internal static class ImportCommand
{
    public static Command Create(ClientHost host)
    {
        var data = new DataOptions();
        var source = new Option<string?>("--source") { Description = "Name the labels' source (default: the file's folder or name)" };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = $"Labels per request (at most {ModerationApi.MaxLabelsPerImport})",
            DefaultValueFactory = _ => ModerationApi.MaxLabelsPerImport,
        };

        var command = new Command("import", "Import labelled comments (a site's moderation history) for the service's model to learn from (moderator)");
        data.AddTo(command);
        command.Options.Add(source);
        command.Options.Add(batchSize);
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var size = parse.GetValue(batchSize);
            if (size is < 1 or > ModerationApi.MaxLabelsPerImport)
            {
                throw new UsageException($"--batch-size must be between 1 and {ModerationApi.MaxLabelsPerImport}.");
            }

            var load = DataOptions.Load(host.Console, DataOptions.Expand(parse.GetValue(data.Data)!), data.Columns(parse));
            var named = parse.GetValue(source);
            var items = load.Rows.Select(row => new ImportLabelItem(row.Text, row.Toxic, named ?? row.Source)).ToList();
            var api = host.CreateApi(parse, TimeSpan.FromMinutes(2));
            using var http = api.Http;

            int accepted = 0, duplicates = 0, rejected = 0;
            foreach (var (batch, index) in items.Chunk(size).Select((batch, index) => (batch, index)))
            {
                var answer = await api.ImportLabelsAsync(batch, cancellationToken);
                accepted += answer.Accepted;
                duplicates += answer.Duplicates;
                rejected += answer.Rejected;
                foreach (var error in answer.Errors)
                {
                    host.Console.MarkupLineInterpolated($"[yellow]rejected[/] row {index * size + error.Index + 1}: {error.Message}");
                }

                host.Console.MarkupLineInterpolated($"Sent {Math.Min((index + 1) * size, items.Count):N0} of {items.Count:N0}");
            }

            host.Console.MarkupLineInterpolated($"Imported [bold]{accepted:N0}[/] labels; {duplicates:N0} already known, {rejected:N0} rejected.");
            return 0;
        }));
        return command;
    }
}
