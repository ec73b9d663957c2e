using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Moderation.Redis.Readers;

namespace Moderation.Api.Trust;

/// <summary>Which trust rules hold a comment, from its author's history before it: a pure decision, no I/O.</summary>
public static partial class TrustRules
{
    public const string NewReaderReason = "new-reader";
    public const string LinkReason = "link";
    public const string RecentRejectionsReason = "recent-rejections";

    /// <summary>The earliest rejection that can still matter: one in a window ending within the premoderation time.</summary>
    public static DateTimeOffset RejectionsSince(TrustOptions options, DateTimeOffset now) =>
        now - options.RejectionWindow - options.RejectionPremoderation;

    public static ImmutableArray<string> Reasons(TrustOptions options, ReaderHistory history, string body, DateTimeOffset now)
    {
        var reasons = ImmutableArray.CreateBuilder<string>();
        if (history.Posted < options.NewReaderComments)
        {
            reasons.Add(NewReaderReason);
        }

        if (history.Approved < options.LinkApprovedComments && HasLink(body))
        {
            reasons.Add(LinkReason);
        }

        if (options.RecentRejections > 0 && IsOnRejectionPremoderation(options, history.RejectedAt, now))
        {
            reasons.Add(RecentRejectionsReason);
        }

        return reasons.ToImmutable();
    }

    /// <summary>An http(s) URL or a www. host anywhere in the text.</summary>
    public static bool HasLink(string body) => Link().IsMatch(body);

    /// <summary>
    /// True when some run of K rejections lies within the window and its last is more recent than the premoderation
    /// time: the reader is premoderated from the K-th rejection for that long.
    /// </summary>
    private static bool IsOnRejectionPremoderation(TrustOptions options, ImmutableArray<DateTimeOffset> rejectedAt, DateTimeOffset now)
    {
        var k = options.RecentRejections;
        for (var last = k - 1; last < rejectedAt.Length; last++)
        {
            if (rejectedAt[last] - rejectedAt[last - k + 1] <= options.RejectionWindow && now - rejectedAt[last] < options.RejectionPremoderation)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\bhttps?://\S|\bwww\.[\p{L}\p{N}-]+\.\p{L}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
