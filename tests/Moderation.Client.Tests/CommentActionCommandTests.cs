using Moderation.Client.Http;

namespace Moderation.Client.Tests;

/// <summary>The comment commands of issue 16 and <c>readers show</c> against the real API.</summary>
[Collection(ServiceCollection.Name)]
public sealed class CommentActionCommandTests(ServiceFixture service)
{
    private const string Corrected = "Thank you for this thoughtful article. The interviews with local growers were especially informative.";

    [Fact]
    public async Task An_author_edits_a_reader_reacts_an_editor_features_and_the_author_lists_their_own()
    {
        var article = ServiceFixture.Fresh("client-actions");
        var authorId = ServiceFixture.Fresh("author");
        var author = service.Mint(authorId);
        var fan = service.Mint(ServiceFixture.Fresh("fan"));
        var editor = service.Mint(ServiceFixture.Fresh("editor"), "editor");
        var moderator = service.Mint(ServiceFixture.Fresh("moderator"), "moderator");
        var id = Texts.CommentId((await service.RunAsync("comments", "post", article, Texts.Civil, "--token", author)).Output);

        var edited = await service.RunAsync("comments", "edit", id, Corrected, "--token", author);
        var reacted = await service.RunAsync("comments", "react", id, "--token", fan);
        var own = await service.RunAsync("comments", "react", id, "--token", author);
        var featured = await service.RunAsync("comments", "feature", id, "--token", editor);
        var top = await service.RunAsync("comments", "list", article, "--sort", "top");
        var mine = await service.RunAsync("comments", "mine", "--token", author);
        var history = await service.RunAsync("readers", "show", authorId, "--token", moderator);
        var shown = await service.RunAsync("comments", "show", id, "--token", moderator);
        var unreacted = await service.RunAsync("comments", "unreact", id, "--token", fan);
        var unfeatured = await service.RunAsync("comments", "unfeature", id, "--token", editor);

        Assert.True(edited.ExitCode == 0, edited.Output);
        Assert.Contains("edited at", edited.Output);
        Assert.Contains("local growers", edited.Output);
        Assert.True(reacted.ExitCode == 0, reacted.Output);
        Assert.Contains("1 reaction, yours on it.", reacted.Output);
        Assert.Equal(ClientHost.ServiceRefused, own.ExitCode);
        Assert.Contains("409 Your own comment", own.Output);
        Assert.True(featured.ExitCode == 0, featured.Output);
        Assert.Contains("1 reaction; featured; edited at", featured.Output);
        Assert.True(top.ExitCode == 0, top.Output);
        Assert.Contains("Reactions", top.Output);
        Assert.Matches($@"{id}\s.*\s1\s+.*\[featured\] ", top.Output);
        Assert.True(mine.ExitCode == 0, mine.Output);
        Assert.Contains(id, mine.Output);
        Assert.Contains("published", mine.Output);
        Assert.True(history.ExitCode == 0, history.Output);
        Assert.Contains("in good standing", history.Output);
        Assert.Contains("1 published, 0 pending", history.Output);
        Assert.Contains(id, history.Output);
        Assert.Contains("Earlier text, oldest first:", shown.Output);
        Assert.Contains("local farmers", shown.Output);
        Assert.Contains("0 reactions, yours not on it.", unreacted.Output);
        Assert.DoesNotContain("featured", unfeatured.Output);
    }

    [Fact]
    public async Task Refusals_show_the_service_reasons()
    {
        var article = ServiceFixture.Fresh("client-refusals");
        var author = service.Mint(ServiceFixture.Fresh("author"));
        var other = service.Mint(ServiceFixture.Fresh("other"));
        var id = Texts.CommentId((await service.RunAsync("comments", "post", article, Texts.Civil, "--token", author)).Output);

        var notYours = await service.RunAsync("comments", "edit", id, Corrected, "--token", other);
        var empty = await service.RunAsync("comments", "edit", id, "   ", "--token", author);
        var readerFeatures = await service.RunAsync("comments", "feature", id, "--token", other);
        var readerHistory = await service.RunAsync("readers", "show", "someone", "--token", other);

        Assert.Equal(ClientHost.ServiceRefused, notYours.ExitCode);
        Assert.Contains("403 Not yours", notYours.Output);
        Assert.Equal(ClientHost.ServiceRefused, empty.ExitCode);
        Assert.Contains("body", empty.Output);
        Assert.Equal(ClientHost.ServiceRefused, readerFeatures.ExitCode);
        Assert.Contains("403", readerFeatures.Output);
        Assert.Equal(ClientHost.ServiceRefused, readerHistory.ExitCode);
        Assert.Contains("403", readerHistory.Output);
    }
}
