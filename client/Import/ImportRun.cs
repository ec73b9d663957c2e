using Moderation.Client.Http;
using Moderation.Http.Imports;

namespace Moderation.Client.Import;

/// <summary>What an import did, over all its passes.</summary>
internal sealed record ImportSummary(long Stored, long Existed, long WithoutArticle, long WithoutParent, long LabelsAdded, int Passes);

/// <summary>How an import sends: the source's name, whether its bodies are HTML, labels, the filter, batch size.</summary>
internal sealed record ImportSettings(string Source, bool Html, bool AsLabels, bool Rescore, int BatchSize);

/// <summary>
/// Sends a source file's comments in batches, streaming it: nothing but one batch and the ids of replies still waiting
/// for their parents is held. A reply read before its parent waits; the next pass reads the file again and sends only
/// the waiting ones, until none wait or a pass stores none of them (their parents are not in the file). The service
/// answers a comment stored before with "exists", so a run that was interrupted is resumed by running it again.
/// </summary>
internal sealed class ImportRun(ModerationApi api, ImportSettings settings, ArticleMap map)
{
    /// <summary>The most body characters in one batch, well under the service's 16 MiB body limit even in escaped JSON.</summary>
    private const long MaxBatchCharacters = 2_000_000;

    /// <param name="read">Reads the source's comments from the start of a freshly opened file.</param>
    /// <param name="progress">Told each pass's number and how far into the file it is (0 to 1).</param>
    public async Task<ImportSummary> RunAsync(
        Func<Stream, IEnumerable<SourceComment>> read, Func<Stream> open, Action<int, double> progress, CancellationToken cancellationToken)
    {
        long stored = 0, existed = 0, labels = 0, withoutArticle = 0;
        HashSet<string>? sending = null;
        for (var pass = 1; ; pass++)
        {
            var waiting = new HashSet<string>(StringComparer.Ordinal);
            await using var stream = open();
            var batch = new List<ImportCommentRequest>();
            long characters = 0;

            async Task SendAsync()
            {
                if (batch.Count == 0)
                {
                    return;
                }

                var answer = await api.ImportBatchAsync(new ImportBatchRequest(settings.Source, settings.Html, [.. batch], settings.AsLabels, settings.Rescore), cancellationToken);
                foreach (var result in answer.Results)
                {
                    switch (result.Outcome)
                    {
                        case "stored": stored++; break;
                        case "exists": existed++; break;
                        default: waiting.Add(result.SourceId); break;
                    }
                }

                labels += answer.LabelsAdded;
                batch.Clear();
                characters = 0;
                progress(pass, stream.Length == 0 ? 1 : (double)stream.Position / stream.Length);
            }

            foreach (var comment in read(stream))
            {
                if (sending is not null && !sending.Contains(comment.SourceId))
                {
                    continue;
                }

                if (map.ArticleOf(comment.Thread) is not { } article)
                {
                    withoutArticle++;
                    continue;
                }

                batch.Add(new ImportCommentRequest(
                    comment.SourceId, article, comment.ParentSourceId, comment.AuthorKey, comment.AuthorName, comment.Body,
                    comment.CreatedAt, comment.Status, comment.RejectionReason, comment.Extras));
                characters += comment.Body.Length + ExtrasCharacters(comment.Extras);
                if (batch.Count >= settings.BatchSize || characters >= MaxBatchCharacters)
                {
                    await SendAsync();
                }
            }

            await SendAsync();
            progress(pass, 1);
            if (waiting.Count == 0 || (sending is not null && waiting.Count == sending.Count))
            {
                return new ImportSummary(stored, existed, withoutArticle, waiting.Count, labels, pass);
            }

            sending = waiting;
        }
    }

    /// <summary>About how much a comment's extras add to a batch, so that a much-reacted comment counts toward its size.</summary>
    private static int ExtrasCharacters(ImportCommentExtras? extras) =>
        extras is null ? 0 : ((extras.Reactors?.Count ?? 0) * 64) + (extras.Reports?.Sum(report => 160 + (report?.Note?.Length ?? 0)) ?? 0)
            + (extras.Versions?.Sum(version => 80 + (version?.Body?.Length ?? 0)) ?? 0);
}
