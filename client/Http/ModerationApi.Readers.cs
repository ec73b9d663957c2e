using System.Net;
using System.Text.Json;
using Moderation.Http.Readers;

namespace Moderation.Client.Http;

/// <summary>A reader's rights: their export and erasure.</summary>
public sealed partial class ModerationApi
{
    /// <summary>Everything the service stores about the caller, as the service wrote it.</summary>
    public async Task<JsonElement> ExportMeAsync(CancellationToken cancellationToken = default) =>
        await SendAsync<JsonElement>(HttpMethod.Get, "api/readers/me/export", null, cancellationToken);

    /// <summary>Erases the caller, or (as a moderator) the given reader; null when done, else the job still running.</summary>
    public async Task<ErasureAccepted?> EraseAsync(string? readerId, CancellationToken cancellationToken = default)
    {
        var path = readerId is null ? "api/readers/me" : $"api/moderation/readers/{Escape(readerId)}";
        using var request = Request(HttpMethod.Delete, path, null);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return response.StatusCode == HttpStatusCode.Accepted ? await ReadAsync<ErasureAccepted>(response, cancellationToken) : null;
    }
}
