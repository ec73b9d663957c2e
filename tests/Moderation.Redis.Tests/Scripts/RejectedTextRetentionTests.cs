using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Comments;
using Moderation.Redis.Moderators;

namespace Moderation.Redis.Tests.Scripts;

/// <summary>The retention of rejected texts: only texts rejected before the cut-off go, audited, once; run on each store by the classes below.</summary>
public abstract class RejectedTextRetentionTests(ScriptServer server)
{
    private readonly CommentStore _comments = new(server.Connection, server.Writes, server.Parts, server.Webhooks, TimeProvider.System);
    private readonly DecisionStore _decisions = new(server.Writes, server.Webhooks);
    private readonly RejectedTextRetention _retention = new(server.Connection, server.Writes);

    [Fact]
    public async Task A_sweep_removes_only_the_texts_rejected_before_its_cutoff_audits_each_once_and_leaves_other_statuses_alone()
    {
        var article = TestData.NewArticle();
        var reader = "reader-" + Guid.NewGuid().ToString("N")[..8];
        var rejected = (await _comments.PostAsync(TestData.Draft(article, reader, held: true), null)).Comment!;
        var published = (await _comments.PostAsync(TestData.Draft(article, reader), null)).Comment!;
        var held = (await _comments.PostAsync(TestData.Draft(article, reader, held: true), null)).Comment!;
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var (outcome, _, _) = await _decisions.DecideAsync(rejected, TestData.Decision(ModerationDecision.Reject, 1), AuditHead(rejected), null);
        Assert.Equal(DecisionOutcome.Applied, outcome);

        await _retention.SweepAsync(before, DateTimeOffset.UtcNow, CancellationToken.None);
        var kept = await _comments.ReadAsync(rejected.Id);
        await _retention.SweepAsync(DateTimeOffset.UtcNow.AddMinutes(1), DateTimeOffset.UtcNow, CancellationToken.None);
        var swept = await _comments.ReadAsync(rejected.Id);
        await _retention.SweepAsync(DateTimeOffset.UtcNow.AddMinutes(1), DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(rejected.Body, kept!.Body);
        Assert.Equal("", swept!.Body);
        Assert.Equal(CommentStatus.Rejected, swept.Status);
        Assert.Equal(published.Body, (await _comments.ReadAsync(published.Id))!.Body);
        Assert.Equal(held.Body, (await _comments.ReadAsync(held.Id))!.Body);
        var audit = new AuditStore(server.Connection, server.Writes);
        var records = (await audit.PageAsync(rejected.Id, null, 10, null)).Items;
        Assert.Single(records, record => record.Action == "remove-text" && record.Reason == "retention" && record.ReaderId is null);
    }

    private static string AuditHead(CommentView comment) => AuditJson.Head(new AuditEntry(
        DateTimeOffset.UtcNow, "mia", comment.Id, comment.AuthorId, ModerationDecision.Reject, "abusive", null, null, null, comment.Score));
}

[Collection(RedisCollection.Name)]
public sealed class RejectedTextRetentionOnRedisServerTests(ScriptServer server) : RejectedTextRetentionTests(server);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class RejectedTextRetentionOnEmbeddedStoreTests(ScriptServerOnEmbeddedStore server) : RejectedTextRetentionTests(server);

[Collection(RedisClusterCollection.Name)]
public sealed class RejectedTextRetentionOnRedisClusterTests(ScriptServerOnRedisCluster server) : RejectedTextRetentionTests(server);
