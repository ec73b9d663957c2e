using System.Globalization;
using Moderation.Client.Comments;
using Moderation.Client.Http;
using Moderation.Http.Moderators;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Moderation.Client.Moderators;

/// <summary>Draws the review session: where in the queue, the current comment with its highlighted words, the last outcome and the keys.</summary>
internal static class ReviewScreen
{
    public static IRenderable Render(ReviewSession session)
    {
        var header = new Markup(
            $"[bold]Review[/]: {Markup.Escape(session.Filter.Describe())}; pending {session.Counts.Pending:N0}, reported {session.Counts.Reported:N0}; " +
            $"item {session.Index + 1} of {session.Items.Count}{(session.HasMore ? "+" : "")}");
        var rows = new List<IRenderable> { header };
        if (session.Current is { } item)
        {
            rows.Add(Item(item));
        }

        if (session.Status is { } status)
        {
            rows.Add(new Markup(status));
        }

        rows.Add(new Markup($"[grey]{Markup.Escape(ReviewKeys.Legend)}[/]"));
        return new Rows(rows);
    }

    private static Panel Item(QueueItemResponse item)
    {
        var comment = item.Comment;
        var details = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        details.AddRow("author", Markup.Escape(CommentOutput.Author(comment)));
        details.AddRow("posted", comment.CreatedAt.ToString("u", CultureInfo.InvariantCulture) + (comment.ParentId is { } parent ? $", in reply to {Markup.Escape(parent)}" : ""));
        details.AddRow("status", $"{Markup.Escape(comment.Status)}, revision {comment.Revision}");
        details.AddRow("score", $"{QueueOutput.Score(item.Score)}{(item.ModelVersion is { } version ? $" (model {Markup.Escape(version)})" : "")}");
        details.AddRow("reasons", Markup.Escape(item.Reasons.Count == 0 ? "none" : string.Join(", ", item.Reasons)));
        details.AddRow("reports", Markup.Escape(QueueOutput.Reports(item.Reports)));
        details.AddRow("explanation", Markup.Escape(ExplanationMarkup.Describe(item.Explanation)));
        var body = comment.Deleted ? new Markup("[grey](deleted)[/]") : new Markup(ExplanationMarkup.Highlight(comment.Body, item.Explanation));
        return new Panel(new Rows(details, new Text(""), body))
            .Header($" {Markup.Escape(comment.Id)} on {Markup.Escape(comment.ArticleId)} ")
            .Expand();
    }
}
