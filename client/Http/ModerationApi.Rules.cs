using Moderation.Http.Rules;

namespace Moderation.Client.Http;

/// <summary>The site's own rules: its banned and suspect word lists and its trust settings.</summary>
public sealed partial class ModerationApi
{
    public Task<WordListsResponse> GetWordListsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<WordListsResponse>(HttpMethod.Get, "api/moderation/rules/words", null, cancellationToken);

    public Task<WordListsResponse> ReplaceWordListsAsync(WordListsRequest lists, CancellationToken cancellationToken = default) =>
        SendAsync<WordListsResponse>(HttpMethod.Put, "api/moderation/rules/words", lists, cancellationToken);

    public Task<TrustSettingsResponse> GetTrustSettingsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<TrustSettingsResponse>(HttpMethod.Get, "api/moderation/rules/trust", null, cancellationToken);

    public Task<TrustSettingsResponse> ReplaceTrustSettingsAsync(TrustSettingsRequest settings, CancellationToken cancellationToken = default) =>
        SendAsync<TrustSettingsResponse>(HttpMethod.Put, "api/moderation/rules/trust", settings, cancellationToken);
}
