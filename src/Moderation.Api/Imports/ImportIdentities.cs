using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Moderation.Redis.Comments;

namespace Moderation.Api.Imports;

/// <summary>
/// The ids of imported comments and readers: keyed hashes (HMAC-SHA256) of the source's ids, under a key derived from the
/// site's signing key. The same source id gives the same id in every import, so an import repeats without doubling;
/// an author's email gives a stable reader id from which the email cannot be read back, nor guessed without the key.
/// </summary>
public sealed class ImportIdentities(SymmetricSecurityKey signingKey)
{
    private readonly byte[] _key = HMACSHA256.HashData(signingKey.Key, "moderation: imported ids"u8);

    /// <summary>The reader id of an author, from what identified them in the source (trimmed, case ignored).</summary>
    public string ReaderId(string authorKey) => "r-" + Hash("reader\n" + authorKey.Trim().ToLowerInvariant(), 15);

    /// <summary>
    /// The id of a comment from its source id and the article it is imported into, in that article's part. The article
    /// is part of the key because a source's ids are unique only within one export: two WordPress sites both number
    /// their comments from 1.
    /// </summary>
    public string CommentId(string source, string articleId, string sourceId, int part) =>
        CommentParts.CommentId("c" + Hash($"comment\n{source}\n{articleId}\n{sourceId}", 12), part);

    private string Hash(string value, int bytes) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value)).AsSpan(0, bytes));
}
