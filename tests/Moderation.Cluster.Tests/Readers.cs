using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Moderation.Api.Auth;

namespace Moderation.Cluster.Tests;

/// <summary>Tokens signed with the cluster's key, as a news site's login would sign them: no dev-token route in Production.</summary>
public sealed class Readers(string signingKeyBase64)
{
    private readonly TokenIssuer _issuer = new(
        new SymmetricSecurityKey(Convert.FromBase64String(signingKeyBase64)), Options.Create(new AuthOptions()), TimeProvider.System);

    public string Token(string subject, params string[] roles) => _issuer.Issue(subject, subject, roles, TimeSpan.FromHours(1));
}
