using Moderation.Contracts.Articles;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Contracts.Readers;
using Moderation.Redis.Moderators;
using Moderation.Redis.Readers;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Grains.Tests.Comments;

/// <summary>Run on each store by the classes at the end of this file.</summary>
public abstract class ModerationTests(ClusterFixture fixture) : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _connection = new(() => ConnectionMultiplexer.Connect(fixture.Redis.ConnectionString));

    private IGrainFactory Grains => fixture.Grains;

    private IModerationQueriesGrain Queries => Grains.GetGrain<IModerationQueriesGrain>(0);

    [Fact]
    public async Task A_held_comment_waits_in_the_pending_queue_with_a_system_audit_record()
    {
        var article = TestComments.NewArticle();
        var held = await Grains.PostAsync(TestComments.Draft(article, score: 0.97, held: "toxicity"));

        var queue = await Queries.Queue(QueueNames.Pending, article, "score", 20, null);
        var audit = await Queries.Audit(held.Id, null, 20, null);

        Assert.Equal(CommentStatus.Pending, held.Status);
        var item = Assert.Single(queue.Items);
        Assert.Equal(held.Id, item.Comment.Id);
        Assert.Equal(["toxicity"], item.Comment.Reasons.AsEnumerable());
        Assert.Equal(0.97, item.Comment.Score);
        Assert.Equal(1, queue.Pending);
        var record = Assert.Single(audit.Items);
        Assert.Null(record.ModeratorId);
        Assert.Equal("hold", record.Action);
        Assert.Equal(CommentStatus.Pending, record.ToStatus);
        Assert.Equal(0, (await Grains.GetGrain<IArticleGrain>(article).Get()).CommentCount);
    }

    [Fact]
    public async Task Approving_publishes_rejecting_unpublishes_and_a_stale_revision_changes_nothing()
    {
        var article = TestComments.NewArticle();
        var held = await Grains.PostAsync(TestComments.Draft(article, score: 0.9, held: "toxicity"));
        var moderation = Grains.GetGrain<ICommentModerationGrain>(held.Id);

        var approved = await moderation.Decide(Decision(ModerationDecision.Approve, revision: 1));
        var stale = await moderation.Decide(Decision(ModerationDecision.Reject, revision: 1));
        var rejected = await moderation.Decide(Decision(ModerationDecision.Reject, revision: 2));

        Assert.Equal(DecisionOutcome.Applied, approved.Outcome);
        Assert.Equal(CommentStatus.Published, approved.Comment!.Status);
        Assert.Equal(DecisionOutcome.StaleRevision, stale.Outcome);
        Assert.Equal(2, stale.Comment!.Revision);
        Assert.Equal(DecisionOutcome.Applied, rejected.Outcome);
        Assert.Equal(CommentStatus.Rejected, rejected.Comment!.Status);
        Assert.Equal(3, rejected.Comment.Revision);
        Assert.Equal(0, (await Grains.GetGrain<IArticleGrain>(article).Get()).CommentCount);
        Assert.Empty((await Grains.GetGrain<ICommentQueriesGrain>(0).Thread(article, "newest", 20, null)).Items);
        Assert.Empty((await Queries.Queue(QueueNames.Pending, article, "oldest", 20, null)).Items);
        Assert.Empty((await Queries.Queue(QueueNames.Approved, article, "oldest", 20, null)).Items);
        Assert.Equal([held.Id], (await Queries.Queue(QueueNames.Rejected, article, "oldest", 20, null)).Items.Select(i => i.Comment.Id));
        var audit = await Queries.Audit(held.Id, null, 20, null);
        Assert.Equal(["reject", "approve", "hold"], audit.Items.Select(entry => entry.Action));
        Assert.Equal([CommentStatus.Published, CommentStatus.Pending, null], audit.Items.Select(entry => entry.FromStatus));
    }

    [Fact]
    public async Task Each_human_decision_stores_a_labelled_example()
    {
        var article = TestComments.NewArticle();
        var held = await Grains.PostAsync(TestComments.Draft(article, score: 0.8, held: "toxicity", body: "Labelled " + Guid.NewGuid()));

        var result = await Grains.GetGrain<ICommentModerationGrain>(held.Id).Decide(Decision(ModerationDecision.Reject, revision: 1));

        Assert.Equal(DecisionOutcome.Applied, result.Outcome);
        var number = (string)(await Redis().SortedSetRangeByRankAsync(ModerationRedisKeys.AuditByComment(held.Id), -1, -1))[0]!;
        Assert.NotNull(await Redis().SortedSetScoreAsync(ModerationRedisKeys.Feedback(TestComments.Part(article)), number));
        var json = (string)(await Redis().HashGetAsync(ModerationRedisKeys.FeedbackRecords(TestComments.Part(article)), number))!;
        Assert.Contains(held.Body, json);
        Assert.Contains("\"label\":1", json);
        Assert.Contains("\"modelScore\":0.8", json);
        Assert.Contains("\"modelVersion\":\"test-model\"", json);
        Assert.Contains("\"moderator\":\"mia\"", json);
    }

    [Fact]
    public async Task Reports_from_distinct_readers_reach_the_threshold_and_queue_the_comment_still_published()
    {
        var article = TestComments.NewArticle();
        var comment = await Grains.PostAsync(TestComments.Draft(article));
        var grain = Grains.GetGrain<ICommentGrain>(comment.Id);

        var outcomes = new[]
        {
            await grain.Report(Report("r1")),
            await grain.Report(Report("r1")),
            await grain.Report(Report("r2")),
        };
        var beforeThreshold = await Queries.Queue(QueueNames.Reported, article, "oldest", 20, null);
        await grain.Report(Report("r3"));
        var reported = await Queries.Queue(QueueNames.Reported, article, "oldest", 20, null);

        Assert.Equal([ReportResult.Counted, ReportResult.AlreadyReported, ReportResult.Counted], outcomes);
        Assert.Empty(beforeThreshold.Items);
        var item = Assert.Single(reported.Items);
        Assert.Equal(CommentStatus.Published, item.Comment.Status);
        Assert.Contains("reports", item.Comment.Reasons);
        Assert.Equal(["r1", "r2", "r3"], item.Reports.Select(r => r.ReaderId));
        Assert.Equal(1, reported.Reported);
        Assert.Equal(1, (await Grains.GetGrain<IArticleGrain>(article).Get()).CommentCount);
    }

    [Fact]
    public async Task Queues_page_by_score_and_by_age_site_wide_and_per_article()
    {
        var article = TestComments.NewArticle();
        var scores = new[] { 0.6, 0.99, 0.7, 0.99, 0.8 };
        var held = new List<CommentView>();
        foreach (var score in scores)
        {
            held.Add(await Grains.PostAsync(TestComments.Draft(article, score: score, held: "toxicity")));
        }

        var byScore = await AllPagesAsync(article, "score");
        var oldest = await AllPagesAsync(article, "oldest");
        var newest = await AllPagesAsync(article, "newest");
        var siteWide = await Queries.Queue(QueueNames.Pending, null, "newest", 100, null);

        Assert.Equal([held[3].Id, held[1].Id, held[4].Id, held[2].Id, held[0].Id], byScore);
        Assert.Equal(held.Select(c => c.Id), oldest);
        Assert.Equal(held.Select(c => c.Id).Reverse(), newest);
        Assert.Subset(siteWide.Items.Select(i => i.Comment.Id).ToHashSet(), held.Select(c => c.Id).ToHashSet());
        Assert.True(siteWide.Pending >= 5);
    }

    [Fact]
    public async Task A_ban_marks_the_reader_and_rejects_their_held_comments_and_an_unban_lifts_it()
    {
        var article = TestComments.NewArticle();
        var reader = "troll-" + Guid.NewGuid().ToString("N")[..8];
        var held = await Grains.PostAsync(TestComments.Draft(article, reader, score: 0.95, held: "toxicity"));
        var readerGrain = Grains.GetGrain<IReaderGrain>(reader);

        var rejected = await readerGrain.Ban(new BanOrder("mia", "abuse", RejectPending: true, DateTimeOffset.UtcNow));

        Assert.Equal(held.Id, Assert.Single(rejected).Id);
        Assert.Equal(CommentStatus.Rejected, rejected[0].Status);
        Assert.True(await Redis().SetContainsAsync(ReaderRedisKeys.Banned, reader));
        Assert.True((await readerGrain.Get()).Banned);
        Assert.Equal(CommentStatus.Rejected, (await Grains.GetGrain<ICommentGrain>(held.Id).Get())!.Status);
        var moderatorTrail = await Queries.Audit(null, "mia", 100, null);
        Assert.Contains(moderatorTrail.Items, entry => entry.Action == "ban" && entry.ReaderId == reader);

        Assert.True(await readerGrain.Unban("mia", DateTimeOffset.UtcNow));
        Assert.False(await Redis().SetContainsAsync(ReaderRedisKeys.Banned, reader));
        Assert.False((await readerGrain.Get()).Banned);
    }

    private async Task<string[]> AllPagesAsync(string article, string sort)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Queries.Queue(QueueNames.Pending, article, sort, 2, cursor);
            ids.AddRange(page.Items.Select(i => i.Comment.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return [.. ids];
    }

    private IDatabase Redis() => _connection.Value.GetDatabase();

    private static ModerationDecision Decision(string action, long revision) =>
        new(action, action == ModerationDecision.Reject ? "abusive" : null, "", revision, "mia", DateTimeOffset.UtcNow, Labelled: true);

    private static CommentReport Report(string reader) => new(reader, "abusive", "", DateTimeOffset.UtcNow, Threshold: 3);

    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }
}

[Collection(ClusterCollection.Name)]
public sealed class ModerationOnRedisServerTests(ClusterFixture fixture) : ModerationTests(fixture);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class ModerationOnEmbeddedStoreTests(ClusterOnEmbeddedStore fixture) : ModerationTests(fixture);

[Collection(RedisClusterCollection.Name)]
public sealed class ModerationOnRedisClusterTests(ClusterOnRedisCluster fixture) : ModerationTests(fixture);
