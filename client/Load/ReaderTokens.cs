using Moderation.Client.Http;
using Moderation.Client.Operators;

namespace Moderation.Client.Load;

/// <summary>
/// Tokens for a load run's identities: minted locally from the signing key when there is one (the same code as
/// <c>moderation token</c>), else asked of the service's Development endpoint, a few at a time, before the clock starts.
/// </summary>
internal sealed class ReaderTokens(LoadSettings settings, ModerationApi service)
{
    private readonly TokenMinter? _minter = settings.SigningKey is { } key ? new TokenMinter(key, lifetime: TimeSpan.FromHours(2)) : null;

    /// <summary>A prefix no earlier run used, so each run's readers are new to the service.</summary>
    public string RunId { get; } = Guid.NewGuid().ToString("N")[..8];

    public string Describe() => _minter is null ? "tokens from /api/dev/tokens" : "tokens signed locally";

    public async Task<string[]> ReadersAsync(int count, CancellationToken cancellationToken)
    {
        var tokens = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = _minter is null ? 8 : 1, CancellationToken = cancellationToken },
            async (index, token) => tokens[index] = await MintAsync($"load-{RunId}-{index:D6}", [], token));
        return tokens;
    }

    public async Task<string> EditorAsync(CancellationToken cancellationToken) =>
        settings.Token ?? await MintAsync($"load-{RunId}-editor", ["editor"], cancellationToken);

    private async Task<string> MintAsync(string subject, string[] roles, CancellationToken cancellationToken) =>
        _minter is not null ? _minter.Mint(subject, subject, roles) : await service.DevTokenAsync(subject, subject, roles, cancellationToken);
}
