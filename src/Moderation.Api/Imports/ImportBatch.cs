using Moderation.Api.Comments;
using Moderation.Api.Model;
using Moderation.Contracts.Comments;
using Moderation.Http.Imports;
using Moderation.Redis.Comments;
using Moderation.Redis.Imports;

namespace Moderation.Api.Imports;

/// <summary>
/// Stores a validated batch. Comments go in rounds: a reply waits for the round that stores its parent when the parent
/// is in the same batch (wherever it stands in it), and the comments of one round are written side by side.
/// </summary>
public sealed class ImportBatch(ImportStore store, CommentParts parts, ImportIdentities identities, LabelStore labels, TimeProvider clock)
{
    /// <param name="importer">Who imports: named on the labels an import makes.</param>
    public async Task<ImportBatchResponse> StoreAsync(ImportBatchRequest request, string importer)
    {
        var source = request.Source!;
        var comments = request.Comments!.Select(comment => Imported(source, request.Html, comment!)).ToArray();
        var rounds = Rounds(request.Comments!);
        var outcomes = new ImportOutcome[comments.Length];
        foreach (var round in rounds.Select((round, index) => (round, index)).GroupBy(item => item.round, item => item.index).OrderBy(group => group.Key))
        {
            await Task.WhenAll(round.Select(async index => outcomes[index] = await store.ImportAsync(comments[index])));
        }

        var labelsAdded = request.AsLabels ? await LabelAsync(comments, outcomes, importer) : 0;
        return new ImportBatchResponse(
            [.. comments.Select((comment, index) => new ImportCommentResult(request.Comments![index]!.SourceId!, Name(outcomes[index]), comment.Id))],
            labelsAdded);
    }

    /// <summary>The stored comments the old moderators rejected become toxic labels, the published ones clean; texts labelled before are skipped.</summary>
    private async Task<int> LabelAsync(ImportedComment[] comments, ImportOutcome[] outcomes, string importer)
    {
        var at = clock.GetUtcNow();
        var examples = comments
            .Where((comment, index) => outcomes[index] != ImportOutcome.WaitingForParent)
            .Where(comment => comment.Status is CommentStatus.Published or CommentStatus.Rejected)
            .Where(comment => comment.Body.Length is > 0 and <= LabelText.MaxLength)
            .Select(comment => new ImportedLabel(comment.Body, comment.Status == CommentStatus.Rejected, comment.Source, importer, at))
            .ToList();
        return examples.Count == 0 ? 0 : (await labels.ImportAsync(examples)).Count(added => added);
    }

    private ImportedComment Imported(string source, bool html, ImportCommentRequest comment)
    {
        var articleId = comment.ArticleId!;
        var part = parts.OfArticle(articleId);
        var body = html ? HtmlText.Reduce(comment.Body!) : HtmlText.Tidy(comment.Body!);
        var exported = source == ImportValidation.ExportSource;
        return new ImportedComment(
            CommentId(source, comment.SourceId!, part),
            articleId,
            comment.ParentSourceId is { } parent ? CommentId(source, parent, part) : null,
            exported ? comment.AuthorKey!.Trim() : identities.ReaderId(comment.AuthorKey!),
            string.IsNullOrWhiteSpace(comment.AuthorName) ? null : comment.AuthorName.Trim(),
            body.Length > ImportValidation.MaxBodyLength ? body[..ImportValidation.MaxBodyLength] : body,
            comment.CreatedAt!.Value,
            comment.Status!,
            comment.RejectionReason,
            exported ? source : $"{source}:{comment.SourceId}");
    }

    /// <summary>This service's own ids come back as they were, when they name the part their article has here; others are hashed.</summary>
    private string CommentId(string source, string sourceId, int part) =>
        source == ImportValidation.ExportSource && CommentIds.IsWellFormed(sourceId) && sourceId.Length == 19 && CommentParts.OfComment(sourceId) == part
            ? sourceId
            : identities.CommentId(source, sourceId, part);

    /// <summary>Each comment's round: 0, or one more than its parent's when the parent is in the batch.</summary>
    private static int[] Rounds(IReadOnlyList<ImportCommentRequest?> comments)
    {
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < comments.Count; index++)
        {
            indexOf.TryAdd(comments[index]!.SourceId!, index);
        }

        var rounds = new int[comments.Count];
        for (var index = 0; index < comments.Count; index++)
        {
            var round = 0;
            var seen = new HashSet<int> { index };
            for (var at = index; comments[at]!.ParentSourceId is { } parent && indexOf.TryGetValue(parent, out var parentIndex) && seen.Add(parentIndex); at = parentIndex)
            {
                round++;
            }

            rounds[index] = round;
        }

        return rounds;
    }

    private static string Name(ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Stored => "stored",
        ImportOutcome.Exists => "exists",
        _ => "waiting-for-parent",
    };
}
