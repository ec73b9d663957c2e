using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Moderation.Client.Http;
using Moderation.Client.Operators;

namespace Moderation.Client.Tests;

[Collection(ServiceCollection.Name)]
public sealed class OperatorCommandTests(ServiceFixture service)
{
    [Fact]
    public async Task Health_shows_each_check_and_exits_zero_when_ready()
    {
        var result = await service.RunAsync("health");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("ready (Healthy)", result.Output);
        Assert.Contains("live", result.Output);
    }

    [Fact]
    public async Task Health_of_an_unreachable_service_says_so_and_exits_two()
    {
        var result = await Cli.RunAsync(_ => ClientHost.CreateSocketsHandler(), "health", "--url", "http://127.0.0.1:1");

        Assert.Equal(ClientHost.Unreachable, result.ExitCode);
        Assert.Contains("Could not reach the service at http://127.0.0.1:1/", result.Output);
    }

    [Fact]
    public async Task A_token_signed_with_the_service_key_carries_its_roles()
    {
        var editor = await service.RunAsync("token", "--subject", "erin", "--role", "editor", "--signing-key", service.SigningKey, "--lifetime", "10m");
        var reader = await service.RunAsync("token", "--subject", "rita", "--signing-key", service.SigningKey);

        Assert.Equal(0, editor.ExitCode);
        var jwt = new JsonWebToken(editor.Output.Trim());
        Assert.Equal("erin", jwt.Subject);
        Assert.Equal("erin", jwt.GetClaim("name").Value);
        Assert.Equal(["editor"], jwt.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.InRange(jwt.ValidTo - jwt.IssuedAt, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.OK, await ChangeSettingsAs(editor.Output.Trim()));
        Assert.Equal(HttpStatusCode.Forbidden, await ChangeSettingsAs(reader.Output.Trim()));
    }

    [Fact]
    public async Task A_token_for_another_issuer_or_key_is_refused()
    {
        var otherIssuer = await service.RunAsync("token", "--subject", "erin", "--role", "editor", "--signing-key", service.SigningKey, "--issuer", "elsewhere");
        var otherKey = new TokenMinter(Convert.ToBase64String(new byte[32])).Mint("erin", "erin", ["editor"]);

        Assert.Equal(HttpStatusCode.Unauthorized, await ChangeSettingsAs(otherIssuer.Output.Trim()));
        Assert.Equal(HttpStatusCode.Unauthorized, await ChangeSettingsAs(otherKey));
    }

    [Fact]
    public async Task Without_a_signing_key_the_token_comes_from_the_development_service()
    {
        var result = await service.RunAsync("token", "--subject", "mo", "--role", "moderator", "--role", "editor");

        Assert.Equal(0, result.ExitCode);
        var jwt = new JsonWebToken(result.Output.Trim());
        Assert.Equal(["moderator", "editor"], jwt.Claims.Where(c => c.Type == "role").Select(c => c.Value).Order().Reverse());
        Assert.Equal(HttpStatusCode.OK, await ChangeSettingsAs(result.Output.Trim()));
    }

    [Fact]
    public async Task Problem_details_become_a_readable_exception()
    {
        var api = service.Api();

        var invalidId = await Assert.ThrowsAsync<ProblemException>(() => api.GetArticleAsync("not a valid id!"));
        var badRole = await Assert.ThrowsAsync<ProblemException>(() => api.DevTokenAsync("alice", null, ["owner"]));

        Assert.Equal(HttpStatusCode.BadRequest, invalidId.Status);
        Assert.Contains("articleId", invalidId.Errors.Keys);
        Assert.StartsWith("400 ", invalidId.Message);
        Assert.Contains("articleId: An article id is 1 to 128", invalidId.Message);
        Assert.Contains("roles: Unknown roles: owner", badRole.Message);
    }

    [Fact]
    public async Task The_typed_client_reads_real_answers()
    {
        var api = service.Api();

        var live = await api.LiveAsync();
        var (ready, report) = await api.ReadyAsync();
        var article = await api.GetArticleAsync("client-tests-article");

        Assert.Equal("Healthy", live.Status);
        Assert.True(ready, string.Join(", ", report.Checks!.Select(c => $"{c.Key}={c.Value.Status}")));
        Assert.Equal("client-tests-article", article.Id);
        Assert.Empty(article.PollIds);
    }

    [Fact]
    public async Task A_refused_command_prints_the_problem_and_exits_one()
    {
        var result = await service.RunAsync("polls", "results", "no-such-poll");

        Assert.Equal(ClientHost.ServiceRefused, result.ExitCode);
        Assert.Contains("The service refused: 404", result.Output);
    }

    private async Task<HttpStatusCode> ChangeSettingsAs(string token)
    {
        using var client = service.Client(token);
        using var response = await client.PutAsJsonAsync("/api/articles/client-tests-settings/settings", new { commentsOpen = true });
        return response.StatusCode;
    }
}
