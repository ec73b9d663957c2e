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
        routes.MapPost("/api/articles/{articleId}/polls", CreatePoll).RequireAuthorization(Policies.Editor).ForEditors()
            .WithTags("Polls").WithSummary("Create a poll on an article.");
        routes.MapPollList();

        var polls = routes.MapGroup("/api/polls/{pollId}").WithTags("Polls");
        polls.MapGet("", GetPoll).OfAPoll().WithSummary("A poll's question, options and status.");
        polls.MapPost("/votes", Vote).RequireAuthorization(Policies.Voter).WriteLimited(WriteKind.Vote).ForReaders().OfAPoll()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Vote once; repeating the same vote is unchanged, another option is changed where allowed.");
        polls.MapGet("/votes/me", MyVote).RequireAuthorization(Policies.Voter).ForReaders().OfAPoll().WithSummary("The option this reader chose, or null before they voted.");
        polls.MapGet("/results", Results).Produces<PollResults>().ProducesProblem(StatusCodes.Status403Forbidden).OfAPoll()
            .WithSummary("Totals per option (a scale's histogram, mean and median), served from the cache; as the poll's resultsVisibility allows.");
        polls.MapGet("/events", Events).Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status403Forbidden).OfAPoll()
            .WithSummary("Server-sent events: the results now, then on every change; as the poll's resultsVisibility allows.");
        polls.MapPost("/close", Close).RequireAuthorization(Policies.Editor).ForEditors().OfAPoll().WithSummary("Close the poll to votes.");
        polls.MapPut("/schedule", Schedule).RequireAuthorization(Policies.Editor).ForEditors().OfAPoll()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Move when a poll closes by itself (closesAt; null for never) and, before it opens, when it opens (opensAt; null for now).");
        polls.MapPost("/recount", Recount).RequireAuthorization(Policies.Editor).ForEditors().OfAPoll()
            .WithSummary("Recompute the totals from every stored vote and report any difference.");
        polls.MapPollAnalytics();
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

        var kind = PollWireNames.KindOf(request.Kind)!.Value;
        var definition = new PollDefinition(
            PollIds.NewPollId(),
            articleId,
            request.Question!.Trim(),
            [.. (request.Options ?? []).Select((text, index) => new PollOption(PollIds.OptionId(index), text.Trim()))],
            request.ClosesAt?.ToUniversalTime(),
            request.AllowAnonymous ?? false,
            request.AllowVoteChange ?? false,
            now,
            options.Value.ShardCount,
            kind,
            kind == PollKind.Multiple ? request.MaxChoices ?? request.Options!.Count : 1,
            request.Scale is { Min: { } min, Max: { } max } scale && kind == PollKind.Scale
                ? new PollScale(min, max, scale.MinLabel!.Trim(), scale.MaxLabel!.Trim())
                : null,
            PollWireNames.VisibilityOf(request.ResultsVisibility)!.Value,
            request.OpensAt?.ToUniversalTime());
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
        string pollId, VoteRequest request, ClaimsPrincipal user, PollDirectory directory, ShardVoteBatcher shards, ModerationMetrics metrics,
        VoteAddressCounter addresses, IGrainFactory grains, HttpContext context)
    {
        var definition = PollIds.IsWellFormed(pollId) ? await directory.FindAsync(pollId) : null;
        if (definition is null)
        {
            return UnknownPoll(pollId);
        }

        if (!VoteChoice.TryFrom(definition, request, out var choice, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var reader = ReaderIdentity.From(user);
        var shard = VoteSharding.ShardOf(reader.Id, definition.ShardCount);
        var outcome = await shards.VoteAsync(VoteSharding.ShardKey(pollId, shard), new Ballot(reader.Id, choice, reader.IsAnonymous));
        metrics.VoteAnswered(outcome);
        if (outcome == VoteOutcome.Counted)
        {
            addresses.Count(pollId, context.Connection.RemoteIpAddress);
        }

        return outcome switch
        {
            VoteOutcome.Counted or VoteOutcome.Unchanged or VoteOutcome.Changed => TypedResults.Ok(VoteChoice.Answer(definition, choice, outcome)),
            VoteOutcome.UnknownOption => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["optionId"] = [$"The poll has no option '{request.OptionId}'."],
            }),
            VoteOutcome.PollClosed => Problem(StatusCodes.Status409Conflict, "Poll closed", "The poll is closed to votes."),
            // An editor may have moved opensAt since this silo cached the definition: the poll's grain has the time.
            VoteOutcome.NotYetOpen => NotYetOpen((await grains.GetGrain<IPollGrain>(pollId).Get())?.Definition ?? definition),
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
        var choice = await grains.GetGrain<IVoteShardGrain>(VoteSharding.ShardKey(pollId, shard)).GetVote(reader.Id);
        // Not having voted is an answer, not a missing resource: a 404 here was a failed request in every reader's console.
        return TypedResults.Ok(choice is null ? new MyVoteResponse(null) : PollResponses.MyVote(definition, choice));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Results(
        string pollId, ClaimsPrincipal user, PollDirectory directory, ResultsVisibilityGate gate, PollResultsReader results)
    {
        var definition = PollIds.IsWellFormed(pollId) ? await directory.FindAsync(pollId) : null;
        if (definition is null)
        {
            return UnknownPoll(pollId);
        }

        if (await gate.RefusalBeforeReadingAsync(definition, user) is { } refusal)
        {
            return ResultsHidden(refusal);
        }

        var json = await results.ReadJsonAsync(pollId);
        if (json is null)
        {
            return UnknownPoll(pollId);
        }

        if (definition.ResultsVisibility == ResultsVisibility.AfterClose
            && !ResultsVisibilityGate.ShowsAtStatus(definition, user, ResultsVisibilityGate.StatusOf(json)))
        {
            return ResultsHidden(ResultsVisibilityGate.HiddenUntilClose);
        }

        return TypedResults.Text(json, "application/json");
    }

    private static async Task<IResult> Events(
        string pollId, ClaimsPrincipal user, PollDirectory directory, ResultsVisibilityGate gate, PollEventsHub hub, PollResultsReader results)
    {
        var definition = PollIds.IsWellFormed(pollId) ? await directory.FindAsync(pollId) : null;
        if (definition is null)
        {
            return UnknownPoll(pollId);
        }

        if (await gate.RefusalBeforeReadingAsync(definition, user) is { } refusal)
        {
            return ResultsHidden(refusal);
        }

        return new PollEventStream(pollId, hub, results, status => ResultsVisibilityGate.ShowsAtStatus(definition, user, status));
    }

    private static async Task<Results<Ok<PollResponse>, ProblemHttpResult>> Close(string pollId, IGrainFactory grains, TimeProvider clock)
    {
        var poll = PollIds.IsWellFormed(pollId) ? await grains.GetGrain<IPollGrain>(pollId).Close() : null;
        return poll is null ? UnknownPoll(pollId) : TypedResults.Ok(PollResponses.From(poll, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<PollResponse>, ValidationProblem, ProblemHttpResult>> Schedule(
        string pollId, SchedulePollRequest request, IGrainFactory grains, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (request.ClosesAt is { } closesAt && closesAt <= now)
        {
            errors["closesAt"] = ["closesAt must be in the future."];
        }

        if (request.OpensAt is { } opensAt && opensAt <= now)
        {
            errors["opensAt"] = ["opensAt must be in the future, or null to open the poll now."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!PollIds.IsWellFormed(pollId))
        {
            return UnknownPoll(pollId);
        }

        // The poll's grain holds the times and decides against them, not this silo's cached definition.
        var change = new PollScheduleChange(request.HasClosesAt, request.ClosesAt?.ToUniversalTime(), request.HasOpensAt, request.OpensAt?.ToUniversalTime());
        var result = await grains.GetGrain<IPollGrain>(pollId).Schedule(change);
        return result.Outcome switch
        {
            PollScheduleOutcome.Moved => TypedResults.Ok(PollResponses.From(result.Poll!, clock.GetUtcNow())),
            PollScheduleOutcome.Closed => Problem(StatusCodes.Status409Conflict, "Poll closed", "The poll is closed; its schedule can no longer change."),
            PollScheduleOutcome.AlreadyOpen => Problem(StatusCodes.Status409Conflict, "Poll already open",
                "The poll has opened to votes; its opensAt can no longer change (closesAt still can)."),
            PollScheduleOutcome.ClosesBeforeOpening => TypedResults.ValidationProblem(request.HasOpensAt
                ? new Dictionary<string, string[]> { ["opensAt"] = ["opensAt must be before closesAt."] }
                : new Dictionary<string, string[]> { ["closesAt"] = ["closesAt must be after opensAt."] }),
            _ => UnknownPoll(pollId),
        };
    }

    private static async Task<Results<Ok<RecountReport>, ProblemHttpResult>> Recount(string pollId, PollDirectory directory, IGrainFactory grains)
    {
        if (!PollIds.IsWellFormed(pollId) || await directory.FindAsync(pollId) is null)
        {
            return UnknownPoll(pollId);
        }

        return TypedResults.Ok(await grains.GetGrain<IPollTallyGrain>(pollId).Recount());
    }

    private static ProblemHttpResult ResultsHidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Results hidden", detail);

    private static ProblemHttpResult NotYetOpen(PollDefinition poll)
    {
        if (poll.OpensAt is null)
        {
            // An editor opened it between the shard's refusal and this read.
            return Problem(StatusCodes.Status409Conflict, "Poll not open yet", "The poll is opening to votes now; vote again.");
        }

        var opensAt = poll.OpensAt.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict, title: "Poll not open yet", detail: $"The poll opens to votes at {opensAt}.",
            extensions: new Dictionary<string, object?> { ["opensAt"] = opensAt });
    }

    private static ProblemHttpResult UnknownPoll(string pollId) =>
        Problem(StatusCodes.Status404NotFound, "Unknown poll", $"There is no poll '{pollId}'.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
