using Moderation.Redis.Comments;
using Moderation.Redis.Tests.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Tests.Parts;

/// <summary>On the three-master Redis Cluster: the parts spread over the masters, and so do articles' comments.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class ClusterSpreadTests(ScriptServerOnRedisCluster server)
{
    [Fact]
    public async Task The_cluster_computes_the_same_slot_for_each_part_s_tag()
    {
        var options = ConfigurationOptions.Parse(server.Connection.Configuration);
        options.AllowAdmin = true;
        await using var admin = await ConnectionMultiplexer.ConnectAsync(options);
        var node = admin.GetServers().First(node => !node.IsReplica);

        foreach (var part in CommentParts.All)
        {
            var slot = (long)await node.ExecuteAsync("CLUSTER", "KEYSLOT", CommentParts.Prefix(part) + "comments:seq");
            Assert.Equal(Slots.Of(CommentParts.Prefix(part)), slot);
        }
    }

    [Fact]
    public async Task Two_articles_of_parts_on_different_masters_are_written_on_different_masters_and_the_parts_split_five_six_five()
    {
        var comments = new CommentStore(server.Connection, server.Writes, server.Parts, server.Webhooks, TimeProvider.System);
        var first = (await comments.PostAsync(TestData.Draft(CommentPartsTests.ArticleIn(0)), null)).Comment!;
        var last = (await comments.PostAsync(TestData.Draft(CommentPartsTests.ArticleIn(15)), null)).Comment!;

        var firstMaster = server.Database.IdentifyEndpoint(CommentRedisKeys.Comment(first.Id));
        var lastMaster = server.Database.IdentifyEndpoint(CommentRedisKeys.Comment(last.Id));
        Assert.NotEqual(firstMaster, lastMaster);
        Assert.Equal(1L, (long)await server.Connection.GetServer(firstMaster!).ExecuteAsync("EXISTS", CommentRedisKeys.Comment(first.Id)));
        Assert.Equal(1L, (long)await server.Connection.GetServer(lastMaster!).ExecuteAsync("EXISTS", CommentRedisKeys.Comment(last.Id)));
        var partsPerMaster = CommentParts.All.GroupBy(part => server.Database.IdentifyEndpoint(CommentParts.Prefix(part) + "comments:seq"))
            .Select(master => master.Count()).Order();
        Assert.Equal([5, 5, 6], partsPerMaster);
    }
}
