using System.CommandLine;
using System.CommandLine.Parsing;
using Moderation.Client.Http;

namespace Moderation.Client.Operators;

/// <summary>
/// <c>token</c>: mints a bearer token. With <c>--signing-key</c> it signs locally, exactly as the service would;
/// without one it asks a service in Development (<c>POST /api/dev/tokens</c>). Prints only the token, for scripts.
/// </summary>
internal static class TokenCommand
{
    public const string SigningKeyVariable = "MODERATION_SIGNING_KEY";

    public static Option<string?> SigningKeyOption() => new("--signing-key")
    {
        Description = $"Base64 HS256 key the service validates with (its Auth:SigningKey; default ${SigningKeyVariable}). Without it, tokens come from the service's /api/dev/tokens (Development only)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(SigningKeyVariable) is { Length: > 0 } key ? key : null,
        Validators = { ValidateKey },
    };

    public static Command Create(ClientHost host)
    {
        var subject = new Option<string>("--subject") { Description = "Reader id (the sub claim)", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (the name claim; default the subject)" };
        var roles = new Option<string[]>("--role")
        {
            Description = "A role: moderator, editor or admin (repeatable); none makes a plain reader",
            Arity = ArgumentArity.ZeroOrMore,
        };
        roles.AcceptOnlyFromAmong("moderator", "editor", "admin");
        var signingKey = SigningKeyOption();
        var issuer = new Option<string>("--issuer") { Description = "Issuer (the service's Auth:Issuer)", DefaultValueFactory = _ => "moderation" };
        var audience = new Option<string>("--audience") { Description = "Audience (the service's Auth:Audience)", DefaultValueFactory = _ => "moderation" };
        var lifetime = new Option<TimeSpan>("--lifetime")
        {
            Description = "How long the token is valid: 90s, 30m, 1h, 2d or hh:mm:ss (local signing only)",
            DefaultValueFactory = _ => TimeSpan.FromHours(1),
            CustomParser = DurationParser.Parse,
        };

        var command = new Command("token", "Mint a bearer token for testing (locally from a signing key, or from a Development service)")
        {
            subject, name, roles, signingKey, issuer, audience, lifetime,
        };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var who = parse.GetValue(subject)!;
            var displayName = parse.GetValue(name) ?? who;
            var granted = parse.GetValue(roles) ?? [];
            string token;
            if (parse.GetValue(signingKey) is { } key)
            {
                token = new TokenMinter(key, parse.GetValue(issuer)!, parse.GetValue(audience)!, parse.GetValue(lifetime)).Mint(who, displayName, granted);
            }
            else
            {
                var api = host.CreateApi(parse);
                using var http = api.Http;
                token = await api.DevTokenAsync(who, displayName, granted, cancellationToken);
            }

            await host.Out.WriteLineAsync(token);
            return 0;
        }));
        return command;
    }

    private static void ValidateKey(OptionResult result)
    {
        if (result.GetValueOrDefault<string?>() is { } key)
        {
            try
            {
                TokenMinter.DecodeKey(key);
            }
            catch (ArgumentException bad)
            {
                result.AddError(bad.Message.Split(" (Parameter")[0]);
            }
        }
    }
}
