using System.Text.RegularExpressions;

namespace Moderation.Client.Tests;

/// <summary>Comment texts the shipped model publishes and holds, and how to read ids back from the client's output.</summary>
internal static partial class Texts
{
    public const string Civil = "Thank you for this thoughtful article. The interviews with local farmers were especially informative.";

    public const string Abusive = "You are a worthless pathetic idiot, shut up you stupid moron.";

    public static string CommentId(string output)
    {
        var match = CommentLine().Match(output);
        Assert.True(match.Success, "No comment id in:\n" + output);
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"Comment (\S+) on article")]
    private static partial Regex CommentLine();
}
