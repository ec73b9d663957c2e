using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Moderation.Contracts.Comments;
using Moderation.Http.Comments;
using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>Turns a comment's Redis hash into a <see cref="CommentView"/>.</summary>
internal static class CommentRecords
{
    public static CommentView? Parse(HashEntry[] entries)
    {
        if (entries.Length == 0)
        {
            return null;
        }

        var fields = entries.ToDictionary(entry => (string)entry.Name!, entry => (string?)entry.Value ?? "");
        if (!fields.ContainsKey(CommentFields.Status))
        {
            return null;
        }

        string Text(string name) => fields.GetValueOrDefault(name) ?? "";
        string? Optional(string name) => string.IsNullOrEmpty(Text(name)) ? null : Text(name);
        long Number(string name) => long.TryParse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

        return new CommentView(
            Text(CommentFields.Id),
            Text(CommentFields.ArticleId),
            Optional(CommentFields.ParentId),
            Optional(CommentFields.ThreadParentId),
            (int)Number(CommentFields.Depth),
            Text(CommentFields.AuthorId),
            Optional(CommentFields.AuthorName),
            Text(CommentFields.Body),
            DateTimeOffset.FromUnixTimeMilliseconds(Number(CommentFields.CreatedAt)),
            Number(CommentFields.Sequence),
            Text(CommentFields.Status),
            Number(CommentFields.Revision),
            Number(CommentFields.ReplyCount),
            double.TryParse(Text(CommentFields.Score), NumberStyles.Float, CultureInfo.InvariantCulture, out var score) ? score : null,
            Optional(CommentFields.ModelVersion),
            [.. Text(CommentFields.Reasons).Split(',', StringSplitOptions.RemoveEmptyEntries)],
            ParseExplanation(Optional(CommentFields.Explanation)),
            Number(CommentFields.ReportCount),
            Number(CommentFields.Reactions),
            Text(CommentFields.Featured) == "1",
            Optional(CommentFields.RejectionReason),
            Optional(CommentFields.EditedAt) is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(Number(CommentFields.EditedAt)));
    }

    public static string ExplanationJson(ImmutableArray<ScoreTerm> terms) => JsonSerializer.Serialize(terms, PublicComment.JsonOptions);

    private static ImmutableArray<ScoreTerm> ParseExplanation(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<ImmutableArray<ScoreTerm>>(json, PublicComment.JsonOptions);

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
