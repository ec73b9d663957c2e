using System.CommandLine;
using System.CommandLine.Parsing;

namespace Moderation.Client.Http;

/// <summary>
/// The options every service command shares. The root command adds them once; they are recursive,
/// so <c>moderation polls vote --url ... --token ...</c> and <c>moderation --url ... polls vote</c> both work.
/// </summary>
public static class ClientOptions
{
    public const string UrlVariable = "MODERATION_URL";
    public const string TokenVariable = "MODERATION_TOKEN";
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Base URLs of the service. Most commands use the first; <c>load</c> spreads its readers over all of them.</summary>
    public static Option<Uri[]> Url { get; } = new("--url")
    {
        Description = $"Base URL of the service (repeatable for load; default ${UrlVariable} or {DefaultUrl})",
        Recursive = true,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
        CustomParser = ParseUrls,
        DefaultValueFactory = _ => ParseUrlList(Environment.GetEnvironmentVariable(UrlVariable) ?? DefaultUrl, error: null) ?? [new Uri(DefaultUrl)],
    };

    /// <summary>The bearer token (a JWT) sent with each request. Read it with <see cref="TokenFrom"/>, which falls back to the environment.</summary>
    public static Option<string?> Token { get; } = new("--token")
    {
        Description = $"Bearer token for the service (default ${TokenVariable})",
        Recursive = true,
    };

    /// <summary>
    /// <c>--token</c>, else <c>$MODERATION_TOKEN</c>. Not a default value of the option, so that help never prints a secret.
    /// </summary>
    public static string? TokenFrom(ParseResult parse) =>
        NullIfEmpty(parse.GetValue(Token)) ?? NullIfEmpty(Environment.GetEnvironmentVariable(TokenVariable));

    private static Uri[] ParseUrls(ArgumentResult result) =>
        ParseUrlList(string.Join(' ', result.Tokens.Select(token => token.Value)), result) ?? [];

    /// <summary>Absolute http(s) URLs separated by spaces or commas; reports the first bad one to <paramref name="error"/>.</summary>
    private static Uri[]? ParseUrlList(string text, ArgumentResult? error)
    {
        var urls = new List<Uri>();
        foreach (var part in text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(part, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                error?.AddError($"'{part}' is not an absolute http or https URL.");
                return null;
            }

            urls.Add(uri);
        }

        return urls.Count > 0 ? [.. urls] : null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
