using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>
/// The comment family is spread over <see cref="Count"/> parts, each in one Redis Cluster slot: an article, its
/// comments and its share of every site-wide view (queues, audit trail, touched articles, labelled examples, the
/// comment sequence) live in its part, so every script still touches one slot while the parts spread over the masters.
/// An article's part is a hash of its id, except for the articles that had comments before the parts existed: those
/// stay in part 0 (<see cref="Part0ArticlesKey"/>, loaded once at start). A comment id carries its part.
/// </summary>
public sealed class CommentParts(IConnectionMultiplexer redis)
{
    /// <summary>How many parts there are; never changes once data exists.</summary>
    public const int Count = 16;

    /// <summary>
    /// Each part's hash tag, chosen so its slot (CRC16 of the tag mod 16,384) lies in the middle of the part's sixteenth
    /// of the slots: <c>redis-cli --cluster create</c> hands each master an equal run of slots, so the parts split
    /// evenly over 2, 4, 8 or 16 masters and within one part otherwise (3 masters: 5/6/5).
    /// </summary>
    public static readonly ImmutableArray<string> Tags =
    [
        "c0-112", "c1-3", "c2-226", "c3-90", "c4-197", "c5-371", "c6-252", "c7-15",
        "c8-356", "c9-83", "c10-326", "c11-131", "c12-14", "c13-213", "c14-118", "c15-145",
    ];

    /// <summary>Set of the articles whose comments were stored before the parts existed, all in part 0; frozen once the migration ran.</summary>
    public const string Part0ArticlesKey = "moderation:comments:part0-articles";

    /// <summary>The prefix of the layout with one slot for the whole family, which <see cref="CommentKeyMigration"/> moves into part 0.</summary>
    public const string OneSlotPrefix = "moderation:{comments}:";

    /// <summary>The prefix of the layout before that, with a tag per id.</summary>
    public const string UntaggedPrefix = "moderation:";

    private const int BaseIdLength = 17;

    private volatile IReadOnlySet<string>? _part0Articles;

    /// <summary>The start of every key of one part.</summary>
    public static string Prefix(int part) => $"moderation:{{{Tags[part]}}}:";

    /// <summary>Every part, 0 to 15.</summary>
    public static IEnumerable<int> All => Enumerable.Range(0, Count);

    /// <summary>The part a comment id names: <c>c…-a</c> is part 10; an id of the layout before the parts (no suffix) is part 0.</summary>
    public static int OfComment(string commentId) =>
        commentId.Length == BaseIdLength + 2 && commentId[BaseIdLength] == '-'
            && int.TryParse(commentId.AsSpan(BaseIdLength + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var part)
            ? part
            : 0;

    /// <summary>A comment id in a part: a 17-character id, <c>-</c> and the part in hex.</summary>
    public static string CommentId(string baseId, int part)
    {
        if (baseId.Length != BaseIdLength)
        {
            throw new ArgumentException($"A comment id starts with {BaseIdLength} characters, not '{baseId}'.", nameof(baseId));
        }

        return baseId + "-" + part.ToString("x", CultureInfo.InvariantCulture);
    }

    /// <summary>The part an article's id hashes to: the first four bytes of SHA-256 over it, mod 16; the same in every process.</summary>
    public static int Hashed(string articleId) =>
        (int)(BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(articleId))) % Count);

    /// <summary>The part an article's comments live in.</summary>
    public int OfArticle(string articleId)
    {
        var part0 = _part0Articles
            ?? throw new InvalidOperationException("Which articles stay in part 0 is read when the silo starts; it has not been read yet.");
        return part0.Contains(articleId) ? 0 : Hashed(articleId);
    }

    /// <summary>Reads the articles that stay in part 0; called when the silo starts, after the key migration.</summary>
    public async Task LoadAsync()
    {
        var members = await redis.GetDatabase().SetMembersAsync(Part0ArticlesKey);
        _part0Articles = members.Select(member => (string)member!).ToHashSet(StringComparer.Ordinal);
    }
}
