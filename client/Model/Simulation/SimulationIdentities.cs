using Moderation.Client.Http;
using Moderation.Client.Operators;

namespace Moderation.Client.Model.Simulation;

/// <summary>
/// Who a simulation acts as: one moderator (the <c>--token</c>, else minted) and a fresh reader per comment, so the
/// service's one-comment-per-interval rule never slows the replay. Tokens are signed locally with the signing key
/// when there is one, else asked of a Development service.
/// </summary>
internal sealed class SimulationIdentities(ModerationApi service, string? signingKey, string runId)
{
    private readonly TokenMinter? _minter = signingKey is null ? null : new TokenMinter(signingKey, lifetime: TimeSpan.FromHours(6));

    public async Task<string> ModeratorAsync(string? given, CancellationToken cancellationToken) =>
        given ?? await MintAsync($"simulate-{runId}-moderator", ["moderator"], cancellationToken);

    public Task<string> ReaderAsync(int index, CancellationToken cancellationToken) =>
        MintAsync($"simulate-{runId}-reader-{index:D6}", [], cancellationToken);

    private async Task<string> MintAsync(string subject, string[] roles, CancellationToken cancellationToken) =>
        _minter is not null ? _minter.Mint(subject, subject, roles) : await service.DevTokenAsync(subject, subject, roles, cancellationToken);
}
