using Moderation.Client.Http;

namespace Moderation.Client.Tests;

/// <summary>The moderators' and editors' commands against the real moderation API.</summary>
[Collection(ServiceCollection.Name)]
public sealed class ModerationCommandTests(ServiceFixture service)
{
    private readonly string _moderator = service.Mint("client-mod", "moderator");

    [Fact]
    public async Task The_queue_shows_held_comments_with_counts_and_approve_publishes_one()
    {
        var article = ServiceFixture.Fresh("client-queue");
        var id = await HeldAsync(article, Texts.Abusive);

        var queue = await service.RunAsync("moderate", "queue", "--article", article, "--token", _moderator);
        var approved = await service.RunAsync("moderate", "approve", id, "--token", _moderator);
        var empty = await service.RunAsync("moderate", "queue", "--article", article, "--token", _moderator);
        var approvedQueue = await service.RunAsync("moderate", "queue", "--state", "approved", "--article", article, "--sort", "newest", "--token", _moderator);

        Assert.True(queue.ExitCode == 0, queue.Output);
        Assert.Contains("Queue pending: 1 shown; pending ", queue.Output);
        Assert.Contains($"{id}  {article}  score ", queue.Output);
        Assert.Contains("toxicity", queue.Output);
        Assert.Contains("idiot", queue.Output);
        Assert.True(approved.ExitCode == 0, approved.Output);
        Assert.Contains($"Approved {id}: now published, revision 2.", approved.Output);
        Assert.Contains("Queue pending: 0 shown", empty.Output);
        Assert.Contains(id, approvedQueue.Output);
    }

    [Fact]
    public async Task A_decision_at_a_stale_revision_is_refused_with_409_and_changes_nothing()
    {
        var id = await HeldAsync(ServiceFixture.Fresh("client-stale"), Texts.Abusive);
        await service.RunAsync("moderate", "approve", id, "--revision", "1", "--token", _moderator);

        var stale = await service.RunAsync("moderate", "reject", id, "--reason", "abusive", "--revision", "1", "--token", _moderator);
        var shown = await service.RunAsync("comments", "show", id, "--token", _moderator);
        var rejected = await service.RunAsync("moderate", "reject", id, "--reason", "abusive", "--note", "insults", "--token", _moderator);
        var audit = await service.RunAsync("moderate", "audit", "--comment", id, "--token", _moderator);

        Assert.Equal(ClientHost.ServiceRefused, stale.ExitCode);
        Assert.Contains("The service refused: 409 Stale revision: The comment changed since you saw it: it is at revision 2, not 1.", stale.Output);
        Assert.Contains(": published, revision 2", shown.Output);
        Assert.Contains($"Rejected {id}: now rejected, revision 3.", rejected.Output);
        var lines = audit.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains($"client-mod reject   {id}  published -> rejected  (abusive)  score ", lines[0]);
        Assert.Contains("\"insults\"", lines[0]);
        Assert.Contains($"client-mod approve  {id}  pending -> published", lines[1]);
        Assert.Contains($"(filter)   hold     {id}  new -> pending  (toxicity)", lines[2]);
    }

    [Fact]
    public async Task A_reader_is_refused_every_moderator_command_with_403()
    {
        var reader = service.Mint(ServiceFixture.Fresh("plain-reader"));
        string[][] commands =
        [
            ["moderate", "queue"],
            ["moderate", "approve", "c-anything", "--revision", "1"],
            ["moderate", "reject", "c-anything", "--reason", "spam", "--revision", "1"],
            ["moderate", "ban", "someone", "--reason", "spam"],
            ["moderate", "unban", "someone"],
            ["moderate", "audit"],
            ["model", "score", "some text"],
            ["articles", "settings", "client-forbidden", "--premoderation", "true"],
        ];

        foreach (var command in commands)
        {
            var result = await service.RunAsync([.. command, "--token", reader]);
            Assert.True(result.ExitCode == ClientHost.ServiceRefused, string.Join(' ', command) + ": " + result.Output);
            Assert.Contains("The service refused: 403", result.Output);
        }
    }

    [Fact]
    public async Task A_ban_stops_posts_and_rejects_held_comments_and_unban_lifts_it()
    {
        var subject = ServiceFixture.Fresh("troll");
        var troll = service.Mint(subject);
        var article = ServiceFixture.Fresh("client-ban");
        var held = Texts.CommentId((await service.RunAsync("comments", "post", article, Texts.Abusive, "--token", troll)).Output);

        var ban = await service.RunAsync("moderate", "ban", subject, "--reason", "insults", "--reject-pending", "--token", _moderator);
        var refused = await service.RunAsync("comments", "post", article, Texts.Civil, "--token", troll);
        var heldNow = await service.RunAsync("comments", "show", held, "--token", _moderator);
        var unban = await service.RunAsync("moderate", "unban", subject, "--token", _moderator);
        var allowed = await service.RunAsync("comments", "post", article, Texts.Civil, "--token", troll);
        var audit = await service.RunAsync("moderate", "audit", "--moderator", "client-mod", "--limit", "5", "--token", _moderator);

        Assert.True(ban.ExitCode == 0, ban.Output);
        Assert.Contains($"Banned {subject} (insults); 1 held comment(s) rejected.", ban.Output);
        Assert.Equal(ClientHost.ServiceRefused, refused.ExitCode);
        Assert.Contains("403 Banned", refused.Output);
        Assert.Contains(": rejected, revision 2", heldNow.Output);
        Assert.Contains($"Lifted the ban on {subject}.", unban.Output);
        // Within 3 s of the held post the service's post interval still applies: reaching it shows the ban check passed.
        Assert.DoesNotContain("403", allowed.Output);
        Assert.True(allowed.ExitCode == 0 || allowed.Output.Contains("429 Too many comments"), allowed.Output);
        Assert.Contains($"unban    {subject}", audit.Output);
        Assert.Contains($"ban      {subject}  (insults)", audit.Output);
    }

    [Fact]
    public async Task An_editor_changes_article_settings_and_invalid_ones_are_refused_readably()
    {
        var article = ServiceFixture.Fresh("client-settings");
        var editor = service.Mint("client-editor", "editor");

        var before = await service.RunAsync("articles", "show", article);
        var changed = await service.RunAsync("articles", "settings", article, "--premoderation", "true", "--hold-threshold", "0.5", "--token", editor);
        var closed = await service.RunAsync("articles", "settings", article, "--comments-open", "false", "--token", editor);
        var post = await service.RunAsync("comments", "post", article, Texts.Civil, "--token", service.Mint(ServiceFixture.Fresh("late")));
        var invalid = await service.RunAsync("articles", "settings", article, "--hold-threshold", "2", "--token", editor);

        Assert.Contains("comments: open; premoderation: off", before.Output);
        Assert.Contains("comments: open; premoderation: on; hold threshold: 0.500", changed.Output);
        Assert.Contains("comments: closed; premoderation: on; hold threshold: 0.500", closed.Output);
        Assert.Contains("409 Comments closed", post.Output);
        Assert.Equal(ClientHost.ServiceRefused, invalid.ExitCode);
        Assert.Contains("holdThreshold: The hold threshold must be a number in [0,1].", invalid.Output);
    }

    [Fact]
    public async Task An_editor_sets_an_articles_trust_counts_one_at_a_time_and_gives_it_the_sites_again()
    {
        var article = ServiceFixture.Fresh("client-trust");
        var editor = service.Mint("client-editor", "editor");

        var before = await service.RunAsync("articles", "show", article);
        var first = await service.RunAsync("articles", "settings", article, "--new-reader-comments", "2", "--token", editor);
        var second = await service.RunAsync("articles", "settings", article, "--recent-rejections", "0", "--token", editor);
        var reset = await service.RunAsync("articles", "settings", article, "--site-trust", "--token", editor);
        var invalid = await service.RunAsync("articles", "settings", article, "--link-approved-comments", "-1", "--token", editor);

        Assert.Contains("trust: the site's", before.Output);
        Assert.Contains("trust: new-reader 2; link site's; recent-rejections site's", first.Output);
        Assert.Contains("trust: new-reader 2; link site's; recent-rejections off", second.Output);
        Assert.Contains("trust: the site's", reset.Output);
        Assert.Equal(ClientHost.ServiceRefused, invalid.ExitCode);
        Assert.Contains("trust: Each trust rule count", invalid.Output);
    }

    [Fact]
    public async Task Model_info_and_score_show_the_service_model()
    {
        var info = await service.RunAsync("model", "info");
        var score = await service.RunAsync("model", "score", Texts.Abusive, "--token", _moderator);

        Assert.True(info.ExitCode == 0, info.Output);
        Assert.Matches(@"Model \S+, trained .* on [\d,]+ rows", info.Output);
        Assert.Contains("hold threshold: 0.", info.Output);
        Assert.Contains("validation.rocAuc", info.Output);
        Assert.True(score.ExitCode == 0, score.Output);
        Assert.Matches(@"Score (0\.9\d\d|1\.000) \(model \S+\)", score.Output);
        Assert.Matches(@"explanation: \S+ \+\d\.\d\d", score.Output);
    }

    private async Task<string> HeldAsync(string article, string text)
    {
        var posted = await service.RunAsync("comments", "post", article, text, "--token", service.Mint(ServiceFixture.Fresh("author")));
        Assert.Contains(": pending, revision 1", posted.Output);
        return Texts.CommentId(posted.Output);
    }
}
