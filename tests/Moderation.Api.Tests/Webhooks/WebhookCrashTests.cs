using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Api.Tests.Comments;
using Moderation.Testing;

namespace Moderation.Api.Tests.Webhooks;

/// <summary>The outbox is written with the decision: a SIGKILL after the decision and before its delivery loses nothing.</summary>
public sealed class WebhookCrashTests : IDisposable
{
    private readonly string _dataDirectory = TestDirectories.Create("webhook-crash");

    [Fact]
    public async Task A_decision_acknowledged_before_a_sigkill_is_delivered_by_the_restarted_silo()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // The first silo's dispatcher looks at the outbox once, at start, and then not for an hour: the kill falls
        // between the decision and its delivery.
        var asleep = new Dictionary<string, string>(WebhookSilo.Settings) { ["Webhooks:PollInterval"] = "01:00:00" };
        string commentId;
        await using (var silo = await SiloProcess.StartAsync(_dataDirectory, asleep))
        {
            using var editor = silo.CreateClient();
            editor.WithToken(await editor.DevTokenAsync("crash-hook-editor", "editor"));
            await editor.RegisterAsync(receiver.Url, "comment.rejected");
            using var author = silo.CreateClient();
            author.WithToken(await author.DevTokenAsync("crash-hook-author"));
            var comment = await author.CommentAsync("webhook-crash", CommentClient.Civil);
            commentId = comment.Id();
            using var moderator = silo.CreateClient();
            moderator.WithToken(await moderator.DevTokenAsync("crash-hook-mod", "moderator"));
            using var decision = await moderator.DecideAsync(commentId, "reject", 1, "off-topic");
            decision.EnsureSuccessStatusCode();

            silo.Kill();
        }

        Assert.Empty(receiver.Accepted);
        await using var restarted = await SiloProcess.StartAsync(_dataDirectory, WebhookSilo.Settings);

        var delivery = Assert.Single(await receiver.WaitForAsync(1, TimeSpan.FromSeconds(60)));
        Assert.True(delivery.SignedWith(WebhookClient.Secret));
        Assert.Equal("comment.rejected", delivery.EventType);
        var data = delivery.Json.GetProperty("data");
        Assert.Equal(commentId, data.GetProperty("commentId").GetString());
        Assert.Equal("off-topic", data.GetProperty("reason").GetString());
    }

    public void Dispose() => TestDirectories.TryDelete(_dataDirectory);
}
