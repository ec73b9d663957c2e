using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Http.Comments;
using Spectre.Console;

namespace Moderation.Client.Comments;

/// <summary>The <c>comments</c> command group: readers post, read, delete and report comments.</summary>
public static class CommentsCommands
{
    private const int PostAttempts = 3;

    public static Command Create(ClientHost host)
    {
        var comments = new Command("comments", "Post, read, edit, delete, react to, feature and report comments");
        comments.Subcommands.Add(Post(host));
        comments.Subcommands.Add(List(host));
        comments.Subcommands.Add(Replies(host));
        comments.Subcommands.Add(Show(host));
        comments.Subcommands.Add(Delete(host));
        comments.Subcommands.Add(Report(host));
        comments.Subcommands.Add(Check(host));
        foreach (var command in CommentActionsCommands.Create(host))
        {
            comments.Subcommands.Add(command);
        }

        return comments;
    }

    internal static Argument<string> CommentIdArgument() => new("commentId") { Description = "The comment's id" };

    internal static Option<int?> LimitOption() => new("--limit")
    {
        Description = "Items per page (1 to 100; default 20)",
        Validators = { r => { if (r.GetValueOrDefault<int?>() is < 1 or > 100) { r.AddError("--limit must be 1 to 100."); } } },
    };

    internal static Option<string?> CursorOption() => new("--cursor") { Description = "Where the page starts: the cursor a previous page printed" };

    private static Command Post(ClientHost host)
    {
        var articleId = new Argument<string>("articleId") { Description = "The news site's article id" };
        var body = new Argument<string>("body") { Description = "The text (1 to 5,000 characters)" };
        var replyTo = new Option<string?>("--reply-to") { Description = "The comment this one answers" };
        var key = new Option<string?>("--idempotency-key")
        {
            Description = "Names this post, so that running the command again posts nothing new (default: a new key)",
        };
        var command = new Command("post", "Post a comment, or a reply with --reply-to (reader)") { articleId, body, replyTo, key };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var request = new PostCommentRequest(parse.GetValue(body)!, parse.GetValue(replyTo));
            var comment = await PostWithRetriesAsync(
                host, api, parse.GetValue(articleId)!, request, parse.GetValue(key) ?? Guid.NewGuid().ToString(), cancellationToken);
            CommentOutput.Write(host.Console, comment);
            if (comment.Status == ModerationWords.Pending)
            {
                host.Console.MarkupLine("[yellow]Held for a moderator[/]: it is published once approved.");
            }

            return 0;
        }));
        return command;
    }

    /// <summary>
    /// Sends the post again, with the same key, when no answer came or the service was unavailable: the key makes the
    /// service return the comment a lost answer was for instead of posting it twice.
    /// </summary>
    private static async Task<PublicComment> PostWithRetriesAsync(
        ClientHost host, ModerationApi api, string articleId, PostCommentRequest request, string key, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await api.PostCommentAsync(articleId, request, key, cancellationToken);
            }
            catch (Exception error) when (attempt < PostAttempts && IsWorthRetrying(error, cancellationToken))
            {
                host.Console.MarkupLine($"[grey]No answer ({Markup.Escape(error.Message)}); sending it again with the same key.[/]");
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }

    private static bool IsWorthRetrying(Exception error, CancellationToken cancellationToken) => error switch
    {
        HttpRequestException => true,
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        ProblemException problem => problem.Status == System.Net.HttpStatusCode.ServiceUnavailable,
        _ => false,
    };

    private static Command List(ClientHost host)
    {
        var articleId = new Argument<string>("articleId") { Description = "The news site's article id" };
        var sort = new Option<string>("--sort") { Description = "newest, oldest, top (most reactions) or featured (featured only)", DefaultValueFactory = _ => "newest" };
        sort.AcceptOnlyFromAmong(ModerationWords.ThreadSorts);
        var limit = LimitOption();
        var cursor = CursorOption();
        var command = new Command("list", "List a page of an article's published top-level comments") { articleId, sort, limit, cursor };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var article = parse.GetValue(articleId)!;
            var page = await api.GetThreadAsync(article, parse.GetValue(sort), parse.GetValue(limit), parse.GetValue(cursor), cancellationToken);
            CommentOutput.WritePage(host.Console, page, $"No published comments on {article}.");
            return 0;
        }));
        return command;
    }

    private static Command Replies(ClientHost host)
    {
        var commentId = CommentIdArgument();
        var limit = LimitOption();
        var cursor = CursorOption();
        var command = new Command("replies", "List a page of the published replies under a comment, oldest first") { commentId, limit, cursor };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var id = parse.GetValue(commentId)!;
            var page = await api.GetRepliesAsync(id, parse.GetValue(limit), parse.GetValue(cursor), cancellationToken);
            CommentOutput.WritePage(host.Console, page, $"No published replies under {id}.");
            return 0;
        }));
        return command;
    }

    private static Command Show(ClientHost host)
    {
        var commentId = CommentIdArgument();
        var command = new Command("show", "Show one comment (held ones only to their author and moderators)") { commentId };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            CommentOutput.Write(host.Console, await api.GetCommentAsync(parse.GetValue(commentId)!, cancellationToken));
            return 0;
        }));
        return command;
    }

    private static Command Delete(ClientHost host)
    {
        var commentId = CommentIdArgument();
        var command = new Command("delete", "Delete a comment (its author or a moderator); its place in the thread stays") { commentId };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var id = parse.GetValue(commentId)!;
            await api.DeleteCommentAsync(id, cancellationToken);
            host.Console.MarkupLineInterpolated($"Deleted comment [bold]{id}[/].");
            return 0;
        }));
        return command;
    }

    private static Command Report(ClientHost host)
    {
        var commentId = CommentIdArgument();
        var reason = new Option<string>("--reason") { Description = "offensive, abusive, spam or other", Required = true };
        reason.AcceptOnlyFromAmong(ModerationWords.ReportReasons);
        var note = new Option<string?>("--note") { Description = "A note for the moderators (at most 2,000 characters)" };
        var command = new Command("report", "Report a comment to the moderators (reader; one report per reader counts)") { commentId, reason, note };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var id = parse.GetValue(commentId)!;
            await api.ReportCommentAsync(id, new ReportRequest(parse.GetValue(reason)!, parse.GetValue(note) ?? ""), cancellationToken);
            host.Console.MarkupLineInterpolated($"Reported comment [bold]{id}[/] as {parse.GetValue(reason)}.");
            return 0;
        }));
        return command;
    }

    private static Command Check(ClientHost host)
    {
        var body = new Argument<string>("body") { Description = "The text you would post" };
        var command = new Command("check", "Ask whether a text would be held for a moderator, without posting it (reader)") { body };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var check = await api.CheckToxicityAsync(parse.GetValue(body)!, cancellationToken);
            host.Console.MarkupLine(check.WouldHold
                ? $"Score {check.Score:0.000}: [yellow]would be held[/] for a moderator."
                : $"Score {check.Score:0.000}: [green]would be published[/].");
            return 0;
        }));
        return command;
    }
}
