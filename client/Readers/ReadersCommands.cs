using System.CommandLine;
using System.Text.Json;
using Moderation.Client.Comments;
using Moderation.Client.Http;
using Spectre.Console;

namespace Moderation.Client.Readers;

/// <summary>The <c>readers</c> command group: an author's standing and history for moderators, a reader's export of their data, and erasure.</summary>
public static class ReadersCommands
{
    private static readonly JsonSerializerOptions Indented = new(ModerationApi.Json) { WriteIndented = true };

    public static Command Create(ClientHost host)
    {
        var readers = new Command("readers", "An author's standing and history (moderator); export everything stored about you, or erase a reader");
        readers.Subcommands.Add(Show(host));
        readers.Subcommands.Add(Export(host));
        readers.Subcommands.Add(Erase(host));
        return readers;
    }

    private static Command Show(ClientHost host)
    {
        var readerId = new Argument<string>("readerId") { Description = "The reader's id" };
        var command = new Command("show", "Show a reader's standing, comment counts and latest comments (moderator)") { readerId };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var history = await api.GetAuthorHistoryAsync(parse.GetValue(readerId)!, cancellationToken);
            var standing = history.Standing;
            host.Console.MarkupLineInterpolated($"Reader [bold]{history.ReaderId}[/]: {(standing.Banned ? "banned" : "in good standing")}");
            if (standing.Banned)
            {
                host.Console.WriteLine($"  since {standing.Since:u} by {standing.BannedBy}: {standing.Reason}");
            }

            var counts = history.Counts;
            host.Console.WriteLine(
                $"  {counts.Published} published, {counts.Pending} pending, {counts.Rejected} rejected, {counts.Deleted} deleted, {counts.Reported} reported");
            CommentOutput.WriteOwn(host.Console, history.Latest, "No comments.");
            return 0;
        }));
        return command;
    }

    private static Command Export(ClientHost host)
    {
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the JSON to this file instead of the console" };
        var command = new Command("export", "Everything the service stores about you (the token's reader), as JSON") { output };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var json = JsonSerializer.Serialize(await api.ExportMeAsync(cancellationToken), Indented);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, json + Environment.NewLine, cancellationToken);
                host.Console.MarkupLineInterpolated($"Wrote your data to [bold]{file.FullName}[/].");
            }
            else
            {
                host.Console.Profile.Out.Writer.WriteLine(json);
            }

            return 0;
        }));
        return command;
    }

    private static Command Erase(ClientHost host)
    {
        var readerId = new Argument<string?>("readerId")
        {
            Description = "The reader to erase (moderator); without it, you (the token's reader)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var yes = new Option<bool>("--yes") { Description = "Confirm: an erasure cannot be undone" };
        var command = new Command("erase", "Erase a reader: comment texts, votes, reactions, reports and standing; decisions stay, pseudonymised")
        {
            readerId,
            yes,
        };
        command.Validators.Add(result =>
        {
            if (!result.GetValue(yes))
            {
                result.AddError("An erasure cannot be undone: add --yes to confirm.");
            }
        });
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var who = parse.GetValue(readerId);
            var running = await api.EraseAsync(who, cancellationToken);
            var name = who ?? "you";
            if (running is null)
            {
                host.Console.MarkupLineInterpolated($"Erased [bold]{name}[/].");
            }
            else
            {
                host.Console.MarkupLineInterpolated(
                    $"The erasure of [bold]{name}[/] is recorded (job {running.JobId}) and still running; run the command again to follow it.");
            }

            return 0;
        }));
        return command;
    }
}
