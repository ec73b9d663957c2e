using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Api.Tests.Comments;
using Moderation.Testing;

namespace Moderation.Api.Tests.Rules;

/// <summary>
/// The word lists over HTTP. The lists are site-wide, so these tests use made-up words no other test posts.
/// Run on each store by the classes at the end of this file.
/// </summary>
public abstract class WordListsHttpTests(SharedSilo silo) : IAsyncLifetime
{
    private const string Banned = "glorbnak";
    private const string Suspect = "wumpfle";

    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_editor_replaces_both_lists_a_moderator_reads_them_and_the_change_is_audited()
    {
        using var editor = await Factory.ReaderAsync("editor", "editor");
        using var moderator = await Factory.ModeratorAsync();
        var before = await moderator.GetJsonAsync("/api/moderation/rules/words");

        var stored = await PutOkAsync(editor, new { banned = new[] { Banned, " buy glorbs ", "GL0RBNAK" }, suspect = new[] { Suspect } });
        var read = await moderator.GetJsonAsync("/api/moderation/rules/words");

        Assert.Equal(before.GetProperty("version").GetInt64() + 1, stored.GetProperty("version").GetInt64());
        Assert.Equal(stored.GetRawText(), read.GetRawText());
        Assert.Equal([Banned, "buy glorbs"], Strings(read, "banned"));
        Assert.Equal([Suspect], Strings(read, "suspect"));
        Assert.StartsWith("editor-", read.GetProperty("updatedBy").GetString());
        var audit = (await moderator.GetJsonAsync("/api/moderation/audit?limit=50")).GetProperty("items").EnumerateArray()
            .First(entry => entry.GetProperty("action").GetString() == "set-word-lists");
        Assert.Equal(read.GetProperty("updatedBy").GetString(), audit.GetProperty("moderatorId").GetString());
        Assert.Equal(read.GetProperty("version").GetInt64().ToString(), audit.GetProperty("toStatus").GetString());
    }

    [Theory]
    [InlineData("You are a glorbnak.")]
    [InlineData("You are a GL0RBN4K!")]
    [InlineData("You are a g.l.o.r.b.n.a.k")]
    [InlineData("You are a g l o r b n a k")]
    [InlineData("Please buy   GLORBS here")]
    public async Task A_banned_word_in_any_disguise_stores_the_comment_as_rejected_by_the_system_and_tells_the_author_the_rule(string body)
    {
        using var editor = await Factory.ReaderAsync("editor", "editor");
        await PutOkAsync(editor, new { banned = new[] { Banned, "buy glorbs" }, suspect = new[] { Suspect } });
        var article = CommentClient.NewArticle("banned-word");
        using var author = await Factory.ReaderAsync("banned-word");
        using var moderator = await Factory.ModeratorAsync();

        using var response = await author.PostCommentAsync(article, body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {text}");
        var comment = JsonDocument.Parse(text).RootElement;
        Assert.Equal(("rejected", "banned-word"), (comment.Status(), comment.GetProperty("reason").GetString()));
        Assert.DoesNotContain("glorbs", text.Replace(body, "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        var rejected = (await moderator.GetJsonAsync($"/api/moderation/queue?state=rejected&articleId={article}")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(comment.Id(), rejected.GetProperty("comment").Id());
        Assert.Equal(["banned-word"], Strings(rejected, "reasons"));
        Assert.Empty((await moderator.GetJsonAsync($"/api/moderation/queue?state=pending&articleId={article}")).GetProperty("items").EnumerateArray());
        Assert.Equal(0, (await author.GetJsonAsync($"/api/articles/{article}")).GetProperty("commentCount").GetInt32());
        var audit = (await moderator.GetJsonAsync($"/api/moderation/audit?commentId={comment.Id()}")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("reject", "banned-word", "rejected"), (audit.GetProperty("action").GetString(), audit.GetProperty("reason").GetString(), audit.GetProperty("toStatus").GetString()));
        Assert.Equal(JsonValueKind.Null, audit.GetProperty("moderatorId").ValueKind);
    }

    [Fact]
    public async Task A_rejected_banned_word_comment_is_shown_to_no_reader()
    {
        using var editor = await Factory.ReaderAsync("editor", "editor");
        await PutOkAsync(editor, new { banned = new[] { Banned }, suspect = Array.Empty<string>() });
        var article = CommentClient.NewArticle("banned-hidden");
        using var author = await Factory.ReaderAsync("banned-hidden");
        using var other = await Factory.ReaderAsync("banned-onlooker");

        var comment = await author.CommentAsync(article, "Such a glorbnak.");
        using var read = await other.GetAsync($"/api/comments/{comment.Id()}");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Empty((await other.GetJsonAsync($"/api/articles/{article}/comments")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_suspect_word_holds_the_comment_with_its_reason_and_innocent_words_pass()
    {
        using var editor = await Factory.ReaderAsync("editor", "editor");
        await PutOkAsync(editor, new { banned = new[] { "ass", Banned }, suspect = new[] { Suspect } });
        var article = CommentClient.NewArticle("suspect-word");
        using var suspectAuthor = await Factory.ReaderAsync("suspect-word");
        using var innocentAuthor = await Factory.ReaderAsync("innocent-word");
        using var moderator = await Factory.ModeratorAsync();

        var held = await suspectAuthor.CommentAsync(article, "What a wumpf1e this council is.");
        var passed = await innocentAuthor.CommentAsync(article, "A careful assessment of the glorbnakery budget, thank you.");

        Assert.Equal("pending", held.Status());
        Assert.Equal("published", passed.Status());
        var item = (await moderator.GetJsonAsync($"/api/moderation/queue?state=pending&articleId={article}")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(held.Id(), item.GetProperty("comment").Id());
        Assert.Contains("suspect-word", Strings(item, "reasons"));
    }

    [Theory]
    [InlineData("""{"suspect":[]}""", "banned")]
    [InlineData("""{"banned":[],"suspect":null}""", "suspect")]
    [InlineData("""{"banned":["..."],"suspect":[]}""", "banned")]
    [InlineData("""{"banned":[""],"suspect":[]}""", "banned")]
    [InlineData("""{"banned":["one two three four five six seven eight nine"],"suspect":[]}""", "banned")]
    [InlineData("""{"banned":["troll"],"suspect":["TR0LL"]}""", "suspect")]
    [InlineData("""{"banned":[],"suspect":[],"version":-1}""", "version")]
    public async Task An_invalid_change_is_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        using var editor = await Factory.ReaderAsync("editor", "editor");
        var before = await editor.GetJsonAsync("/api/moderation/rules/words");

        using var response = await editor.PutAsync("/api/moderation/rules/words", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Equal(before.GetRawText(), (await editor.GetJsonAsync("/api/moderation/rules/words")).GetRawText());
    }

    [Fact]
    public async Task An_entry_over_the_length_limit_is_400()
    {
        using var editor = await Factory.ReaderAsync("editor", "editor");

        using var response = await editor.PutAsJsonAsync("/api/moderation/rules/words", new { banned = new[] { new string('x', 101) }, suspect = Array.Empty<string>() });

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("banned", out _));
    }

    [Fact]
    public async Task Ten_thousand_entries_per_list_are_taken_and_one_more_is_400()
    {
        using var editor = await Factory.ReaderAsync("editor", "editor");
        var entries = Enumerable.Range(0, 10_001).Select(Unheard).ToArray();

        var full = await PutOkAsync(editor, new { banned = entries[..10_000], suspect = entries[..5_000].Select(entry => entry + "q") });
        using var over = await editor.PutAsJsonAsync("/api/moderation/rules/words", new { banned = entries, suspect = Array.Empty<string>() });
        using var author = await Factory.ReaderAsync("ten-thousand");
        var rejected = await author.CommentAsync(CommentClient.NewArticle("ten-thousand"), $"Such a {entries[9_999]}!");
        await PutOkAsync(editor, new { banned = Array.Empty<string>(), suspect = Array.Empty<string>() });

        Assert.Equal(10_000, full.GetProperty("banned").GetArrayLength());
        var problem = await ProblemAssert.Expect(over, HttpStatusCode.BadRequest);
        Assert.Contains("10001", problem.GetProperty("errors").GetProperty("banned")[0].GetString());
        Assert.Equal("rejected", rejected.Status());
    }

    /// <summary>
    /// A word no comment of any test contains: "zq" and the number in letters, from a-j and k-t by turns, so that no
    /// letter repeats (the normaliser collapses stretched letters, which would make two numbers one entry).
    /// </summary>
    private static string Unheard(int number) =>
        "zq" + string.Concat(number.ToString("D5").Select((digit, position) => (char)((position % 2 == 0 ? 'a' : 'k') + digit - '0')));

    [Fact]
    public async Task A_change_made_from_an_old_version_is_409_and_changes_nothing()
    {
        using var editor = await Factory.ReaderAsync("editor", "editor");
        var current = await PutOkAsync(editor, new { banned = new[] { Banned }, suspect = Array.Empty<string>() });
        var version = current.GetProperty("version").GetInt64();

        using var stale = await editor.PutAsJsonAsync("/api/moderation/rules/words", new { banned = Array.Empty<string>(), suspect = Array.Empty<string>(), version = version - 1 });
        var atCurrent = await PutOkAsync(editor, new { banned = new[] { Banned, "glorbs" }, suspect = Array.Empty<string>(), version });

        await ProblemAssert.Expect(stale, HttpStatusCode.Conflict);
        Assert.Equal(version + 1, atCurrent.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task The_lists_need_the_moderator_or_editor_role()
    {
        using var reader = await Factory.ReaderAsync("plain-reader");
        using var anonymous = Factory.CreateClient();
        var change = new { banned = Array.Empty<string>(), suspect = Array.Empty<string>() };

        using var readerGet = await reader.GetAsync("/api/moderation/rules/words");
        using var readerPut = await reader.PutAsJsonAsync("/api/moderation/rules/words", change);
        using var anonymousGet = await anonymous.GetAsync("/api/moderation/rules/words");

        Assert.Equal(HttpStatusCode.Forbidden, readerGet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readerPut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousGet.StatusCode);
    }

    private static async Task<JsonElement> PutOkAsync(HttpClient editor, object lists)
    {
        using var response = await editor.PutAsJsonAsync("/api/moderation/rules/words", lists);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static string[] Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(value => value.GetString()!)];
}

[Collection(SiloCollection.Name)]
public sealed class WordListsHttpOnEmbeddedStoreTests(SharedSilo silo) : WordListsHttpTests(silo);

[Collection(RedisServerSiloCollection.Name)]
public sealed class WordListsHttpOnRedisServerTests(SharedSiloOnRedisServer silo) : WordListsHttpTests(silo);
