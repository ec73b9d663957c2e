using System.Globalization;
using System.Text;

namespace Moderation.Redis.Comments;

/// <summary>
/// Where a page merged from every part stopped in each part: the position (sorted-set score) of the last item taken
/// from it, 0 for a part not read yet. Written as <see cref="CommentParts.Count"/> base-36 numbers joined by '.';
/// a plain integer, a cursor from before the parts, is part 0's position and the start of the others.
/// </summary>
public sealed class PartCursor
{
    private const int MaxDigits = 12;
    private const long MaxPosition = 1L << 53;
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    private readonly long[] _positions;

    private PartCursor(long[] positions) => _positions = positions;

    /// <summary>Every part at its start.</summary>
    public static PartCursor Start => new(new long[CommentParts.Count]);

    /// <summary>The position in one part; 0: its start.</summary>
    public long this[int part] => _positions[part];

    /// <summary>Reads a cursor this service handed out (or none: the start); false for anything else.</summary>
    public static bool TryParse(string? text, out PartCursor cursor)
    {
        cursor = Start;
        if (text is null)
        {
            return true;
        }

        if (!text.Contains('.', StringComparison.Ordinal))
        {
            if (text.Length > 20 || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var old))
            {
                return false;
            }

            cursor._positions[0] = old;
            return true;
        }

        var numbers = text.Split('.');
        if (numbers.Length != CommentParts.Count)
        {
            return false;
        }

        for (var part = 0; part < numbers.Length; part++)
        {
            if (FromBase36(numbers[part]) is not { } position)
            {
                return false;
            }

            cursor._positions[part] = position;
        }

        return true;
    }

    /// <summary>This cursor moved on to <paramref name="position"/> in <paramref name="part"/>.</summary>
    public PartCursor With(int part, long position)
    {
        var positions = (long[])_positions.Clone();
        positions[part] = position;
        return new PartCursor(positions);
    }

    public override string ToString() => string.Join('.', _positions.Select(ToBase36));

    private static string ToBase36(long value)
    {
        if (value == 0)
        {
            return "0";
        }

        var digits = new StringBuilder();
        for (; value > 0; value /= 36)
        {
            digits.Insert(0, Digits[(int)(value % 36)]);
        }

        return digits.ToString();
    }

    private static long? FromBase36(string text)
    {
        if (text.Length is 0 or > MaxDigits)
        {
            return null;
        }

        long value = 0;
        foreach (var character in text)
        {
            var digit = Digits.IndexOf(character, StringComparison.Ordinal);
            if (digit < 0)
            {
                return null;
            }

            value = value * 36 + digit;
        }

        return value <= MaxPosition ? value : null;
    }
}
