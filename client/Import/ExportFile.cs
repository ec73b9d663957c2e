using System.Text.Json;
using Moderation.Http.Exports;
using Moderation.Http.Imports;

namespace Moderation.Client.Import;

/// <summary>Reads this service's export (JSON lines) as a stream, one line at a time.</summary>
internal static class ExportFile
{
    public const string Source = "export";

    /// <summary>What a file holds apart from its comments, read in one pass: article settings and the end line; polls and audit records counted.</summary>
    public sealed record Summary(IReadOnlyList<ExportArticleLine> Articles, long Polls, long AuditRecords, ExportEndLine? End);

    public static Summary Summarize(string path)
    {
        var articles = new List<ExportArticleLine>();
        long polls = 0, audits = 0;
        ExportEndLine? end = null;
        var first = true;
        foreach (var (type, line) in Lines(path))
        {
            if (first && type != ExportLineTypes.Header)
            {
                throw new InvalidDataException($"{path} does not start with an export header line: it is not this service's export.");
            }

            first = false;
            switch (type)
            {
                case ExportLineTypes.Article: articles.Add(line.Deserialize<ExportArticleLine>(ExportJson.Options)!); break;
                case ExportLineTypes.Poll: polls++; break;
                case ExportLineTypes.Audit: audits++; break;
                case ExportLineTypes.End: end = line.Deserialize<ExportEndLine>(ExportJson.Options); break;
            }
        }

        return new Summary(articles, polls, audits, end);
    }

    /// <summary>The comments, in the file's order, which is the order they were stored (a reply after its parent).</summary>
    public static IEnumerable<SourceComment> ReadComments(Stream stream)
    {
        foreach (var (type, line) in Lines(stream))
        {
            if (type == ExportLineTypes.Comment)
            {
                var comment = line.Deserialize<ExportCommentLine>(ExportJson.Options)!;
                yield return new SourceComment(
                    comment.Id, new SourceThread(comment.ArticleId, null, null), comment.ParentId, comment.AuthorId, comment.AuthorName,
                    comment.Body, comment.CreatedAt, comment.Status, comment.RejectionReason, Extras(comment));
            }
        }
    }

    /// <summary>A comment line's extras as the import takes them; null when it has none (as in files from before they were exported).</summary>
    private static ImportCommentExtras? Extras(ExportCommentLine comment) =>
        comment is { Reactors: null or [], Featured: false, Reports: null or [], ReportsAtReview: 0, Reported: false, Score: null, EditedAt: null, Versions: null or [], Reasons: null or [] }
            ? null
            : new ImportCommentExtras(
                comment.Reactors, comment.Featured, comment.Reports, comment.ReportsAtReview, comment.Reported,
                comment.Score, comment.ModelVersion, comment.Reasons, comment.Explanation, comment.EditedAt, comment.Versions);

    /// <summary>The polls, each followed by its ballots, in the file's order, read as a stream: each item a poll line or a ballot line.</summary>
    public static IEnumerable<object> ReadPolls(string path)
    {
        foreach (var (type, line) in Lines(path))
        {
            switch (type)
            {
                case ExportLineTypes.Poll: yield return line.Deserialize<ExportPollLine>(ExportJson.Options)!; break;
                case ExportLineTypes.Ballot: yield return line.Deserialize<ExportBallotLine>(ExportJson.Options)!; break;
            }
        }
    }

    /// <summary>The audit records, in the file's order (per part, oldest first), read as a stream.</summary>
    public static IEnumerable<ImportAuditRecord> ReadAudit(string path)
    {
        foreach (var (type, line) in Lines(path))
        {
            if (type == ExportLineTypes.Audit)
            {
                var record = line.Deserialize<ExportAuditLine>(ExportJson.Options)!;
                yield return new ImportAuditRecord(
                    record.At, record.ModeratorId, record.CommentId, record.ReaderId, record.Action, record.Reason, record.Note,
                    record.FromStatus, record.ToStatus, record.Score);
            }
        }
    }

    private static IEnumerable<(string Type, JsonElement Line)> Lines(string path)
    {
        using var stream = File.OpenRead(path);
        foreach (var line in Lines(stream))
        {
            yield return line;
        }
    }

    private static IEnumerable<(string Type, JsonElement Line)> Lines(Stream stream)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (text.Length == 0)
            {
                continue;
            }

            JsonElement line;
            try
            {
                line = JsonDocument.Parse(text).RootElement;
            }
            catch (JsonException bad)
            {
                throw new InvalidDataException($"Line {number} of the export is not JSON: {bad.Message}");
            }

            yield return (line.TryGetProperty("type", out var type) ? type.GetString() ?? "" : "", line);
        }
    }
}
