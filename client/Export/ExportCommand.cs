using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Client.Import;
using Spectre.Console;

namespace Moderation.Client.Export;

/// <summary><c>export</c>: the site, or one article, as JSON lines into a file (moderator or editor).</summary>
public static class ExportCommand
{
    public static Command Create(ClientHost host)
    {
        var output = new Option<FileInfo>("--out") { Description = "The file to write", Required = true };
        var article = new Option<string?>("--article") { Description = "Export only this article" };
        var command = new Command("export", "Export the site, or one article, as JSON lines: articles, comments, polls with results, the moderation audit (moderator or editor)")
        {
            output, article,
        };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(output)!.FullName;
            var api = host.CreateApi(parse, Timeout.InfiniteTimeSpan);
            using var http = api.Http;
            var temporary = path + ".partial";
            await using (var file = File.Create(temporary))
            {
                await host.Console.Status().StartAsync("Exporting", async context =>
                    await api.ExportAsync(parse.GetValue(article), file, bytes => context.Status($"Exporting: {bytes / 1024.0 / 1024.0:N1} MiB"), cancellationToken));
            }

            var summary = ExportFile.Summarize(temporary);
            if (summary.End is null)
            {
                throw new InvalidDataException($"The export ended early (no end line); what arrived is in {temporary}.");
            }

            File.Move(temporary, path, overwrite: true);
            host.Console.MarkupLineInterpolated(
                $"Exported {summary.End.Articles:N0} articles, {summary.End.Comments:N0} comments, {summary.End.Polls:N0} polls and {summary.End.AuditRecords:N0} audit records to {path}.");
            return 0;
        }));
        return command;
    }
}
