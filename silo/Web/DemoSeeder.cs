using Microsoft.Extensions.Options;
using Moderation.Api.Auth;
using Moderation.Api.Comments;
using Moderation.Api.Polls;
using Moderation.Api.Toxicity;
using Moderation.Contracts.Articles;
using Moderation.Contracts.Polls;
using Moderation.Http.Comments;
using StackExchange.Redis;

namespace Moderation.Silo.Web;

/// <summary>
/// In Development, on the first start over a data store, gives the demo article its poll, some votes and a first
/// conversation, so that <c>dotnet run --project silo</c> shows the product at once. A marker key in the store makes
/// it run once per store; each step is also safe to repeat (the poll is reused, votes are per reader, comments go only into an empty thread) should a
/// start be cut short before the marker is written.
/// </summary>
public sealed class DemoSeeder(
    IHostEnvironment environment,
    IOptions<WebOptions> options,
    IHostApplicationLifetime lifetime,
    IConnectionMultiplexer redis,
    IGrainFactory grains,
    ModelHost model,
    CommentGate gate,
    IOptions<PollsOptions> pollsOptions,
    TimeProvider clock,
    DemoSeeding seeding,
    ILogger<DemoSeeder> logger) : BackgroundService
{
    public const string MarkerKey = "moderation:web:demo-seeded";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!environment.IsDevelopment() || !options.Value.SeedDemo)
        {
            seeding.Finished();
            return;
        }

        try
        {
            await WhenStartedAsync(stoppingToken);
            var database = redis.GetDatabase();
            if (await database.KeyExistsAsync(MarkerKey))
            {
                seeding.Finished();
                return;
            }

            await WhenModelLoadedAsync(stoppingToken);
            var pollId = await SeedPollAsync();
            await SeedVotesAsync(pollId);
            await SeedCommentsAsync();
            await database.StringSetAsync(MarkerKey, pollId);
            logger.LogInformation("Seeded the demo article {ArticleId} with poll {PollId}", DemoArticle.Id, pollId);
            seeding.Finished();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            seeding.Failed("The service stopped first.");
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "The demo article could not be seeded");
            seeding.Failed(exception.Message);
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    private async Task WhenModelLoadedAsync(CancellationToken stoppingToken)
    {
        while (model.Scorer is null)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken);
        }
    }

    private async Task<string> SeedPollAsync()
    {
        var article = grains.GetGrain<IArticleGrain>(DemoArticle.Id);
        var existing = await article.Get();
        if (!existing.PollIds.IsDefaultOrEmpty)
        {
            return existing.PollIds[0];
        }

        var definition = new PollDefinition(
            PollIds.NewPollId(),
            DemoArticle.Id,
            DemoArticle.Question,
            [.. DemoArticle.Options.Select((text, index) => new PollOption(PollIds.OptionId(index), text))],
            ClosesAt: null,
            AllowAnonymous: true,
            AllowVoteChange: false,
            clock.GetUtcNow(),
            pollsOptions.Value.ShardCount);
        await grains.GetGrain<IPollGrain>(definition.Id).Create(definition);
        await article.AttachPoll(definition.Id);
        return definition.Id;
    }

    private async Task SeedVotesAsync(string pollId)
    {
        var shardCount = pollsOptions.Value.ShardCount;
        var voter = 0;
        for (var option = 0; option < DemoArticle.SeedVotes.Length; option++)
        {
            for (var vote = 0; vote < DemoArticle.SeedVotes[option]; vote++)
            {
                var readerId = $"demo-voter-{voter++}";
                var shard = VoteSharding.ShardOf(readerId, shardCount);
                await grains.GetGrain<IVoteShardGrain>(VoteSharding.ShardKey(pollId, shard))
                    .Vote(new Ballot(readerId, PollIds.OptionId(option), IsAnonymous: false));
            }
        }
    }

    private async Task SeedCommentsAsync()
    {
        var posted = new List<string>();
        foreach (var comment in DemoArticle.Comments)
        {
            var parentId = comment.ReplyTo is { } index ? posted[index] : null;
            posted.Add(await PostAsync(comment, parentId, $"demo-comment-{posted.Count}"));
        }

        foreach (var (comment, index) in DemoArticle.Held.Select((comment, index) => (comment, index)))
        {
            await PostAsync(comment, null, $"demo-held-{index}");
        }
    }

    /// <param name="key">Makes the post safe to repeat when an earlier start stopped halfway through seeding.</param>
    private async Task<string> PostAsync(DemoArticle.SeedComment comment, string? parentId, string key)
    {
        var reader = new ReaderIdentity("demo-" + comment.ReaderId, comment.Name, IsAnonymous: false, IsModerator: false);
        var result = await gate.PostAsync(DemoArticle.Id, new PostCommentRequest(comment.Body, parentId), reader, key);
        return result.Comment?.Id
            ?? throw new InvalidOperationException($"The demo comment of {reader.Id} was refused: {result.Refusal}{result.RetryAfter}.");
    }
}
