using System.CommandLine;
using System.Globalization;
using Moderation.Client.Comments;
using Moderation.Client.Http;
using Moderation.Http.Moderators;
using Spectre.Console;

namespace Moderation.Client.Moderators;

/// <summary>The <c>moderate</c> command group: the moderators' queue, decisions, interactive review, bans and audit trail.</summary>
public static class ModerateCommands
{
    public static Command Create(ClientHost host)
    {
        var moderate = new Command("moderate", "Work the moderation queue: list, approve, reject, review, ban, audit (moderator)");
        moderate.Subcommands.Add(Queue(host));
        moderate.Subcommands.Add(Decide(host, "approve", "Approve a held or reported comment: it is published"));
        moderate.Subcommands.Add(Decide(host, "reject", "Reject a comment with a reason: it leaves the thread"));
        moderate.Subcommands.Add(Review(host));
        moderate.Subcommands.Add(Ban(host));
        moderate.Subcommands.Add(Unban(host));
        moderate.Subcommands.Add(Audit(host));
        return moderate;
    }

    /// <summary>The options that say which queue: state, article and order.</summary>
    private sealed class QueueOptions
    {
        public Option<string> State { get; } = Choice("--state", "Which queue", ModerationWords.Queues, "pending");

        public Option<string?> Article { get; } = new("--article") { Description = "Only this article's comments" };

        public Option<string> Sort { get; } = Choice("--sort", "score (highest first), oldest or newest", ModerationWords.QueueSorts, "score");

        public void AddTo(Command command)
        {
            command.Options.Add(State);
            command.Options.Add(Article);
            command.Options.Add(Sort);
        }

        private static Option<string> Choice(string name, string description, string[] choices, string fallback)
        {
            var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => fallback };
            option.AcceptOnlyFromAmong(choices);
            return option;
        }
    }

    private static Command Queue(ClientHost host)
    {
        var queue = new QueueOptions();
        var limit = CommentsCommands.LimitOption();
        var cursor = CommentsCommands.CursorOption();
        var command = new Command("queue", "List a page of a moderation queue with its counts; the words behind each score are highlighted");
        queue.AddTo(command);
        command.Options.Add(limit);
        command.Options.Add(cursor);
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var state = parse.GetValue(queue.State)!;
            var page = await api.GetQueueAsync(state, parse.GetValue(queue.Article), parse.GetValue(queue.Sort), parse.GetValue(limit), parse.GetValue(cursor), cancellationToken);
            QueueOutput.Write(host.Console, state, page);
            return 0;
        }));
        return command;
    }

    private static Command Decide(ClientHost host, string action, string description)
    {
        var commentId = CommentsCommands.CommentIdArgument();
        var revision = new Option<long?>("--revision")
        {
            Description = "The revision you reviewed; the service refuses (409) if the comment changed since. Default: its current revision",
            Validators = { r => { if (r.GetValueOrDefault<long?>() is < 1) { r.AddError("--revision must be positive."); } } },
        };
        var reason = new Option<string>("--reason") { Description = "offensive, abusive, spam, off-topic or other", Required = action == "reject" };
        reason.AcceptOnlyFromAmong(ModerationWords.RejectReasons);
        var note = new Option<string?>("--note") { Description = "A note for the audit trail (at most 2,000 characters)" };
        var command = new Command(action, description) { commentId, revision, reason, note };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var id = parse.GetValue(commentId)!;
            var seen = parse.GetValue(revision) ?? (await api.GetCommentAsync(id, cancellationToken)).Revision;
            var decided = await api.DecideAsync(id, new DecisionRequest(action, parse.GetValue(reason), parse.GetValue(note) ?? "", seen), cancellationToken);
            host.Console.MarkupLineInterpolated($"{(action == "approve" ? "Approved" : "Rejected")} [bold]{decided.Id}[/]: now {decided.Status}, revision {decided.Revision}.");
            return 0;
        }));
        return command;
    }

    private static Command Review(ClientHost host)
    {
        var queue = new QueueOptions();
        var command = new Command("review", "Review a queue interactively: arrows or j/k move, a approves, r rejects, b bans the author, q quits");
        queue.AddTo(command);
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            if (!host.Console.Profile.Capabilities.Interactive)
            {
                throw new UsageException("moderate review needs an interactive terminal; in scripts use moderate queue, approve and reject.");
            }

            var api = host.CreateApi(parse);
            using var http = api.Http;
            var filter = new ReviewFilter(parse.GetValue(queue.State)!, parse.GetValue(queue.Article), parse.GetValue(queue.Sort)!);
            await new ReviewSession(api, host.Console, filter).RunAsync(cancellationToken);
            return 0;
        }));
        return command;
    }

    private static Command Ban(ClientHost host)
    {
        var readerId = new Argument<string>("readerId") { Description = "The reader's id (the sub of their token)" };
        var reason = new Option<string>("--reason") { Description = "Why (kept in the audit trail)", Required = true };
        var rejectPending = new Option<bool>("--reject-pending") { Description = "Also reject the reader's held comments" };
        var command = new Command("ban", "Ban a reader from commenting and voting") { readerId, reason, rejectPending };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var ban = await api.BanAsync(parse.GetValue(readerId)!, new BanRequest(parse.GetValue(reason)!, parse.GetValue(rejectPending)), cancellationToken);
            host.Console.MarkupLineInterpolated($"Banned [bold]{ban.ReaderId}[/] ({ban.Reason}); {ban.RejectedComments} held comment(s) rejected.");
            return 0;
        }));
        return command;
    }

    private static Command Unban(ClientHost host)
    {
        var readerId = new Argument<string>("readerId") { Description = "The reader's id" };
        var command = new Command("unban", "Lift a reader's ban") { readerId };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var id = parse.GetValue(readerId)!;
            await api.UnbanAsync(id, cancellationToken);
            host.Console.MarkupLineInterpolated($"Lifted the ban on [bold]{id}[/].");
            return 0;
        }));
        return command;
    }

    private static Command Audit(ClientHost host)
    {
        var commentId = new Option<string?>("--comment") { Description = "Only decisions about this comment" };
        var moderatorId = new Option<string?>("--moderator") { Description = "Only this moderator's decisions" };
        var limit = CommentsCommands.LimitOption();
        var cursor = CommentsCommands.CursorOption();
        var command = new Command("audit", "Show the audit trail, newest first: every moderator's and the filter's decisions") { commentId, moderatorId, limit, cursor };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var page = await api.GetAuditAsync(parse.GetValue(commentId), parse.GetValue(moderatorId), parse.GetValue(limit), parse.GetValue(cursor), cancellationToken);
            if (page.Items.Count == 0)
            {
                host.Console.WriteLine("No decisions.");
                return 0;
            }

            foreach (var entry in page.Items)
            {
                var change = entry.FromStatus is null && entry.ToStatus is null ? "" : $"  {entry.FromStatus ?? "new"} -> {entry.ToStatus}";
                var reason = entry.Reason is { Length: > 0 } why ? $"  ({why})" : "";
                var score = entry.Score is null ? "" : $"  score {QueueOutput.Score(entry.Score)}";
                var note = entry.Note is { Length: > 0 } text ? $"  \"{text}\"" : "";
                host.Console.WriteLine(
                    $"{entry.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}  {entry.ModeratorId ?? Unattended(entry.Action),-10} {entry.Action,-8} " +
                    $"{entry.CommentId ?? entry.ReaderId}{change}{reason}{score}{note}");
            }

            CommentOutput.WriteNext(host.Console, page.NextCursor);
            return 0;
        }));
        return command;
    }

    /// <summary>Who acted in a record without a moderator: the reader (their erasure, their edit), the retention sweep, or the filter.</summary>
    private static string Unattended(string action) => action switch
    {
        "erase" or "edit" => "(reader)",
        "remove-text" => "(retention)",
        "promote-model" => "(retrain)",
        _ => "(filter)",
    };
}
