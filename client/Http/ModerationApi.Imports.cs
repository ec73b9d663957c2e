using Moderation.Http.Imports;

namespace Moderation.Client.Http;

/// <summary>Imports and exports of a site's comments.</summary>
public sealed partial class ModerationApi
{
    /// <summary>The most comments one import batch may carry.</summary>
    public const int MaxCommentsPerImportBatch = 1000;

    public Task<ImportBatchResponse> ImportBatchAsync(ImportBatchRequest batch, CancellationToken cancellationToken = default) =>
        SendAsync<ImportBatchResponse>(HttpMethod.Post, "api/imports/batches", batch, cancellationToken);

    /// <summary>The most audit records one restore request may carry.</summary>
    public const int MaxRecordsPerAuditImport = 1000;

    public Task<ImportAuditResponse> ImportAuditAsync(ImportAuditRequest records, CancellationToken cancellationToken = default) =>
        SendAsync<ImportAuditResponse>(HttpMethod.Post, "api/imports/audit", records, cancellationToken);

    /// <summary>The most ballots one restore request may carry.</summary>
    public const int MaxBallotsPerImport = 1000;

    public Task<ImportPollResponse> ImportPollAsync(ImportPollRequest poll, CancellationToken cancellationToken = default) =>
        SendAsync<ImportPollResponse>(HttpMethod.Post, "api/imports/polls", poll, cancellationToken);

    public Task<ImportBallotsResponse> ImportBallotsAsync(string pollId, ImportBallotsRequest ballots, CancellationToken cancellationToken = default) =>
        SendAsync<ImportBallotsResponse>(HttpMethod.Post, $"api/imports/polls/{Escape(pollId)}/ballots", ballots, cancellationToken);

    /// <summary>Copies the export of the site, or of one article, to <paramref name="destination"/> as the service streams it.</summary>
    /// <param name="copied">Told how many bytes have been copied so far.</param>
    public async Task ExportAsync(string? articleId, Stream destination, Action<long> copied, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Get, articleId is null ? "api/export" : $"api/export?articleId={Escape(articleId)}", null);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
            copied(total);
        }
    }
}
