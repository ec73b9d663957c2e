using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

using Moderation.Testing;

namespace Moderation.Security.Tests.Authorization;

/// <summary>Every route against every kind of caller, each with the status the table expects.</summary>
[Collection(SecurityCollection.Name)]
public sealed class AuthorizationMatrixTests(SecuritySilo silo, Counts counts, ITestOutputHelper output) : IClassFixture<Counts>
{
    [Fact]
    public async Task Every_route_answers_every_identity_with_the_expected_status()
    {
        var scenario = new Scenario(silo);
        await scenario.CreateAsync();
        var failures = new List<string>();
        var requests = 0;
        foreach (var row in RouteTable.Rows)
        {
            foreach (var identity in Enum.GetValues<Identity>())
            {
                var call = await row.Make(scenario);
                using var client = silo.Client(identity == Identity.NoToken ? null : scenario.TokenFor(identity));
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), call.Url);
                if (call.Body is not null)
                {
                    request.Content = JsonContent.Create(call.Body);
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                requests++;
                var expected = row.Expected(identity);
                if ((int)response.StatusCode != expected)
                {
                    failures.Add($"{row} as {identity}: expected {expected}, got {(int)response.StatusCode}");
                }
                else if (expected >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{row} as {identity}: {expected} without a problem detail");
                }
            }
        }

        counts.Report(output, "authorization matrix",
            $"{RouteTable.Rows.Length} rows x {Enum.GetValues<Identity>().Length} identities = {requests} requests tried, {failures.Count} wrong");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void The_table_has_a_row_for_every_route_the_service_maps()
    {
        var mapped = silo.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method} {Normalise(endpoint.RoutePattern.RawText)}"))
            .Where(route => route.Contains(" /api/", StringComparison.Ordinal) || route.Contains(" /health/", StringComparison.Ordinal)
                || route.Contains(" /openapi/", StringComparison.Ordinal))
            .ToHashSet();
        var covered = RouteTable.Rows.Select(row => $"{row.Method} {row.Pattern}").ToHashSet();

        Assert.True(mapped.Count > 0);
        var missing = mapped.Except(covered).Order().ToArray();
        Assert.True(missing.Length == 0, "Routes without a row in RouteTable:\n" + string.Join('\n', missing));
        var stale = covered.Except(mapped).Order().ToArray();
        Assert.True(stale.Length == 0, "Rows for routes the service does not map:\n" + string.Join('\n', stale));
    }

    [Fact]
    public async Task Only_its_author_and_moderators_see_a_held_comment_and_only_its_author_or_a_moderator_deletes_one()
    {
        var scenario = new Scenario(silo);
        await scenario.CreateAsync();
        var (held, revision) = await scenario.PostAsync(scenario.PremoderatedArticle, Scenario.Author);
        var (published, _) = await scenario.PostAsync(scenario.Article, Scenario.Author);
        using var author = silo.Client(silo.Token(Scenario.Author));
        using var other = silo.Client(silo.Token("matrix-other-reader"));

        using var authorSees = await author.GetAsync($"/api/comments/{held}");
        using var otherSees = await other.GetAsync($"/api/comments/{held}");
        using var authorDecides = await author.PostAsJsonAsync($"/api/moderation/comments/{held}/decision", new { action = "approve", revision });
        using var otherDeletes = await other.DeleteAsync($"/api/comments/{published}");
        using var authorDeletes = await author.DeleteAsync($"/api/comments/{published}");
        var deleted = await other.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/comments/{published}");

        Assert.Equal(HttpStatusCode.OK, authorSees.StatusCode);
        await ProblemAssert.Expect(otherSees, HttpStatusCode.NotFound);
        await ProblemAssert.Expect(authorDecides, HttpStatusCode.Forbidden);
        await ProblemAssert.Expect(otherDeletes, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, authorDeletes.StatusCode);
        Assert.Equal("deleted", deleted.GetProperty("status").GetString());
        counts.Report(output, "author-only operations", "5 requests tried");
    }

    private static string Normalise(string? pattern) => (pattern ?? "").TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";
}
