using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Tests.Comments;
using Moderation.Redis.Capacity;
using Moderation.Testing;

namespace Moderation.Api.Tests.Storage;

/// <summary>
/// A reader's erasure is a legal right and frees space: it goes through while a full embedded store refuses every other
/// write (erasing a reader frees space), and stays done across a restart, without the store dropping a record.
/// </summary>
public sealed class ErasureOnFullStoreTests : IDisposable
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Storage:EmbeddedMemoryBytes"] = (2 * 1024 * 1024).ToString(),
        ["Comments:PostInterval"] = "00:00:00",
        ["RateLimits:Enabled"] = "false",
    };

    private readonly string _dataDirectory = TestDirectories.Create("erasure-full");

    [Fact]
    public async Task A_reader_erasing_themselves_and_a_moderator_erasing_a_reader_both_go_through_on_a_store_full_enough_to_refuse_comments()
    {
        string[] selfErased, erasedByModerator;
        await using (var silo = new SiloFactory(_dataDirectory, settings: Settings))
        {
            await silo.WaitUntilReadyAsync();
            var writes = new AcknowledgedWrites(silo.CreateClient);
            await writes.WriteUntilRefusedAsync(limit: 5_000);
            using var moderator = await silo.ModeratorAsync();
            using var self = silo.CreateClient();
            self.WithToken(await self.DevTokenAsync("writer-0"));
            selfErased = await CommentIdsOfAsync(moderator, "writer-0");
            erasedByModerator = await CommentIdsOfAsync(moderator, "writer-1");
            Assert.NotEmpty(selfErased);
            Assert.NotEmpty(erasedByModerator);
            var capacity = silo.Services.GetRequiredService<StoreCapacity>();
            Assert.True(capacity.IsFullNow(), "The store no longer refuses writes before the erasures.");

            using (var erase = await self.DeleteAsync("/api/readers/me"))
            {
                Assert.True(erase.StatusCode == HttpStatusCode.NoContent, $"{erase.StatusCode}: {await erase.Content.ReadAsStringAsync()}");
            }

            using (var erase = await moderator.DeleteAsync("/api/moderation/readers/writer-1"))
            {
                Assert.True(erase.StatusCode == HttpStatusCode.NoContent, $"{erase.StatusCode}: {await erase.Content.ReadAsStringAsync()}");
            }

            await AssertErasedAsync(moderator, [.. selfErased, .. erasedByModerator]);
            Assert.False(capacity.HasDroppedRecords, "The store dropped records during the erasures.");
        }

        await using var restarted = new SiloFactory(_dataDirectory, settings: Settings);
        await restarted.WaitUntilReadyAsync();
        using var moderatorAfter = await restarted.ModeratorAsync();
        await AssertErasedAsync(moderatorAfter, [.. selfErased, .. erasedByModerator]);
    }

    private static async Task<string[]> CommentIdsOfAsync(HttpClient moderator, string readerId)
    {
        var reader = await moderator.GetJsonAsync($"/api/moderation/readers/{readerId}");
        return [.. reader.GetProperty("latest").EnumerateArray().Select(item => item.GetProperty("comment").Id())];
    }

    private static async Task AssertErasedAsync(HttpClient moderator, IEnumerable<string> commentIds)
    {
        foreach (var id in commentIds)
        {
            var comment = await moderator.GetJsonAsync($"/api/comments/{id}");
            Assert.Equal("deleted", comment.Status());
            Assert.Equal("", comment.GetProperty("body").GetString());
            Assert.StartsWith("erased-", comment.GetProperty("authorId").GetString(), StringComparison.Ordinal);
        }
    }

    public void Dispose() => TestDirectories.TryDelete(_dataDirectory);
}
