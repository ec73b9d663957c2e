using Moderation.Client.Http;

namespace Moderation.Client.Operators;

/// <summary>
/// Tokens for identities a command acts as: signed locally with the service's signing key when there is one (the
/// same code as <c>moderation token</c>), else asked of the service's Development endpoint.
/// </summary>
internal sealed class TokenSource(ModerationApi service, string? signingKey, TimeSpan lifetime)
{
    private readonly TokenMinter? _minter = signingKey is null ? null : new TokenMinter(signingKey, lifetime: lifetime);

    /// <summary>Whether tokens are signed here rather than asked of the service.</summary>
    public bool SignsLocally => _minter is not null;

    public async Task<string> MintAsync(string subject, string[] roles, CancellationToken cancellationToken) =>
        _minter is not null ? _minter.Mint(subject, subject, roles) : await service.DevTokenAsync(subject, subject, roles, cancellationToken);
}
