using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using Moderation.Api.Auth;

namespace Moderation.Api.Tests.Auth;

public sealed class ReaderIdentityTests
{
    [Fact]
    public void A_readers_subject_and_name_are_read_and_a_plain_reader_is_neither_anonymous_nor_a_moderator()
    {
        var reader = ReaderIdentity.From(Principal(("sub", "rita"), ("name", "Rita R.")));

        Assert.Equal(new ReaderIdentity("rita", "Rita R.", IsAnonymous: false, IsModerator: false), reader);
    }

    [Theory]
    [InlineData("moderator", false, true)]
    [InlineData("admin", false, true)]
    [InlineData("editor", false, false)]
    [InlineData("anonymous", true, false)]
    public void Roles_decide_anonymous_and_moderator(string role, bool anonymous, bool moderator)
    {
        var reader = ReaderIdentity.From(Principal(("sub", "mia"), ("role", "reader"), ("role", role)));

        Assert.Equal((anonymous, moderator), (reader.IsAnonymous, reader.IsModerator));
        Assert.Null(reader.Name);
    }

    [Fact]
    public void The_first_subject_counts_and_a_role_in_another_claim_type_does_not()
    {
        var reader = ReaderIdentity.From(Principal(("sub", "first"), ("sub", "second"), ("roles", "moderator"), ("Role", "admin")));

        Assert.Equal("first", reader.Id);
        Assert.False(reader.IsModerator);
    }

    [Fact]
    public void Matches_what_the_principal_itself_answers_for_a_validated_token_identity()
    {
        var user = Principal(("sub", "ann"), ("name", "Ann"), ("role", "anonymous"), ("SUB", "other"), ("role", "Moderator"));

        var reader = ReaderIdentity.From(user);

        Assert.Equal(user.FindFirstValue(ClaimNames.Subject), reader.Id);
        Assert.Equal(user.FindFirstValue(ClaimNames.Name), reader.Name);
        Assert.Equal(user.IsInRole(Roles.Anonymous), reader.IsAnonymous);
        Assert.Equal(user.IsInRole(Roles.Moderator) || user.IsInRole(Roles.Admin), reader.IsModerator);
    }

    [Fact]
    public void A_principal_without_a_subject_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => ReaderIdentity.From(Principal(("name", "nobody"))));
    }

    /// <summary>The identity JWT validation makes: claim types matched exactly, "role" as the role claim type.</summary>
    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new CaseSensitiveClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value)), "Bearer", ClaimNames.Name, ClaimNames.Role));
}
