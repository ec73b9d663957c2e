namespace Moderation.Redis.Comments;

/// <summary>One entry read from a part's sorted set: its member, its position (score) and what the merge orders by first.</summary>
internal sealed record PartEntry<T>(int Part, long Position, long Order, T Item);

/// <summary>
/// Merges the next entries of every part into one page. It always takes the best head of a part's list (by
/// <c>Order</c>, then part, then position), so what it takes from each part is a prefix of that part's list, and a
/// cursor that keeps the last position taken from each part resumes every part exactly where it stopped.
/// </summary>
internal static class PartMerge
{
    /// <returns>Up to <paramref name="limit"/> entries in merged order, the cursor after them, and whether any part had more than was taken.</returns>
    public static (List<PartEntry<T>> Taken, PartCursor After, bool More) Take<T>(
        IReadOnlyList<PartEntry<T>>[] perPart, PartCursor cursor, int limit, bool descending)
    {
        var heads = new int[perPart.Length];
        var taken = new List<PartEntry<T>>(limit);
        while (taken.Count < limit)
        {
            PartEntry<T>? best = null;
            for (var part = 0; part < perPart.Length; part++)
            {
                if (heads[part] < perPart[part].Count && (best is null || Before(perPart[part][heads[part]], best, descending)))
                {
                    best = perPart[part][heads[part]];
                }
            }

            if (best is null)
            {
                break;
            }

            heads[best.Part]++;
            taken.Add(best);
            cursor = cursor.With(best.Part, best.Position);
        }

        var more = perPart.Select((entries, part) => entries.Count > heads[part]).Any(left => left);
        return (taken, cursor, more);
    }

    private static bool Before<T>(PartEntry<T> entry, PartEntry<T> other, bool descending)
    {
        var order = (entry.Order, entry.Part, entry.Position).CompareTo((other.Order, other.Part, other.Position));
        return descending ? order > 0 : order < 0;
    }
}
