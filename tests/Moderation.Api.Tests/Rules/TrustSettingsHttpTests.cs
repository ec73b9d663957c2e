using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Api.Tests.Comments;
using Moderation.Testing;

namespace Moderation.Api.Tests.Rules;

/// <summary>A service of its own for the site-wide trust settings, configured with a link rule and no new-reader rule.</summary>
public sealed class TrustSettingsSilo : IAsyncLifetime
{
    public SiloFactory Factory { get; } = new(settings: new Dictionary<string, string?>
    {
        ["Trust:LinkApprovedComments"] = "3",
        ["Comments:PostInterval"] = "00:00:00",
    });

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>Trust settings set at run time: stored over the configuration's, audited, applied, and still overridden per article.</summary>
public sealed class TrustSettingsHttpTests(TrustSettingsSilo silo) : IClassFixture<TrustSettingsSilo>
{
    private const string Civil = "Thank you for this careful report on the council budget.";

    [Fact]
    public async Task The_configurations_settings_hold_until_an_editor_stores_new_ones_which_apply_at_once_and_are_audited()
    {
        using var editor = await silo.Factory.ReaderAsync("trust-editor", "editor");
        using var moderator = await silo.Factory.ModeratorAsync();
        var before = await moderator.GetJsonAsync("/api/moderation/rules/trust");
        if (before.GetProperty("version").GetInt64() == 0)
        {
            Assert.Equal("configuration", before.GetProperty("source").GetString());
            Assert.Equal(3, before.GetProperty("linkApprovedComments").GetInt32());
            Assert.Equal(0, before.GetProperty("newReaderComments").GetInt32());
            Assert.Equal(24 * 60, before.GetProperty("rejectionWindowMinutes").GetInt32());
        }

        var stored = await PutOkAsync(editor, Settings(newReaderComments: 1, version: before.GetProperty("version").GetInt64()));
        var read = await moderator.GetJsonAsync("/api/moderation/rules/trust");

        Assert.Equal(stored.GetRawText(), read.GetRawText());
        Assert.Equal("stored", read.GetProperty("source").GetString());
        Assert.Equal(1, read.GetProperty("newReaderComments").GetInt32());
        Assert.Equal(0, read.GetProperty("linkApprovedComments").GetInt32());
        Assert.Equal(before.GetProperty("version").GetInt64() + 1, read.GetProperty("version").GetInt64());
        var audit = (await moderator.GetJsonAsync("/api/moderation/audit?limit=50")).GetProperty("items").EnumerateArray()
            .First(entry => entry.GetProperty("action").GetString() == "set-trust");
        Assert.Equal(read.GetProperty("updatedBy").GetString(), audit.GetProperty("moderatorId").GetString());
        Assert.Equal(read.GetProperty("version").GetInt64().ToString(), audit.GetProperty("toStatus").GetString());

        var article = CommentClient.NewArticle("trust-set");
        using var author = await silo.Factory.ReaderAsync("trust-set");
        var first = await author.CommentAsync(article, Civil);
        var withLink = await author.CommentAsync(article, "The budget is at https://example.org/budget.pdf for anyone who wants it.");
        Assert.Equal(["pending", "published"], new[] { first, withLink }.Select(comment => comment.Status()));

        var overridden = CommentClient.NewArticle("trust-override");
        (await editor.SettingsAsync(overridden, new { trust = new { newReaderComments = 0 } })).EnsureSuccessStatusCode();
        using var newcomer = await silo.Factory.ReaderAsync("trust-override");
        Assert.Equal("published", (await newcomer.CommentAsync(overridden, Civil)).Status());
    }

    [Fact]
    public async Task Settings_out_of_range_or_missing_are_refused_and_change_nothing()
    {
        using var editor = await silo.Factory.ReaderAsync("trust-editor", "editor");
        var before = await editor.GetJsonAsync("/api/moderation/rules/trust");

        using var negative = await editor.PutAsJsonAsync("/api/moderation/rules/trust", Settings(newReaderComments: -1));
        var problem = await ProblemAssert.Expect(negative, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("newReaderComments", out _), problem.GetRawText());
        using var missing = await editor.PutAsJsonAsync("/api/moderation/rules/trust", new { newReaderComments = 1 });
        var missingProblem = await ProblemAssert.Expect(missing, HttpStatusCode.BadRequest);
        Assert.True(missingProblem.GetProperty("errors").TryGetProperty("rejectionWindowMinutes", out _), missingProblem.GetRawText());

        Assert.Equal(before.GetRawText(), (await editor.GetJsonAsync("/api/moderation/rules/trust")).GetRawText());
    }

    [Fact]
    public async Task A_change_from_a_version_no_longer_current_is_refused_with_409()
    {
        using var editor = await silo.Factory.ReaderAsync("trust-editor", "editor");
        var current = (await PutOkAsync(editor, Settings(newReaderComments: 0))).GetProperty("version").GetInt64();

        using var stale = await editor.PutAsJsonAsync("/api/moderation/rules/trust", Settings(newReaderComments: 5, version: current - 1));

        await ProblemAssert.Expect(stale, HttpStatusCode.Conflict);
        Assert.Equal(current, (await editor.GetJsonAsync("/api/moderation/rules/trust")).GetProperty("version").GetInt64());
    }

    private static object Settings(int newReaderComments, long? version = null) => new
    {
        newReaderComments,
        linkApprovedComments = 0,
        recentRejections = 0,
        rejectionWindowMinutes = 60,
        rejectionPremoderationMinutes = 120,
        version,
    };

    private static async Task<JsonElement> PutOkAsync(HttpClient editor, object settings)
    {
        using var response = await editor.PutAsJsonAsync("/api/moderation/rules/trust", settings);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
