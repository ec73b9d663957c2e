using Moderation.Client.Http;
using Moderation.Http.Comments;
using Spectre.Console;

namespace Moderation.Client.Comments;

/// <summary>How comments are shown: one in full, or a page as a table.</summary>
internal static class CommentOutput
{
    public static void Write(IAnsiConsole console, PublicComment comment)
    {
        console.MarkupLineInterpolated($"Comment [bold]{comment.Id}[/] on article {comment.ArticleId}: [bold]{comment.Status}[/], revision {comment.Revision}");
        var parent = comment.ParentId is { } parentId ? $", in reply to {parentId}" : "";
        console.WriteLine($"  by {Author(comment)} at {comment.CreatedAt:u}{parent}; {comment.ReplyCount} repl{(comment.ReplyCount == 1 ? "y" : "ies")}");
        var marks = new List<string>();
        if (comment.Reactions > 0)
        {
            marks.Add($"{comment.Reactions} reaction{(comment.Reactions == 1 ? "" : "s")}");
        }

        if (comment.Featured)
        {
            marks.Add("featured");
        }

        if (comment.EditedAt is { } edited)
        {
            marks.Add($"edited at {edited:u}");
        }

        if (marks.Count > 0)
        {
            console.WriteLine("  " + string.Join("; ", marks));
        }

        console.WriteLine(comment.Deleted ? "  (deleted)" : "  " + comment.Body.ReplaceLineEndings("\n  "));
        if (comment.Versions is { Count: > 0 } versions)
        {
            console.WriteLine($"  Earlier text{(versions.Count == 1 ? "" : "s")}, oldest first:");
            foreach (var version in versions)
            {
                console.WriteLine($"    {version.WrittenAt:u}: {Excerpt(version.Body)}");
            }
        }
    }

    /// <summary>A reader's own comments with their statuses: the table of <c>comments mine</c> and <c>readers show</c>.</summary>
    public static void WriteOwn(IAnsiConsole console, IReadOnlyList<OwnComment> comments, string empty)
    {
        if (comments.Count == 0)
        {
            console.WriteLine(empty);
            return;
        }

        var table = KeepWhole(new Table().AddColumns("Comment", "Article", "Posted", "Status", "Text"), 4);
        foreach (var own in comments)
        {
            var status = own.RejectionReason is { } reason ? $"{own.Comment.Status} ({reason})" : own.Comment.Status;
            table.AddRow(
                new Text(own.Comment.Id),
                new Text(own.Comment.ArticleId),
                new Text(own.Comment.CreatedAt.ToString("yyyy-MM-dd HH:mm")),
                new Text(status),
                new Text(own.Comment.Deleted ? "(deleted)" : Excerpt(own.Comment.Body)));
        }

        console.Write(table);
    }

    public static void WritePage(IAnsiConsole console, PublicCommentPage page, string empty)
    {
        if (page.Items.Count == 0)
        {
            console.WriteLine(empty);
            return;
        }

        var table = KeepWhole(new Table().AddColumns("Comment", "Author", "Posted", "Replies", "Reactions", "Text"), 5);
        foreach (var comment in page.Items)
        {
            var text = comment.Deleted ? "(deleted)" : Excerpt(comment.Body);
            table.AddRow(
                new Text(comment.Id),
                new Text(Author(comment)),
                new Text(comment.CreatedAt.ToString("yyyy-MM-dd HH:mm")),
                new Text(comment.ReplyCount.ToString()),
                new Text(comment.Reactions.ToString()),
                new Text(comment.Featured ? $"[featured] {text}" : text));
        }

        console.Write(table);
        WriteNext(console, page.NextCursor);
    }

    public static void WriteNext(IAnsiConsole console, string? cursor)
    {
        if (cursor is not null)
        {
            console.WriteLine($"More: add --cursor {cursor}");
        }
    }

    /// <summary>Ids and figures stay on one line each; only the last columns (the text) wrap in a narrow terminal.</summary>
    public static Table KeepWhole(Table table, int columns)
    {
        foreach (var column in table.Columns.Take(columns))
        {
            column.NoWrap();
        }

        return table;
    }

    public static string Author(PublicComment comment) =>
        comment.AuthorName is { Length: > 0 } name && name != comment.AuthorId ? $"{name} ({comment.AuthorId})" : comment.AuthorId;

    /// <summary>The text on one line, cut at <paramref name="length"/> characters.</summary>
    public static string Excerpt(string body, int length = 100)
    {
        var line = body.ReplaceLineEndings(" ").Replace('\t', ' ');
        return line.Length <= length ? line : line[..(length - 3)] + "...";
    }
}
