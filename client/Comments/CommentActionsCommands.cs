using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Http.Comments;
using Spectre.Console;

namespace Moderation.Client.Comments;

/// <summary>The <c>comments</c> subcommands of issue 16: react, unreact, feature, unfeature, edit and mine.</summary>
internal static class CommentActionsCommands
{
    public static IEnumerable<Command> Create(ClientHost host) =>
    [
        React(host, add: true),
        React(host, add: false),
        Feature(host, featured: true),
        Feature(host, featured: false),
        Edit(host),
        Mine(host),
    ];

    private static Command React(ClientHost host, bool add)
    {
        var commentId = CommentsCommands.CommentIdArgument();
        var command = new Command(add ? "react" : "unreact", add
            ? "Add your reaction (\"respect\") to a published comment (reader; once per comment)"
            : "Take back your reaction to a comment (reader)") { commentId };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var id = parse.GetValue(commentId)!;
            var result = await api.ReactAsync(id, add, cancellationToken);
            host.Console.MarkupLineInterpolated(
                $"Comment [bold]{id}[/]: {result.Reactions} reaction{(result.Reactions == 1 ? "" : "s")}, yours {(result.ReactedByMe ? "on it" : "not on it")}.");
            return 0;
        }));
        return command;
    }

    private static Command Feature(ClientHost host, bool featured)
    {
        var commentId = CommentsCommands.CommentIdArgument();
        var command = new Command(featured ? "feature" : "unfeature", featured
            ? "Feature a published comment (moderator, editor)"
            : "Stop featuring a comment (moderator, editor)") { commentId };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            CommentOutput.Write(host.Console, await api.FeatureAsync(parse.GetValue(commentId)!, featured, cancellationToken));
            return 0;
        }));
        return command;
    }

    private static Command Edit(ClientHost host)
    {
        var commentId = CommentsCommands.CommentIdArgument();
        var body = new Argument<string>("body") { Description = "The new text (1 to 5,000 characters)" };
        var command = new Command("edit", "Edit your comment within the edit window (author); the new text is checked again") { commentId, body };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var comment = await api.EditCommentAsync(parse.GetValue(commentId)!, parse.GetValue(body)!, cancellationToken);
            CommentOutput.Write(host.Console, comment);
            if (comment.Status == ModerationWords.Pending)
            {
                host.Console.MarkupLine("[yellow]Held for a moderator[/]: it is published once approved.");
            }

            return 0;
        }));
        return command;
    }

    private static Command Mine(ClientHost host)
    {
        var limit = CommentsCommands.LimitOption();
        var cursor = CommentsCommands.CursorOption();
        var command = new Command("mine", "List your own comments, any status, newest first (reader)") { limit, cursor };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var page = await api.GetMyCommentsAsync(parse.GetValue(limit), parse.GetValue(cursor), cancellationToken);
            CommentOutput.WriteOwn(host.Console, page.Items, "You have posted no comments.");
            CommentOutput.WriteNext(host.Console, page.NextCursor);
            return 0;
        }));
        return command;
    }
}
