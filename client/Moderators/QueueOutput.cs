using System.Globalization;
using Moderation.Client.Comments;
using Moderation.Client.Http;
using Moderation.Http.Moderators;
using Spectre.Console;

namespace Moderation.Client.Moderators;

/// <summary>A queue page: a line of facts per comment, then its text with the explanation words highlighted.</summary>
internal static class QueueOutput
{
    public static void Write(IAnsiConsole console, string state, QueueResponse queue)
    {
        console.MarkupLineInterpolated($"Queue [bold]{state}[/]: {queue.Items.Count} shown; pending {queue.Counts.Pending:N0}, reported {queue.Counts.Reported:N0}");
        if (queue.Items.Count == 0)
        {
            return;
        }

        foreach (var item in queue.Items)
        {
            var comment = item.Comment;
            var reasons = item.Reasons.Count == 0 ? "" : $"  {string.Join(", ", item.Reasons)}";
            console.MarkupLine(
                $"[bold]{Markup.Escape(comment.Id)}[/]  {Markup.Escape(comment.ArticleId)}  score {Score(item.Score)}  rev {comment.Revision}" +
                $"  by {Markup.Escape(CommentOutput.Author(comment))}{Markup.Escape(reasons)}  reports {Markup.Escape(Reports(item.Reports))}");
            console.MarkupLine("  " + (comment.Deleted ? "(deleted)" : ExplanationMarkup.Highlight(CommentOutput.Excerpt(comment.Body, 300), item.Explanation)));
        }

        CommentOutput.WriteNext(console, queue.NextCursor);
    }

    public static string Score(double? score) => score is { } value ? value.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    /// <summary><c>3 (spam 2, other 1)</c>, or <c>0</c>.</summary>
    public static string Reports(IReadOnlyList<ReportResponse> reports) => reports.Count == 0
        ? "0"
        : $"{reports.Count} ({string.Join(", ", reports.GroupBy(r => r.Reason).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"))})";
}
