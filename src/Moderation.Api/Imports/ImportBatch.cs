using Moderation.Api.Comments;
using Moderation.Api.Model;
using Moderation.Contracts.Comments;
using Moderation.Http.Imports;
using Moderation.Redis.Comments;
using Moderation.Redis.Imports;

namespace Moderation.Api.Imports;

/// <summary>
/// Stores a validated batch in its order, but for a reply that comes before its parent in the batch, which is stored
/// after it, so that a batch resolves its own order; a reply whose parent is in no batch yet waits for a later one.
/// </summary>
public sealed class ImportBatch(ImportStore store, ImportGate gate, CommentParts parts, ImportIdentities identities, LabelStore labels, TimeProvider clock)
{
    /// <param name="importer">Who imports: named on the audit records and the labels an import makes.</param>
    public async Task<ImportBatchResponse> StoreAsync(ImportBatchRequest request, string importer)
    {
        var source = request.Source!;
        var asTheSourceHadThem = request.Comments!.Select(comment => Imported(source, request.Html, comment!)).ToArray();
        var comments = request.Rescore ? await gate.JudgeAsync(asTheSourceHadThem) : asTheSourceHadThem;

        var order = ParentsFirst(request.Comments!);
        // An export's comments bring their audit records with them (restored from its audit lines), so they get none here.
        var stored = await store.ImportAsync([.. order.Select(index => comments[index])], source == ImportValidation.ExportSource ? null : importer);
        var outcomes = new ImportOutcome[comments.Length];
        for (var position = 0; position < order.Length; position++)
        {
            outcomes[order[position]] = stored[position];
        }

        // Labels are the old moderators' judgement, not the filter's.
        var labelsAdded = request.AsLabels ? await LabelAsync(asTheSourceHadThem, outcomes, importer) : 0;
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
            CommentId(source, articleId, comment.SourceId!, part),
            articleId,
            comment.ParentSourceId is { } parent ? CommentId(source, articleId, parent, part) : null,
            exported ? comment.AuthorKey!.Trim() : identities.ReaderId(comment.AuthorKey!),
            string.IsNullOrWhiteSpace(comment.AuthorName) ? null : comment.AuthorName.Trim(),
            body.Length > ImportValidation.MaxBodyLength ? body[..ImportValidation.MaxBodyLength] : body,
            comment.CreatedAt!.Value,
            comment.Status!,
            comment.RejectionReason,
            exported ? source : $"{source}:{comment.SourceId}",
            exported ? ExportedExtras.Verdict(comment.Extras) : null,
            exported ? ExportedExtras.Of(comment.Extras) : null);
    }

    /// <summary>This service's own ids come back as they were, when they name the part their article has here; others are hashed.</summary>
    private string CommentId(string source, string articleId, string sourceId, int part) =>
        source == ImportValidation.ExportSource && CommentIds.IsWellFormed(sourceId) && sourceId.Length == 19 && CommentParts.OfComment(sourceId) == part
            ? sourceId
            : identities.CommentId(source, articleId, sourceId, part);

    /// <summary>The batch's order, but for a reply that comes before its parent in the batch: it moves just after the parent.</summary>
    private static int[] ParentsFirst(IReadOnlyList<ImportCommentRequest?> comments)
    {
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < comments.Count; index++)
        {
            indexOf.TryAdd(comments[index]!.SourceId!, index);
        }

        var order = new List<int>(comments.Count);
        var placed = new bool[comments.Count];
        var chain = new Stack<int>();
        for (var index = 0; index < comments.Count; index++)
        {
            // The comment, then its ancestors in the batch not placed yet, placed oldest ancestor first; a cycle stops the walk.
            for (var at = index; !placed[at] && !chain.Contains(at);)
            {
                chain.Push(at);
                if (comments[at]!.ParentSourceId is not { } parent || !indexOf.TryGetValue(parent, out at))
                {
                    break;
                }
            }

            while (chain.TryPop(out var next))
            {
                placed[next] = true;
                order.Add(next);
            }
        }

        return [.. order];
    }

    private static string Name(ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Stored => "stored",
        ImportOutcome.Exists => "exists",
        _ => "waiting-for-parent",
    };
}
