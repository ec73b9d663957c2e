using Moderation.Client.Http;

namespace Moderation.Client.Tests;

/// <summary>The readers' comment commands against the real comments API.</summary>
[Collection(ServiceCollection.Name)]
public sealed class CommentCommandTests(ServiceFixture service)
{
    [Fact]
    public async Task A_reader_posts_replies_lists_shows_and_deletes()
    {
        var article = ServiceFixture.Fresh("client-thread");
        var alice = service.Mint(ServiceFixture.Fresh("alice"));
        var bob = service.Mint(ServiceFixture.Fresh("bob"));

        var posted = await service.RunAsync("comments", "post", article, Texts.Civil, "--token", alice);
        Assert.True(posted.ExitCode == 0, posted.Output);
        Assert.Contains(": published, revision 1", posted.Output);
        var id = Texts.CommentId(posted.Output);

        var reply = await service.RunAsync("comments", "post", article, "I agree, the farmers' side was missing elsewhere.", "--reply-to", id, "--token", bob);
        Assert.True(reply.ExitCode == 0, reply.Output);
        Assert.Contains($"in reply to {id}", reply.Output);
        var replyId = Texts.CommentId(reply.Output);

        var list = await service.RunAsync("comments", "list", article, "--sort", "oldest");
        Assert.True(list.ExitCode == 0, list.Output);
        Assert.Contains(id, list.Output);
        Assert.DoesNotContain(replyId, list.Output);
        Assert.Contains("Thank you for this thoughtful article.", list.Output);

        var replies = await service.RunAsync("comments", "replies", id);
        Assert.Contains(replyId, replies.Output);

        var shown = await service.RunAsync("comments", "show", id);
        Assert.Contains("1 reply", shown.Output);
        Assert.Contains(Texts.Civil, shown.Output);

        var notYours = await service.RunAsync("comments", "delete", id, "--token", bob);
        Assert.Equal(ClientHost.ServiceRefused, notYours.ExitCode);
        Assert.Contains("The service refused: 403 Not yours", notYours.Output);

        var deleted = await service.RunAsync("comments", "delete", id, "--token", alice);
        Assert.True(deleted.ExitCode == 0, deleted.Output);
        Assert.Contains($"Deleted comment {id}.", deleted.Output);
        var afterDelete = await service.RunAsync("comments", "show", id);
        Assert.Contains("(deleted)", afterDelete.Output);
        Assert.DoesNotContain(Texts.Civil, afterDelete.Output);
    }

    [Fact]
    public async Task A_held_comment_is_shown_to_its_author_only_and_the_filter_can_be_asked_first()
    {
        var article = ServiceFixture.Fresh("client-held");
        var author = service.Mint(ServiceFixture.Fresh("author"));

        var check = await service.RunAsync("comments", "check", Texts.Abusive, "--token", author);
        var clean = await service.RunAsync("comments", "check", Texts.Civil, "--token", author);
        var posted = await service.RunAsync("comments", "post", article, Texts.Abusive, "--token", author);

        Assert.Contains("would be held", check.Output);
        Assert.Contains("would be published", clean.Output);
        Assert.True(posted.ExitCode == 0, posted.Output);
        Assert.Contains(": pending, revision 1", posted.Output);
        Assert.Contains("Held for a moderator", posted.Output);
        var id = Texts.CommentId(posted.Output);
        var byAuthor = await service.RunAsync("comments", "show", id, "--token", author);
        var byOther = await service.RunAsync("comments", "show", id, "--token", service.Mint(ServiceFixture.Fresh("other")));
        Assert.Equal(0, byAuthor.ExitCode);
        Assert.Equal(ClientHost.ServiceRefused, byOther.ExitCode);
        Assert.Contains("404 Unknown comment", byOther.Output);
        var thread = await service.RunAsync("comments", "list", article);
        Assert.Contains($"No published comments on {article}.", thread.Output);
    }

    [Fact]
    public async Task Reports_are_accepted_and_bad_input_is_refused_with_the_service_reasons()
    {
        var article = ServiceFixture.Fresh("client-report");
        var author = service.Mint(ServiceFixture.Fresh("author"));
        var id = Texts.CommentId((await service.RunAsync("comments", "post", article, Texts.Civil, "--token", author)).Output);

        var reported = await service.RunAsync("comments", "report", id, "--reason", "spam", "--note", "selling things", "--token", service.Mint(ServiceFixture.Fresh("r")));
        var anonymous = await service.RunAsync("comments", "report", id, "--reason", "spam");
        var tooSoon = await service.RunAsync("comments", "post", article, "And another thing.", "--token", author);
        var empty = await service.RunAsync("comments", "post", article, "   ", "--token", service.Mint(ServiceFixture.Fresh("blank")));

        Assert.True(reported.ExitCode == 0, reported.Output);
        Assert.Contains($"Reported comment {id} as spam.", reported.Output);
        Assert.Equal(ClientHost.ServiceRefused, anonymous.ExitCode);
        Assert.Contains("The service refused: 401", anonymous.Output);
        Assert.Equal(ClientHost.ServiceRefused, tooSoon.ExitCode);
        Assert.Contains("429 Too many comments", tooSoon.Output);
        Assert.Contains("retry after", tooSoon.Output);
        Assert.Equal(ClientHost.ServiceRefused, empty.ExitCode);
        Assert.Contains("400 ", empty.Output);
        Assert.Contains("body: The body is required", empty.Output);
    }

    [Fact]
    public async Task Posting_again_with_the_same_idempotency_key_posts_nothing_new()
    {
        var article = ServiceFixture.Fresh("client-retry");
        var author = service.Mint(ServiceFixture.Fresh("retrier"));
        var key = Guid.NewGuid().ToString();

        var first = await service.RunAsync("comments", "post", article, Texts.Civil, "--idempotency-key", key, "--token", author);
        var again = await service.RunAsync("comments", "post", article, Texts.Civil, "--idempotency-key", key, "--token", author);
        var list = await service.RunAsync("comments", "list", article);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(again.ExitCode == 0, again.Output);
        var id = Texts.CommentId(first.Output);
        Assert.Equal(id, Texts.CommentId(again.Output));
        Assert.Single(list.Output.Split('\n'), line => line.Contains(id, StringComparison.Ordinal));
    }
}
