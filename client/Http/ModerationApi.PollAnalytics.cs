using Moderation.Http.Polls;

namespace Moderation.Client.Http;

/// <summary>The editors' poll analytics: timeline and CSV export.</summary>
public sealed partial class ModerationApi
{
    public Task<PollTimelineResponse> GetTimelineAsync(string pollId, string bucket, CancellationToken cancellationToken = default) =>
        SendAsync<PollTimelineResponse>(HttpMethod.Get, $"api/polls/{Escape(pollId)}/timeline?bucket={Uri.EscapeDataString(bucket)}", null, cancellationToken);

    /// <summary>The poll's CSV export as the service wrote it.</summary>
    public async Task<string> ExportPollAsync(string pollId, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Get, $"api/polls/{Escape(pollId)}/export", null);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
