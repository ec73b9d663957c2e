namespace Moderation.Redis.Polls;

/// <summary>
/// The value a vote hash holds for a reader: the option id, with a suffix when the reader was signed in. An anonymous
/// reader's value is the option id alone, as every vote was stored before the suffix existed (so those count as
/// anonymous). The one place, in C# and in Lua, that knows this shape.
/// </summary>
public static class StoredVote
{
    private const string SignedInSuffix = "|s";

    /// <summary>Lua functions <c>option_of(value)</c> and <c>is_signed_in(value)</c> for the scripts that read stored votes.</summary>
    internal const string LuaFunctions =
        """
        local function is_signed_in(value)
          return string.sub(value, -2) == '|s'
        end
        local function option_of(value)
          if is_signed_in(value) then
            return string.sub(value, 1, -3)
          end
          return value
        end

        """;

    public static string Encode(string optionId, bool signedIn) => signedIn ? optionId + SignedInSuffix : optionId;

    public static bool IsSignedIn(string value) => value.EndsWith(SignedInSuffix, StringComparison.Ordinal);

    public static string OptionOf(string value) =>
        value.EndsWith(SignedInSuffix, StringComparison.Ordinal) ? value[..^SignedInSuffix.Length] : value;
}
