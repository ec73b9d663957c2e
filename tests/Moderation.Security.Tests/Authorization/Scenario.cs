using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moderation.Security.Tests.Authorization;

/// <summary>The things the matrix's requests point at: an article, polls and comments, made through the API.</summary>
internal sealed class Scenario(SecuritySilo silo)
{
    public const string Author = "matrix-author";
    private static readonly string Suffix = Guid.NewGuid().ToString("N")[..8];

    public string Article { get; } = "matrix-" + Suffix;

    public string PremoderatedArticle { get; } = "matrix-held-" + Suffix;

    public string OpenPoll { get; private set; } = "";

    public string MembersPoll { get; private set; } = "";

    public string PublishedComment { get; private set; } = "";

    public string PendingComment { get; private set; } = "";

    public string AnonymousToken { get; private set; } = "";

    public async Task CreateAsync()
    {
        using var moderator = silo.Client(silo.Token("matrix-moderator", "moderator"));
        using var held = await moderator.PutAsJsonAsync($"/api/articles/{PremoderatedArticle}/settings", new { premoderation = true });
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        OpenPoll = await NewPollAsync(allowAnonymous: true);
        MembersPoll = await NewPollAsync(allowAnonymous: false);
        PublishedComment = (await PostAsync(Article, Author)).Id;
        PendingComment = (await PostAsync(PremoderatedArticle, Author)).Id;
        using var anonymous = silo.Client();
        using var issued = await anonymous.PostAsync("/api/readers/anonymous", null);
        AnonymousToken = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async Task<string> NewPollAsync(bool allowAnonymous = true, string resultsVisibility = "always")
    {
        using var editor = silo.Client(silo.Token("matrix-editor", "editor"));
        using var created = await editor.PostAsJsonAsync($"/api/articles/{Article}/polls",
            new { question = "Is this a fair question?", options = new[] { "Yes", "No" }, allowAnonymous, resultsVisibility });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<(string Id, int Revision)> PostAsync(string article, string author)
    {
        using var client = silo.Client(silo.Token(author));
        using var posted = await client.PostAsJsonAsync($"/api/articles/{article}/comments", new { body = "Thanks for the clear reporting on this." });
        var body = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(posted.StatusCode == HttpStatusCode.Created, body.ToString());
        return (body.GetProperty("id").GetString()!, body.GetProperty("revision").GetInt32());
    }

    /// <summary>Waits until no retrain job is queued or running (the matrix's own jobs fail fast: the service has too few labels).</summary>
    public async Task NoRetrainUnderWayAsync()
    {
        using var moderator = silo.Client(silo.Token("matrix-moderator", "moderator"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var jobs = await moderator.GetFromJsonAsync<JsonElement>("/api/model/retrain");
            if (!jobs.GetProperty("items").EnumerateArray().Any(job => job.GetProperty("status").GetString() is "queued" or "running"))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "A retrain job did not finish within a minute.");
            await Task.Delay(100);
        }
    }

    /// <summary>The id of a retrain job, started for the purpose when there is none.</summary>
    /// <summary>A webhook at a closed loopback port, for the routes that need one.</summary>
    public async Task<string> WebhookAsync()
    {
        using var editor = silo.Client(silo.Token("matrix-editor", "editor"));
        using var created = await editor.PostAsJsonAsync("/api/webhooks", Webhook);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static readonly object Webhook = new { url = "http://127.0.0.1:9/hook", events = new[] { "poll.closed" }, secret = "matrix-webhook-secret-0123" };

    public async Task<string> RetrainJobAsync()
    {
        using var moderator = silo.Client(silo.Token("matrix-moderator", "moderator"));
        var jobs = await moderator.GetFromJsonAsync<JsonElement>("/api/model/retrain");
        if (jobs.GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } job)
        {
            return job.GetProperty("id").GetString()!;
        }

        using var started = await moderator.PostAsync("/api/model/retrain", null);
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>The model version current when <see cref="CurrentModelVersionAsync"/> last looked.</summary>
    public string ModelVersion { get; private set; } = "";

    public async Task<string> CurrentModelVersionAsync()
    {
        using var moderator = silo.Client(silo.Token("matrix-moderator", "moderator"));
        ModelVersion = (await moderator.GetFromJsonAsync<JsonElement>("/api/model/versions")).GetProperty("current").GetString()!;
        return ModelVersion;
    }

    public string TokenFor(Identity identity) => identity switch
    {
        Identity.Reader => silo.Token("matrix-reader"),
        Identity.Anonymous => AnonymousToken,
        Identity.BannedReader => silo.Token(SecuritySilo.BannedReader),
        Identity.Moderator => silo.Token("matrix-moderator", "moderator"),
        Identity.Editor => silo.Token("matrix-editor", "editor"),
        Identity.Admin => silo.Token("matrix-admin", "admin"),
        Identity.ExpiredToken => silo.Tokens.Sign("matrix-admin", ["admin"], TimeSpan.FromMinutes(-5)),
        Identity.OtherKeyToken => Tokens.WithNewKey().Sign("matrix-admin", ["admin"]),
        _ => "",
    };
}
