using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Moderation.Api.Articles;
using Moderation.Api.Auth;
using Moderation.Api.RateLimits;
using Moderation.Api.Telemetry;
using Moderation.Contracts.Articles;
using Moderation.Contracts.Polls;
using Moderation.Http.Polls;

namespace Moderation.Api.Polls;

public static class PollsApi
{
    public static RouteGroupBuilder MapPolls(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/articles/{articleId}/polls", CreatePoll).RequireAuthorization(Policies.Editor)
            .WithTags("Polls").WithSummary("Create a poll on an article.");

        var polls = routes.MapGroup("/api/polls/{pollId}").WithTags("Polls");
        polls.MapGet("", GetPoll).WithSummary("A poll's question, options and status.");
        polls.MapPost("/votes", Vote).RequireAuthorization(Policies.Voter).WriteLimited(WriteKind.Vote)
            .WithSummary("Vote once; repeating the same vote is unchanged, another option is changed where allowed.");
        polls.MapGet("/votes/me", MyVote).RequireAuthorization(Policies.Voter).WithSummary("The option this reader chose, or null before they voted.");
        polls.MapGet("/results", Results).Produces<PollResults>().WithSummary("Totals per option, served from the cache.");
        polls.MapGet("/events", Events).Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .WithSummary("Server-sent events: the results now, then on every change.");
        polls.MapPost("/close", Close).RequireAuthorization(Policies.Editor).WithSummary("Close the poll to votes.");
        polls.MapPost("/recount", Recount).RequireAuthorization(Policies.Editor)
            .WithSummary("Recompute the totals from every stored vote and report any difference.");
        return polls;
    }

    private static async Task<Results<Created<PollResponse>, ValidationProblem>> CreatePoll(
        string articleId, CreatePollRequest request, IGrainFactory grains, IOptions<PollsOptions> options, TimeProvider clock)
    {
        if (!ArticleIds.IsValid(articleId))
        {
            return ArticlesApi.InvalidArticleId();
        }

        var now = clock.GetUtcNow();
        var errors = CreatePollValidation.Validate(request, now);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var definition = new PollDefinition(
            PollIds.NewPollId(),
            articleId,
            request.Question!.Trim(),
            [.. request.Options!.Select((text, index) => new PollOption(PollIds.OptionId(index), text.Trim()))],
            request.ClosesAt?.ToUniversalTime(),
            request.AllowAnonymous ?? false,
            request.AllowVoteChange ?? false,
            now,
            options.Value.ShardCount);
        var poll = await grains.GetGrain<IPollGrain>(definition.Id).Create(definition);
        await grains.GetGrain<IArticleGrain>(articleId).AttachPoll(definition.Id);
        return TypedResults.Created($"/api/polls/{definition.Id}", PollResponses.From(poll, now));
    }

    private static async Task<Results<Ok<PollResponse>, ProblemHttpResult>> GetPoll(string pollId, IGrainFactory grains, TimeProvider clock)
    {
        var poll = PollIds.IsWellFormed(pollId) ? await grains.GetGrain<IPollGrain>(pollId).Get() : null;
        return poll is null ? UnknownPoll(pollId) : TypedResults.Ok(PollResponses.From(poll, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<VoteResponse>, ValidationProblem, ProblemHttpResult>> Vote(
        string pollId, VoteRequest request, ClaimsPrincipal user, PollDirectory directory, ShardVoteBatcher shards, ModerationMetrics metrics)
    {
        if (string.IsNullOrWhiteSpace(request.OptionId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["optionId"] = ["optionId is required."] });
        }

        var definition = PollIds.IsWellFormed(pollId) ? await directory.FindAsync(pollId) : null;
        if (definition is null)
        {
            return UnknownPoll(pollId);
        }

        var reader = ReaderIdentity.From(user);
        var shard = VoteSharding.ShardOf(reader.Id, definition.ShardCount);
        var outcome = await shards.VoteAsync(VoteSharding.ShardKey(pollId, shard), new Ballot(reader.Id, request.OptionId, reader.IsAnonymous));
        metrics.VoteAnswered(outcome);
        return outcome switch
        {
            VoteOutcome.Counted or VoteOutcome.Unchanged or VoteOutcome.Changed =>
                TypedResults.Ok(new VoteResponse(pollId, request.OptionId, outcome.ToString().ToLowerInvariant())),
            VoteOutcome.UnknownOption => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["optionId"] = [$"The poll has no option '{request.OptionId}'."],
            }),
            VoteOutcome.PollClosed => Problem(StatusCodes.Status409Conflict, "Poll closed", "The poll is closed to votes."),
            VoteOutcome.ChangeNotAllowed => Problem(StatusCodes.Status409Conflict, "Vote already cast",
                "You voted for another option and this poll does not allow changing a vote."),
            VoteOutcome.AnonymousNotAllowed => Problem(StatusCodes.Status403Forbidden, "Sign-in required",
                "This poll does not take anonymous votes."),
            VoteOutcome.Banned => Problem(StatusCodes.Status403Forbidden, "Banned", "You are banned from voting and commenting on this site."),
            _ => UnknownPoll(pollId),
        };
    }

    private static async Task<Results<Ok<MyVoteResponse>, ProblemHttpResult>> MyVote(
        string pollId, ClaimsPrincipal user, PollDirectory directory, IGrainFactory grains)
    {
        var definition = PollIds.IsWellFormed(pollId) ? await directory.FindAsync(pollId) : null;
        if (definition is null)
        {
            return UnknownPoll(pollId);
        }

        var reader = ReaderIdentity.From(user);
        var shard = VoteSharding.ShardOf(reader.Id, definition.ShardCount);
        var optionId = await grains.GetGrain<IVoteShardGrain>(VoteSharding.ShardKey(pollId, shard)).GetVote(reader.Id);
        // Not having voted is an answer, not a missing resource: a 404 here was a failed request in every reader's console.
        return TypedResults.Ok(new MyVoteResponse(optionId));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Results(string pollId, PollResultsReader results)
    {
        var json = PollIds.IsWellFormed(pollId) ? await results.ReadJsonAsync(pollId) : null;
        return json is null ? UnknownPoll(pollId) : TypedResults.Text(json, "application/json");
    }

    private static async Task<IResult> Events(
        string pollId, PollDirectory directory, PollEventsHub hub, PollResultsReader results)
    {
        if (!PollIds.IsWellFormed(pollId) || await directory.FindAsync(pollId) is null)
        {
            return UnknownPoll(pollId);
        }

        return new PollEventStream(pollId, hub, results);
    }

    private static async Task<Results<Ok<PollResponse>, ProblemHttpResult>> Close(string pollId, IGrainFactory grains, TimeProvider clock)
    {
        var poll = PollIds.IsWellFormed(pollId) ? await grains.GetGrain<IPollGrain>(pollId).Close() : null;
        return poll is null ? UnknownPoll(pollId) : TypedResults.Ok(PollResponses.From(poll, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<RecountReport>, ProblemHttpResult>> Recount(string pollId, PollDirectory directory, IGrainFactory grains)
    {
        if (!PollIds.IsWellFormed(pollId) || await directory.FindAsync(pollId) is null)
        {
            return UnknownPoll(pollId);
        }

        return TypedResults.Ok(await grains.GetGrain<IPollTallyGrain>(pollId).Recount());
    }

    private static ProblemHttpResult UnknownPoll(string pollId) =>
        Problem(StatusCodes.Status404NotFound, "Unknown poll", $"There is no poll '{pollId}'.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
