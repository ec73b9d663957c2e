using System.CommandLine;
using Moderation.Client.Comments;
using Moderation.Client.Http;
using Spectre.Console;

namespace Moderation.Client.Readers;

/// <summary>The <c>readers</c> command group: an author's standing and history, for moderators.</summary>
public static class ReadersCommands
{
    public static Command Create(ClientHost host)
    {
        var readers = new Command("readers", "An author's standing and history (moderator)");
        readers.Subcommands.Add(Show(host));
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
}
