using Moderation.Redis.Rules;
using StackExchange.Redis;

namespace Moderation.Redis.Tests.Scripts;

/// <summary>The stored site rules' hashes on a real server: the layout earlier versions wrote still reads, and is what is written.</summary>
public abstract class SiteRuleRecordsTests(ScriptServer server)
{
    private TrustRecords Trust => new(server.Connection, server.Writes);

    private WordListRecords Words => new(server.Connection, server.Writes);

    [Fact]
    public async Task Trust_settings_are_stored_as_one_json_field_beside_the_version_and_the_editor()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123);
        var settings = new TrustSettings(3, 2, 4, TimeSpan.FromHours(1), TimeSpan.FromDays(1));

        var (version, stored) = await Trust.ReplaceAsync(settings, null, "mia", at);
        var hash = await Hash(RulesRedisKeys.Trust);

        Assert.True(stored);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["settings"] = """{"newReaderComments":3,"linkApprovedComments":2,"recentRejections":4,"rejectionWindow":"01:00:00","rejectionPremoderation":"1.00:00:00"}""",
                ["updatedAt"] = "1790000000123",
                ["updatedBy"] = "mia",
            },
            hash);
    }

    [Fact]
    public async Task Word_lists_are_stored_as_two_json_arrays_beside_the_version_and_the_editor()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_456);

        var (version, _) = await Words.ReplaceAsync(new WordLists(["idiot", "buy followers"], []), null, "noah", at);
        var hash = await Hash(RulesRedisKeys.Words);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["banned"] = """["idiot","buy followers"]""",
                ["suspect"] = "[]",
                ["updatedAt"] = "1790000000456",
                ["updatedBy"] = "noah",
            },
            hash);
    }

    [Fact]
    public async Task A_trust_hash_written_by_an_earlier_version_reads_and_its_version_carries_on()
    {
        await server.Database.KeyDeleteAsync(RulesRedisKeys.Trust);
        await server.Database.HashSetAsync(RulesRedisKeys.Trust,
        [
            new("version", "7"),
            new("settings", """{"newReaderComments":5,"linkApprovedComments":0,"recentRejections":2,"rejectionWindow":"00:30:00","rejectionPremoderation":"02:00:00"}"""),
            new("updatedAt", "1790000000000"),
            new("updatedBy", "ada"),
        ]);

        var read = await Trust.ReadAsync();
        var (next, stored) = await Trust.ReplaceAsync(read.Rule, 7, "mia", DateTimeOffset.UtcNow);

        Assert.Equal(new TrustSettings(5, 0, 2, TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)), read.Rule);
        Assert.Equal(7, read.Version);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000), read.UpdatedAt);
        Assert.Equal("ada", read.UpdatedBy);
        Assert.True(stored);
        Assert.Equal(8, next);
    }

    [Fact]
    public async Task A_rule_never_set_reads_as_version_zero_with_its_never_set_value()
    {
        await server.Database.KeyDeleteAsync(RulesRedisKeys.Trust);
        await server.Database.KeyDeleteAsync(RulesRedisKeys.Words);

        var trust = await Trust.ReadAsync();
        var words = await Words.ReadAsync();

        Assert.Equal(new StoredSiteRule<TrustSettings?>(0, null, null, null), trust);
        Assert.Equal(0, words.Version);
        Assert.Same(WordLists.Empty, words.Rule);
        Assert.Equal(0, await Trust.VersionAsync());
    }

    private async Task<Dictionary<string, string>> Hash(string key) =>
        (await server.Database.HashGetAllAsync(key)).ToDictionary(entry => entry.Name.ToString(), entry => entry.Value.ToString());
}

[Collection(RedisCollection.Name)]
public sealed class SiteRuleRecordsOnRedisServerTests(ScriptServer server) : SiteRuleRecordsTests(server);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class SiteRuleRecordsOnEmbeddedStoreTests(ScriptServerOnEmbeddedStore server) : SiteRuleRecordsTests(server);
