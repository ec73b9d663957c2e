using Moderation.Client.Http;
using Moderation.Client.Operators;

namespace Moderation.Client.Load;

/// <summary>
/// Tokens for a load run's identities: minted locally from the signing key when there is one (the same code as
/// <c>moderation token</c>), else asked of the service's Development endpoint, a few at a time, before the clock starts.
/// </summary>
internal sealed class ReaderTokens(LoadSettings settings, ModerationApi service)
{
    private readonly TokenSource _tokens = new(service, settings.SigningKey, TimeSpan.FromHours(2));

    /// <summary>A prefix no earlier run used, so each run's readers are new to the service.</summary>
    public string RunId { get; } = Guid.NewGuid().ToString("N")[..8];

    public string Describe() => _tokens.SignsLocally ? "tokens signed locally" : "tokens from /api/dev/tokens";

    public async Task<string[]> ReadersAsync(int count, CancellationToken cancellationToken)
    {
        var tokens = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = _tokens.SignsLocally ? 1 : 8, CancellationToken = cancellationToken },
            async (index, token) => tokens[index] = await _tokens.MintAsync($"load-{RunId}-{index:D6}", [], token));
        return tokens;
    }

    public async Task<string> EditorAsync(CancellationToken cancellationToken) =>
        settings.Token ?? await _tokens.MintAsync($"load-{RunId}-editor", ["editor"], cancellationToken);
}
