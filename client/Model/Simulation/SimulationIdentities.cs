using Moderation.Client.Http;
using Moderation.Client.Operators;

namespace Moderation.Client.Model.Simulation;

/// <summary>
/// Who a simulation acts as: one moderator (the <c>--token</c>, else minted) and a fresh reader per comment, so the
/// service's one-comment-per-interval rule never slows the replay.
/// </summary>
internal sealed class SimulationIdentities(ModerationApi service, string? signingKey, string runId)
{
    private readonly TokenSource _tokens = new(service, signingKey, TimeSpan.FromHours(6));

    public async Task<string> ModeratorAsync(string? given, CancellationToken cancellationToken) =>
        given ?? await _tokens.MintAsync($"simulate-{runId}-moderator", ["moderator"], cancellationToken);

    public Task<string> ReaderAsync(int index, CancellationToken cancellationToken) =>
        _tokens.MintAsync($"simulate-{runId}-reader-{index:D6}", [], cancellationToken);
}
