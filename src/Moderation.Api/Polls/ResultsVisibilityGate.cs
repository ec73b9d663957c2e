using System.Security.Claims;
using System.Text.Json;
using Moderation.Api.Auth;
using Moderation.Contracts.Polls;

namespace Moderation.Api.Polls;

/// <summary>
/// Whether a caller may see a poll's results now: editors always; readers as the poll's resultsVisibility says.
/// An always-visible poll costs nothing here, so the cached results route stays one Redis read.
/// </summary>
public sealed class ResultsVisibilityGate(IGrainFactory grains)
{
    /// <summary>Null when the results may be shown before their status is known; otherwise why not, or that the status decides.</summary>
    public async ValueTask<string?> RefusalBeforeReadingAsync(PollDefinition poll, ClaimsPrincipal user)
    {
        if (poll.ResultsVisibility != ResultsVisibility.AfterVote || IsEditor(user))
        {
            return null;
        }

        var readerId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimNames.Subject) : null;
        if (readerId is null)
        {
            return HiddenUntilVote;
        }

        var shard = VoteSharding.ShardKey(poll.Id, VoteSharding.ShardOf(readerId, poll.ShardCount));
        return await grains.GetGrain<IVoteShardGrain>(shard).GetVote(readerId) is null ? HiddenUntilVote : null;
    }

    /// <summary>Whether results with <paramref name="status"/> may be shown to this caller, as far as the close decides.</summary>
    /// <remarks>
    /// The status alone decides, not the definition's closesAt: an editor may move closesAt, and the definition here may
    /// be this silo's cached copy from before the move. The cached results expire at the poll's real closesAt, so a read
    /// after it gets them from the tally, closed.
    /// </remarks>
    public static bool ShowsAtStatus(PollDefinition poll, ClaimsPrincipal user, string? status) =>
        poll.ResultsVisibility != ResultsVisibility.AfterClose || IsEditor(user) || status == "closed";

    /// <summary>The status in published results JSON.</summary>
    public static string? StatusOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("status", out var status) ? status.GetString() : null;
    }

    public const string HiddenUntilVote = "The results of this poll are shown once you have voted.";

    public const string HiddenUntilClose = "The results of this poll are shown once it closes.";

    private static bool IsEditor(ClaimsPrincipal user) => user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin);
}
