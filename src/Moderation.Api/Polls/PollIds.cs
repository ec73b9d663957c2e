using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Moderation.Api.Polls;

/// <summary>Server-made ids: random, URL-safe, and checked for shape before they reach a grain.</summary>
public static partial class PollIds
{
    public static string NewPollId() => "p" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));

    public static string OptionId(int index) => $"o{index + 1}";

    public static bool IsWellFormed(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
