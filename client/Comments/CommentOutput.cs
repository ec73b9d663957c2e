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
        console.WriteLine(comment.Deleted ? "  (deleted)" : "  " + comment.Body.ReplaceLineEndings("\n  "));
    }

    public static void WritePage(IAnsiConsole console, PublicCommentPage page, string empty)
    {
        if (page.Items.Count == 0)
        {
            console.WriteLine(empty);
            return;
        }

        var table = KeepWhole(new Table().AddColumns("Comment", "Author", "Posted", "Replies", "Text"), 4);
        foreach (var comment in page.Items)
        {
            table.AddRow(
                new Text(comment.Id),
                new Text(Author(comment)),
                new Text(comment.CreatedAt.ToString("yyyy-MM-dd HH:mm")),
                new Text(comment.ReplyCount.ToString()),
                new Text(comment.Deleted ? "(deleted)" : Excerpt(comment.Body)));
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
