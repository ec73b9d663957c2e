using Moderation.Http.Imports;

namespace Moderation.Client.Http;

/// <summary>Imports and exports of a site's comments.</summary>
public sealed partial class ModerationApi
{
    /// <summary>The most comments one import batch may carry.</summary>
    public const int MaxCommentsPerImportBatch = 1000;

    public Task<ImportBatchResponse> ImportBatchAsync(ImportBatchRequest batch, CancellationToken cancellationToken = default) =>
        SendAsync<ImportBatchResponse>(HttpMethod.Post, "api/imports/batches", batch, cancellationToken);
}
