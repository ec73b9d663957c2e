using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Moderation.Testing;

namespace Moderation.Api.Tests.Auth;

[Collection(SiloCollection.Name)]
public sealed class TokenValidationTests(SharedSilo silo)
{
    private static readonly object Settings = new { premoderation = true };

    [Fact]
    public async Task A_dev_token_with_role_moderator_is_accepted()
    {
        using var client = silo.CreateClient();
        client.WithToken(await client.DevTokenAsync("mia", "moderator"));

        using var response = await client.PutAsJsonAsync($"/api/articles/{NewArticle()}/settings", Settings);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_plain_reader_may_not_change_article_settings()
    {
        using var client = silo.CreateClient();
        client.WithToken(await client.DevTokenAsync("rita"));

        using var response = await client.PutAsJsonAsync($"/api/articles/{NewArticle()}/settings", Settings);

        await ProblemAssert.Expect(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task No_token_is_401()
    {
        using var client = silo.CreateClient();

        using var response = await client.PutAsJsonAsync($"/api/articles/{NewArticle()}/settings", Settings);

        await ProblemAssert.Expect(response, HttpStatusCode.Unauthorized);
    }

    public static TheoryData<string> RefusedTokens => new()
    {
        "expired",
        "other-key",
        "alg-none",
        "wrong-issuer",
        "garbage",
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_bad_token_is_401_even_with_a_privileged_role(string kind)
    {
        var key = Tokens.DevelopmentKey(silo.Factory.DataDirectory);
        var token = kind switch
        {
            "expired" => Tokens.Signed(key, "mia", ["moderator"], DateTime.UtcNow.AddMinutes(-5)),
            "other-key" => Tokens.Signed(RandomNumberGenerator.GetBytes(48), "mia", ["moderator"], DateTime.UtcNow.AddHours(1)),
            "alg-none" => Tokens.Unsigned("mia", ["moderator"]),
            "wrong-issuer" => Tokens.Signed(key, "mia", ["moderator"], DateTime.UtcNow.AddHours(1), issuer: "someone-else"),
            _ => "not.a.token",
        };
        using var client = silo.CreateClient();
        client.WithToken(token);

        using var response = await client.PutAsJsonAsync($"/api/articles/{NewArticle()}/settings", Settings);

        await ProblemAssert.Expect(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_same_claims_signed_with_the_right_key_are_accepted()
    {
        var key = Tokens.DevelopmentKey(silo.Factory.DataDirectory);
        using var client = silo.CreateClient();
        client.WithToken(Tokens.Signed(key, "mia", ["moderator"], DateTime.UtcNow.AddHours(1)));

        using var response = await client.PutAsJsonAsync($"/api/articles/{NewArticle()}/settings", Settings);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Dev_tokens_refuse_roles_that_do_not_exist()
    {
        using var client = silo.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/dev/tokens", new { subject = "x", roles = new[] { "overlord" } });

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty("roles", out _));
    }

    [Fact]
    public async Task An_anonymous_token_is_issued_with_a_fresh_subject()
    {
        using var client = silo.CreateClient();

        using var first = await client.PostAsync("/api/readers/anonymous", null);
        using var second = await client.PostAsync("/api/readers/anonymous", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var one = (await first.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["token"];
        var two = (await second.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["token"];
        Assert.NotEqual(one, two);
    }

    [Fact]
    public async Task An_anonymous_token_is_not_a_reader_for_editing()
    {
        using var client = silo.CreateClient();
        using var issued = await client.PostAsync("/api/readers/anonymous", null);
        client.WithToken((await issued.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["token"]);

        using var response = await client.PutAsJsonAsync($"/api/articles/{NewArticle()}/settings", Settings);

        await ProblemAssert.Expect(response, HttpStatusCode.Forbidden);
    }

    private static string NewArticle() => "auth-" + Guid.NewGuid().ToString("N")[..10];
}
