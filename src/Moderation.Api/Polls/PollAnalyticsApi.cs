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
        polls.MapGet("/timeline", Timeline).RequireAuthorization(Policies.Editor)
            .WithSummary("Votes per option per minute (bucket=1m) or hour (bucket=1h), from a snapshot of the totals per minute.");
        polls.MapGet("/export", Export).RequireAuthorization(Policies.Editor).Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("The totals and the per-minute timeline as CSV, without reader ids.");
        polls.MapGet("/signals", Signals).RequireAuthorization(Policies.Editor)
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
        var options = poll.Options.Select(option =>
        {
            var all = shards.Sum(shard => shard.All.GetValueOrDefault(option.Id));
            var signedIn = shards.Sum(shard => shard.SignedIn.GetValueOrDefault(option.Id));
            return new OptionSplitResponse(option.Id, all, signedIn, all - signedIn);
        }).ToArray();
        var minutes = await BucketsAsync(poll, TimeSpan.FromMinutes(1), timeline, grains);
        return TypedResults.Ok(new PollSignalsResponse(
            pollId,
            options.Sum(option => option.Votes),
            options.Sum(option => option.SignedIn),
            options.Sum(option => option.Anonymous),
            options,
            AddressSignals(await addresses.ReadAsync(pollId)),
            PollTimeline.Rate(minutes)));
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
            snapshots, current.Options.ToDictionary(option => option.Id, option => option.Votes), [.. poll.Options.Select(option => option.Id)], size);
    }

    private static ProblemHttpResult UnknownPoll(string pollId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown poll", detail: $"There is no poll '{pollId}'.");
}
