using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moderation.Api.Auth;
using Moderation.Contracts.Polls;
using Moderation.Http.Polls;
using Moderation.Redis.Polls;

namespace Moderation.Api.Polls;

/// <summary>The editors' view of a poll: its timeline, its export and its brigading signals.</summary>
public static class PollAnalyticsApi
{
    private const int TopAddresses = 5;

    public static RouteGroupBuilder MapPollAnalytics(this RouteGroupBuilder polls)
    {
        polls.MapGet("/timeline", Timeline).RequireAuthorization(Policies.Editor).ForEditors().OfAPoll()
            .WithSummary("Votes per option per minute (bucket=1m) or hour (bucket=1h), from a snapshot of the totals per minute.");
        polls.MapGet("/export", Export).RequireAuthorization(Policies.Editor).ForEditors().OfAPoll().Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("The totals and the per-minute timeline as CSV, without reader ids.");
        polls.MapGet("/signals", Signals).RequireAuthorization(Policies.Editor).ForEditors().OfAPoll()
            .WithSummary("Brigading signals: exact signed-in and anonymous votes per option, top client addresses, peak against median rate.");
        return polls;
    }

    private static async Task<Results<Ok<PollTimelineResponse>, ValidationProblem, ProblemHttpResult>> Timeline(
        string pollId, string? bucket, PollDirectory directory, TimelineStore timeline, IGrainFactory grains)
    {
        var size = bucket switch
        {
            null or "1m" => TimeSpan.FromMinutes(1),
            "1h" => TimeSpan.FromHours(1),
            _ => TimeSpan.Zero,
        };
        if (size == TimeSpan.Zero)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["bucket"] = ["bucket is 1m or 1h."] });
        }

        var poll = PollIds.IsWellFormed(pollId) ? await directory.FindAsync(pollId) : null;
        if (poll is null)
        {
            return UnknownPoll(pollId);
        }

        var buckets = await BucketsAsync(poll, size, timeline, grains);
        return TypedResults.Ok(new PollTimelineResponse(pollId, bucket ?? "1m", buckets));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Export(
        string pollId, PollDirectory directory, TimelineStore timeline, IGrainFactory grains, HttpContext context)
    {
        var poll = PollIds.IsWellFormed(pollId) ? await directory.FindAsync(pollId) : null;
        if (poll is null)
        {
            return UnknownPoll(pollId);
        }

        var totals = await grains.GetGrain<IPollTallyGrain>(pollId).GetResults();
        var minutes = await BucketsAsync(poll, TimeSpan.FromMinutes(1), timeline, grains);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"poll-{pollId}.csv\"";
        return TypedResults.Text(PollCsv.Write(poll, totals, minutes), "text/csv; charset=utf-8");
    }

    private static async Task<Results<Ok<PollSignalsResponse>, ProblemHttpResult>> Signals(
        string pollId, PollDirectory directory, VoteStore votes, AddressStore addresses, TimelineStore timeline, IGrainFactory grains)
    {
        var poll = PollIds.IsWellFormed(pollId) ? await directory.FindAsync(pollId) : null;
        if (poll is null)
        {
            return UnknownPoll(pollId);
        }

        var shards = await Task.WhenAll(Enumerable.Range(0, poll.ShardCount).Select(shard => votes.CountSplitAsync(pollId, shard)));
        var voters = shards.Sum(shard => shard.All.Values.Sum());
        var signedInVoters = shards.Sum(shard => shard.SignedIn.Values.Sum());
        var minutes = await BucketsAsync(poll, TimeSpan.FromMinutes(1), timeline, grains);
        return TypedResults.Ok(new PollSignalsResponse(
            pollId,
            voters,
            signedInVoters,
            voters - signedInVoters,
            SplitByAnswer(poll, shards),
            AddressSignals(await addresses.ReadAsync(pollId)),
            PollTimeline.Rate(minutes)));
    }

    /// <summary>
    /// Votes per option (per scale value for a scale poll), every reader's and signed-in readers' alone. The shards count
    /// readers per stored choice, so a multiple-choice voter counts once for each option they picked.
    /// </summary>
    private static OptionSplitResponse[] SplitByAnswer(PollDefinition poll, ShardCounts[] shards)
    {
        var answers = PollAnswers.Of(poll).Select(answer => answer.Id);
        long Count(Func<ShardCounts, IReadOnlyDictionary<string, long>> counts, string answer) => shards.Sum(shard => counts(shard)
            .Where(choice => poll.Kind == PollKind.Scale ? choice.Key == answer : PollChoices.OptionIds(choice.Key).Contains(answer))
            .Sum(choice => choice.Value));
        return [.. answers.Select(answer =>
        {
            var all = Count(shard => shard.All, answer);
            var signedIn = Count(shard => shard.SignedIn, answer);
            return new OptionSplitResponse(answer, all, signedIn, all - signedIn);
        })];
    }

    /// <summary>The top addresses' shares of the votes counted with an address.</summary>
    public static AddressSignalsResponse AddressSignals(IReadOnlyDictionary<string, long> votesByAddress)
    {
        var counted = votesByAddress.Values.Sum();
        var top = votesByAddress.OrderByDescending(address => address.Value).ThenBy(address => address.Key, StringComparer.Ordinal)
            .Take(TopAddresses)
            .Select(address => new AddressShareResponse(address.Key, address.Value, Share(address.Value, counted)))
            .ToArray();
        return new AddressSignalsResponse(counted, votesByAddress.Count, Share(top.Sum(address => address.Votes), counted), top);
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

    private static async Task<IReadOnlyList<TimelineBucketResponse>> BucketsAsync(
        PollDefinition poll, TimeSpan size, TimelineStore timeline, IGrainFactory grains)
    {
        var snapshots = await timeline.ReadAsync(poll.Id);
        var current = await grains.GetGrain<IPollTallyGrain>(poll.Id).GetResults();
        return PollTimeline.Buckets(
            snapshots,
            PollAnswers.Counted(current).ToDictionary(answer => answer.Id, answer => answer.Votes),
            [.. PollAnswers.Of(poll).Select(answer => answer.Id)],
            size);
    }

    private static ProblemHttpResult UnknownPoll(string pollId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown poll", detail: $"There is no poll '{pollId}'.");
}
