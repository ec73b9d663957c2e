using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Moderation.Api.Polls;
using Moderation.Contracts.Articles;
using Moderation.Contracts.Polls;
using Moderation.Http.Imports;
using Moderation.Http.Polls;

namespace Moderation.Api.Imports;

/// <summary>
/// Restores the polls of this service's export: each poll as it was defined (its id, options, schedule, closed state),
/// then its ballots through its vote shards, so the tallies are counted from the ballots and every reader still has at
/// most one vote. Both are idempotent: a poll that exists is left as it is, and a reader who has a vote keeps it.
/// </summary>
public static class PollImport
{
    public const int MaxBallotsPerBatch = 1000;

    public static async Task<Results<Ok<ImportPollResponse>, ValidationProblem>> RestorePoll(
        ImportPollRequest request, IGrainFactory grains, IOptions<PollsOptions> options)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var poll = grains.GetGrain<IPollGrain>(request.Id!);
        var existed = await poll.Get() is not null;
        var kind = PollWireNames.KindOf(request.Kind)!.Value;
        var definition = new PollDefinition(
            request.Id!,
            request.ArticleId!,
            request.Question!,
            [.. request.Options!.Select(option => new PollOption(option!.Id, option.Text))],
            request.ClosesAt,
            request.AllowAnonymous,
            request.AllowVoteChange,
            request.CreatedAt!.Value,
            options.Value.ShardCount,
            kind,
            kind == PollKind.Multiple ? request.MaxChoices ?? request.Options!.Count : 1,
            request.Scale is { } scale && kind == PollKind.Scale ? new PollScale(scale.Min, scale.Max, scale.MinLabel, scale.MaxLabel) : null,
            PollWireNames.VisibilityOf(request.ResultsVisibility)!.Value,
            request.OpensAt);
        await poll.Create(definition);
        await grains.GetGrain<IArticleGrain>(request.ArticleId!).AttachPoll(request.Id!);
        if (request.Closed)
        {
            await poll.Close();
        }

        return TypedResults.Ok(new ImportPollResponse(existed ? "exists" : "stored"));
    }

    public static async Task<Results<Ok<ImportBallotsResponse>, ValidationProblem, ProblemHttpResult>> RestoreBallots(
        string pollId, ImportBallotsRequest request, IGrainFactory grains)
    {
        var poll = PollIds.IsWellFormed(pollId) ? await grains.GetGrain<IPollGrain>(pollId).Get() : null;
        if (poll is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown poll", detail: $"There is no poll '{pollId}': import its poll line first.");
        }

        var errors = Validate(request, poll.Definition);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var ballots = request.Ballots!.Select(ballot => new Ballot(ballot!.ReaderId!, ballot.Choice!, !ballot.SignedIn)).ToArray();
        var counted = await Task.WhenAll(ballots
            .GroupBy(ballot => VoteSharding.ShardOf(ballot.ReaderId, poll.Definition.ShardCount))
            .Select(shard => grains.GetGrain<IVoteShardGrain>(VoteSharding.ShardKey(pollId, shard.Key)).Restore([.. shard])));
        // The shards have reported their tallies; published now, the results are the ballots' as the call returns.
        await grains.GetGrain<IPollTallyGrain>(pollId).Publish();
        return TypedResults.Ok(new ImportBallotsResponse(counted.Sum(), ballots.Length - counted.Sum()));
    }

    private static Dictionary<string, string[]> Validate(ImportPollRequest request)
    {
        var options = request.Options ?? [];
        var errors = CreatePollValidation.Validate(
            new CreatePollRequest(
                request.Question, [.. options.Select(option => option?.Text ?? "")], request.ClosesAt, request.AllowAnonymous, request.AllowVoteChange,
                request.Kind, PollWireNames.KindOf(request.Kind) == PollKind.Multiple ? request.MaxChoices : null,
                request.Scale is { } scale ? new PollScaleShape(scale.Min, scale.Max, scale.MinLabel, scale.MaxLabel) : null,
                request.ResultsVisibility, request.OpensAt),
            DateTimeOffset.MinValue);
        if (!PollIds.IsWellFormed(request.Id))
        {
            errors["id"] = ["The id is a poll id of this service."];
        }

        if (!ArticleIds.IsValid(request.ArticleId))
        {
            errors["articleId"] = ["The articleId is 1 to 128 of A-Za-z0-9._-."];
        }

        if (request.CreatedAt is null)
        {
            errors["createdAt"] = ["The createdAt time is required."];
        }

        if (options.Select((option, index) => option?.Id == PollIds.OptionId(index)).Contains(false))
        {
            errors["options"] = ["Each option has its id as this service made it: o1, o2, ... in order."];
        }

        return errors;
    }

    private static Dictionary<string, string[]> Validate(ImportBallotsRequest request, PollDefinition poll)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Ballots is not { Count: > 0 and <= MaxBallotsPerBatch })
        {
            errors["ballots"] = [$"A batch has 1 to {MaxBallotsPerBatch} ballots."];
            return errors;
        }

        var readers = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < request.Ballots.Count; index++)
        {
            var problem = request.Ballots[index] switch
            {
                null => "A ballot is required.",
                { ReaderId: null or "" } or { ReaderId.Length: > 200 } => "The readerId is 1 to 200 characters.",
                { Choice: null } => "The choice is required.",
                { } ballot when !PollChoices.IsValid(poll, ballot.Choice) => "The choice is not one of the poll's: an option id, option ids in the poll's order joined by commas, or a value on its scale.",
                { } ballot when !readers.Add(ballot.ReaderId) => "A reader has one ballot in a batch.",
                _ => null,
            };
            if (problem is not null)
            {
                errors[$"ballots[{index}]"] = [problem];
            }
        }

        return errors;
    }
}
