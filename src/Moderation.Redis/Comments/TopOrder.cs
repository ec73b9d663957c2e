namespace Moderation.Redis.Comments;

/// <summary>
/// The <c>top</c> sort's score: reactions above 33 bits of the part's sequence number (as the queues pack toxicity), so
/// one descending range orders by most reactions, then newest, and stays a distinct integer (a cursor). Exact while a
/// comment has fewer than 2^20 (1,048,576) reactions and a part fewer than 2^33 comments: below 2^53.
/// </summary>
internal static class TopOrder
{
    /// <summary>Lua that defines top_score(reactions, seq) as a string ZADD takes exactly (no exponent form).</summary>
    public const string Lua = """
        local function top_score(reactions, seq)
          return string.format('%.0f', (tonumber(reactions) or 0) * 8589934592 + tonumber(seq))
        end

        """;
}
