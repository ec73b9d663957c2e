namespace Moderation.Security.Tests.Authorization;

/// <summary>One request to send as each identity, and the status each must get.</summary>
internal sealed record Call(string Url, object? Body = null);

/// <summary>
/// A route and the statuses expected for the identities in <see cref="Identity"/> order:
/// no token, reader, anonymous, banned reader, moderator, editor, admin, expired token, token signed with another key.
/// </summary>
internal sealed record RouteRow(string Method, string Pattern, string Statuses, Func<Scenario, Task<Call>> Make, string Case = "")
{
    public int Expected(Identity identity) => int.Parse(Statuses.Split(' ', StringSplitOptions.RemoveEmptyEntries)[(int)identity]);

    public override string ToString() => $"{Method} {Pattern}{(Case.Length > 0 ? $" ({Case})" : "")}";
}

/// <summary>Every route of the API. A route added without a row here fails the coverage test.</summary>
internal static class RouteTable
{
    private const string Public200 = "200 200 200 200 200 200 200 200 200";

    private static readonly object Vote = new { optionId = "o1" };
    private static readonly object Comment = new { body = "A calm and fair point, well made." };

    public static readonly RouteRow[] Rows =
    [
        new("GET", "/health/live", Public200, _ => Fixed("/health/live")),
        new("GET", "/health/ready", Public200, _ => Fixed("/health/ready")),
        new("GET", "/openapi/{documentName}.json", Public200, _ => Fixed("/openapi/v1.json")),
        new("POST", "/api/dev/tokens", Public200, _ => Fixed("/api/dev/tokens", new { subject = "someone" })),
        new("POST", "/api/readers/anonymous", Public200, _ => Fixed("/api/readers/anonymous")),

        new("GET", "/api/articles/{articleId}", Public200, s => Fixed($"/api/articles/{s.Article}")),
        new("PUT", "/api/articles/{articleId}/settings", "401 403 403 403 200 200 200 401 401",
            s => Fixed($"/api/articles/{s.Article}/settings", new { commentsOpen = true })),
        new("POST", "/api/articles/{articleId}/recount", "401 403 403 403 200 200 200 401 401",
            s => Fixed($"/api/articles/{s.Article}/recount")),

        new("POST", "/api/articles/{articleId}/polls", "401 403 403 403 403 201 201 401 401",
            s => Fixed($"/api/articles/{s.Article}/polls", new { question = "Yes or no?", options = new[] { "Yes", "No" } })),
        new("GET", "/api/polls/{pollId}", Public200, s => Fixed($"/api/polls/{s.OpenPoll}")),
        new("POST", "/api/polls/{pollId}/votes", "401 200 200 403 200 200 200 401 401",
            s => Fixed($"/api/polls/{s.OpenPoll}/votes", Vote), "poll open to anonymous votes"),
        new("POST", "/api/polls/{pollId}/votes", "401 200 403 403 200 200 200 401 401",
            s => Fixed($"/api/polls/{s.MembersPoll}/votes", Vote), "signed-in readers only"),
        new("GET", "/api/polls/{pollId}/votes/me", "401 200 200 200 200 200 200 401 401",
            async s => new Call($"/api/polls/{await s.NewPollAsync()}/votes/me"), "not voted"),
        new("GET", "/api/polls/{pollId}/results", Public200, s => Fixed($"/api/polls/{s.OpenPoll}/results")),
        new("GET", "/api/polls/{pollId}/results", "403 403 403 403 403 200 200 403 403",
            async s => new Call($"/api/polls/{await s.NewPollAsync(resultsVisibility: "after-vote")}/results"), "after-vote, not voted"),
        new("GET", "/api/polls/{pollId}/results", "403 403 403 403 403 200 200 403 403",
            async s => new Call($"/api/polls/{await s.NewPollAsync(resultsVisibility: "after-close")}/results"), "after-close, open"),
        new("GET", "/api/polls/{pollId}/events", Public200, s => Fixed($"/api/polls/{s.OpenPoll}/events")),
        new("GET", "/api/polls/{pollId}/events", "403 403 403 403 403 200 200 403 403",
            async s => new Call($"/api/polls/{await s.NewPollAsync(resultsVisibility: "after-vote")}/events"), "after-vote, not voted"),
        new("POST", "/api/polls/{pollId}/close", "401 403 403 403 403 200 200 401 401",
            async s => new Call($"/api/polls/{await s.NewPollAsync()}/close")),
        new("POST", "/api/polls/{pollId}/recount", "401 403 403 403 403 200 200 401 401",
            s => Fixed($"/api/polls/{s.OpenPoll}/recount")),
        new("PUT", "/api/polls/{pollId}/schedule", "401 403 403 403 403 200 200 401 401",
            s => Fixed($"/api/polls/{s.OpenPoll}/schedule", new { closesAt = DateTimeOffset.UtcNow.AddDays(30) })),
        new("GET", "/api/polls", "401 403 403 403 403 200 200 401 401", _ => Fixed("/api/polls?limit=5")),
        new("GET", "/api/polls/{pollId}/timeline", "401 403 403 403 403 200 200 401 401",
            s => Fixed($"/api/polls/{s.OpenPoll}/timeline?bucket=1h")),
        new("GET", "/api/polls/{pollId}/export", "401 403 403 403 403 200 200 401 401",
            s => Fixed($"/api/polls/{s.OpenPoll}/export")),
        new("GET", "/api/polls/{pollId}/signals", "401 403 403 403 403 200 200 401 401",
            s => Fixed($"/api/polls/{s.OpenPoll}/signals")),

        new("POST", "/api/articles/{articleId}/comments", "401 201 403 403 201 201 201 401 401",
            s => Fixed($"/api/articles/{s.Article}/comments", Comment)),
        new("GET", "/api/articles/{articleId}/comments", Public200, s => Fixed($"/api/articles/{s.Article}/comments")),
        new("GET", "/api/articles/{articleId}/events", Public200, s => Fixed($"/api/articles/{s.Article}/events")),
        new("GET", "/api/comments/{commentId}", Public200, s => Fixed($"/api/comments/{s.PublishedComment}"), "published"),
        new("GET", "/api/comments/{commentId}", "404 404 404 404 200 404 200 404 404",
            s => Fixed($"/api/comments/{s.PendingComment}"), "pending: moderators only"),
        new("GET", "/api/comments/{commentId}/replies", Public200, s => Fixed($"/api/comments/{s.PublishedComment}/replies")),
        new("DELETE", "/api/comments/{commentId}", "401 403 403 403 204 403 204 401 401",
            async s => new Call($"/api/comments/{(await s.PostAsync(s.Article, Scenario.Author)).Id}"), "someone else's"),
        new("PATCH", "/api/comments/{commentId}", "401 403 403 403 403 403 403 401 401",
            async s => new Call($"/api/comments/{(await s.PostAsync(s.Article, Scenario.Author)).Id}", new { body = "A corrected and calm text." }),
            "someone else's"),
        new("POST", "/api/comments/{commentId}/reports", "401 202 403 403 202 202 202 401 401",
            s => Fixed($"/api/comments/{s.PublishedComment}/reports", new { reason = "spam" })),
        new("PUT", "/api/comments/{commentId}/reaction", "401 200 403 403 200 200 200 401 401",
            s => Fixed($"/api/comments/{s.PublishedComment}/reaction")),
        new("DELETE", "/api/comments/{commentId}/reaction", "401 200 403 403 200 200 200 401 401",
            s => Fixed($"/api/comments/{s.PublishedComment}/reaction")),
        new("POST", "/api/toxicity/check", "401 200 403 200 200 200 200 401 401", _ => Fixed("/api/toxicity/check", Comment)),

        new("GET", "/api/model", Public200, _ => Fixed("/api/model")),
        new("POST", "/api/model/score", "401 403 403 403 200 403 200 401 401", _ => Fixed("/api/model/score", new { text = "hello" })),
        new("POST", "/api/model/labels", "401 403 403 403 200 403 200 401 401",
            _ => Fixed("/api/model/labels", new { items = new[] { new { text = $"a label {Guid.NewGuid():N}", toxic = false, source = "matrix" } } })),
        new("GET", "/api/model/labels", "401 403 403 403 200 200 200 401 401", _ => Fixed("/api/model/labels")),
        new("POST", "/api/model/retrain", "401 403 403 403 202 202 202 401 401", async s =>
        {
            await s.NoRetrainUnderWayAsync();
            return new Call("/api/model/retrain");
        }, "none under way"),
        new("GET", "/api/model/retrain", "401 403 403 403 200 200 200 401 401", _ => Fixed("/api/model/retrain")),
        new("GET", "/api/model/retrain/{id}", "401 403 403 403 200 200 200 401 401",
            async s => new Call($"/api/model/retrain/{await s.RetrainJobAsync()}")),
        new("GET", "/api/model/versions", "401 403 403 403 200 200 200 401 401", _ => Fixed("/api/model/versions")),
        new("POST", "/api/model/versions/{version}/promote", "401 403 403 403 200 200 200 401 401",
            async s => new Call($"/api/model/versions/{await s.CurrentModelVersionAsync()}/promote"), "the current version again"),

        new("POST", "/api/imports/batches", "401 403 403 403 200 200 200 401 401", s => Fixed("/api/imports/batches", new
        {
            source = "disqus",
            html = true,
            comments = new[] { new { sourceId = Guid.NewGuid().ToString("N"), articleId = s.Article, authorKey = "email:matrix@example.org", body = "<p>Imported</p>", createdAt = "2019-01-01T00:00:00Z", status = "published" } },
        })),

        new("POST", "/api/imports/audit", "401 403 403 403 200 403 200 401 401", _ => Fixed("/api/imports/audit", new
        {
            records = new[] { new { at = "2019-01-01T00:00:00Z", moderatorId = "matrix-mod", action = "unban", readerId = "r-" + Guid.NewGuid().ToString("N") } },
        })),

        new("POST", "/api/imports/polls", "401 403 403 403 200 200 200 401 401", s => Fixed("/api/imports/polls", new
        {
            id = "pimport" + Guid.NewGuid().ToString("N")[..8], articleId = s.Article, question = "Restored?",
            options = new[] { new { id = "o1", text = "Yes" }, new { id = "o2", text = "No" } }, createdAt = "2019-01-01T00:00:00Z",
        })),
        new("POST", "/api/imports/polls/{pollId}/ballots", "401 403 403 403 200 200 200 401 401", async s => new Call(
            $"/api/imports/polls/{await s.NewPollAsync()}/ballots", new { ballots = new[] { new { readerId = "r-" + Guid.NewGuid().ToString("N"), choice = "o1", signedIn = true } } })),

        new("GET", "/api/export", "401 403 403 403 200 200 200 401 401", s => Fixed($"/api/export?articleId={s.Article}")),

        new("GET", "/api/moderation/queue", "401 403 403 403 200 403 200 401 401", _ => Fixed("/api/moderation/queue")),
        new("POST", "/api/moderation/comments/{commentId}/decision", "401 403 403 403 200 403 200 401 401", async s =>
        {
            var (id, revision) = await s.PostAsync(s.PremoderatedArticle, Scenario.Author);
            return new Call($"/api/moderation/comments/{id}/decision", new { action = "approve", revision });
        }),
        new("POST", "/api/moderation/readers/{readerId}/ban", "401 403 403 403 200 403 200 401 401",
            _ => Fixed($"/api/moderation/readers/target-{Guid.NewGuid():N}/ban", new { reason = "spam", rejectPending = true })),
        new("DELETE", "/api/moderation/readers/{readerId}/ban", "401 403 403 403 204 403 204 401 401",
            _ => Fixed($"/api/moderation/readers/target-{Guid.NewGuid():N}/ban")),
        new("POST", "/api/moderation/comments/{commentId}/feature", "401 403 403 403 200 200 200 401 401",
            s => Fixed($"/api/moderation/comments/{s.PublishedComment}/feature")),
        new("DELETE", "/api/moderation/comments/{commentId}/feature", "401 403 403 403 200 200 200 401 401",
            s => Fixed($"/api/moderation/comments/{s.PublishedComment}/feature")),
        new("GET", "/api/moderation/readers/{readerId}", "401 403 403 403 200 403 200 401 401",
            _ => Fixed($"/api/moderation/readers/{Scenario.Author}")),
        new("GET", "/api/readers/me/comments", "401 200 403 200 200 200 200 401 401", _ => Fixed("/api/readers/me/comments")),
        new("GET", "/api/readers/me/events", "401 200 403 200 200 200 200 401 401", _ => Fixed("/api/readers/me/events")),
        new("GET", "/api/moderation/audit", "401 403 403 403 200 403 200 401 401", _ => Fixed("/api/moderation/audit")),
        new("GET", "/api/moderation/events", "401 403 403 403 200 403 200 401 401", _ => Fixed("/api/moderation/events")),
        new("GET", "/api/moderation/rules/words", "401 403 403 403 200 200 200 401 401", _ => Fixed("/api/moderation/rules/words")),
        new("PUT", "/api/moderation/rules/words", "401 403 403 403 200 200 200 401 401",
            _ => Fixed("/api/moderation/rules/words", new { banned = Array.Empty<string>(), suspect = Array.Empty<string>() })),
        new("GET", "/api/moderation/rules/trust", "401 403 403 403 200 200 200 401 401", _ => Fixed("/api/moderation/rules/trust")),
        new("PUT", "/api/moderation/rules/trust", "401 403 403 403 200 200 200 401 401",
            _ => Fixed("/api/moderation/rules/trust", new
            {
                newReaderComments = 0, linkApprovedComments = 0, recentRejections = 0, rejectionWindowMinutes = 1440, rejectionPremoderationMinutes = 1440,
            })),
        new("POST", "/api/webhooks", "401 403 403 403 403 201 201 401 401", _ => Fixed("/api/webhooks", Scenario.Webhook)),
        new("GET", "/api/webhooks", "401 403 403 403 403 200 200 401 401", _ => Fixed("/api/webhooks")),
        new("DELETE", "/api/webhooks/{webhookId}", "401 403 403 403 403 204 204 401 401", async s => new Call($"/api/webhooks/{await s.WebhookAsync()}")),
        new("GET", "/api/webhooks/{webhookId}/deliveries", "401 403 403 403 403 200 200 401 401",
            async s => new Call($"/api/webhooks/{await s.WebhookAsync()}/deliveries")),

        // Last: each caller erases itself (a ban outlives it), so no later row meets an erased caller.
        new("GET", "/api/readers/me/export", "401 200 403 200 200 200 200 401 401", _ => Fixed("/api/readers/me/export")),
        new("DELETE", "/api/moderation/readers/{readerId}", "401 403 403 403 204 403 204 401 401",
            _ => Fixed($"/api/moderation/readers/erasure-target-{Guid.NewGuid():N}")),
        new("DELETE", "/api/readers/me", "401 204 403 204 204 204 204 401 401", _ => Fixed("/api/readers/me")),
    ];

    private static Task<Call> Fixed(string url, object? body = null) => Task.FromResult(new Call(url, body));
}
