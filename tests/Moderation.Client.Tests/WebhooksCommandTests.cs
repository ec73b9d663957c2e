using Moderation.Client.Http;

namespace Moderation.Client.Tests;

/// <summary>The <c>webhooks</c> and <c>rules trust</c> commands against the real service.</summary>
[Collection(ServiceCollection.Name)]
public sealed class WebhooksCommandTests(ServiceFixture service)
{
    private const string Url = "http://127.0.0.1:9/client-hook";
    private readonly string _editor = service.Mint("client-hook-editor", "editor");

    [Fact]
    public async Task An_editor_adds_lists_reads_the_deliveries_of_and_removes_a_webhook_whose_secret_is_never_printed()
    {
        const string secret = "client-test-secret-0123456789";
        var added = await service.RunAsync("webhooks", "add", Url, "-e", "comment.held", "-e", "reader.banned", "--secret", secret, "--token", _editor);
        Assert.True(added.ExitCode == 0, added.Output);
        var id = added.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

        var listed = await service.RunAsync("webhooks", "list", "--token", _editor);
        var deliveries = await service.RunAsync("webhooks", "deliveries", id, "--token", _editor);
        var removed = await service.RunAsync("webhooks", "remove", id, "--token", _editor);
        var gone = await service.RunAsync("webhooks", "deliveries", id, "--token", _editor);
        var after = await service.RunAsync("webhooks", "list", "--token", _editor);

        Assert.Contains("gets comment.held, reader.banned", added.Output);
        Assert.Contains($"{id}  {Url}  comment.held,reader.banned", listed.Output);
        Assert.DoesNotContain(secret, listed.Output + added.Output);
        Assert.True(deliveries.ExitCode == 0, deliveries.Output);
        Assert.True(removed.ExitCode == 0, removed.Output);
        Assert.Equal(ClientHost.ServiceRefused, gone.ExitCode);
        Assert.DoesNotContain(id, after.Output);
    }

    [Fact]
    public async Task A_short_secret_is_refused_with_the_services_reason_and_a_moderator_may_not_add_webhooks()
    {
        var refused = await service.RunAsync("webhooks", "add", Url, "-e", "comment.held", "--secret", "short", "--token", _editor);
        var moderator = await service.RunAsync(
            "webhooks", "add", Url, "-e", "comment.held", "--secret", "client-test-secret-0123456789", "--token", service.Mint("client-hook-mod", "moderator"));

        Assert.Equal(ClientHost.ServiceRefused, refused.ExitCode);
        Assert.Contains("secret", refused.Output);
        Assert.Equal(ClientHost.ServiceRefused, moderator.ExitCode);
    }

    [Fact]
    public async Task Trust_set_changes_the_named_settings_keeps_the_others_and_get_shows_them()
    {
        var first = await service.RunAsync("rules", "trust", "set", "--link-approved-comments", "2", "--recent-rejections", "3", "--token", _editor);
        var second = await service.RunAsync("rules", "trust", "set", "--link-approved-comments", "0", "--token", _editor);
        var shown = await service.RunAsync("rules", "trust", "get", "--token", _editor);
        var restored = await service.RunAsync("rules", "trust", "set", "--recent-rejections", "0", "--token", _editor);
        var nothingNamed = Cli.Parse("rules", "trust", "set");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("links held below approved:    2", first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("links held below approved:    off", shown.Output);
        Assert.Contains("recent rejections:            3 within", shown.Output);
        Assert.Contains("by client-hook-editor", shown.Output);
        Assert.True(restored.ExitCode == 0, restored.Output);
        Assert.Contains(nothingNamed.Errors, error => error.Message.Contains("at least one setting"));
    }
}
