using StackExchange.Redis;

namespace Moderation.Redis.Scripts;

/// <summary>
/// A Lua script with named keys: the header that names them, then the shared fragments it uses, then its body.
/// Works on Lua 5.1 (Redis) and 5.4 (Garnet): <c>unpack</c> is defined for both.
/// </summary>
public sealed class RedisScript<T>
{
    private const string Compatibility = "local unpack = unpack or table.unpack\n";

    public RedisScript(string name, ScriptKeys<T> keys, string body, params string[] fragments)
    {
        Name = name;
        Keys = keys;
        Body = body;
        Lua = Compatibility + keys.Header() + string.Concat(fragments) + body;
    }

    /// <summary>What the script does, for messages and tests.</summary>
    public string Name { get; }

    public ScriptKeys<T> Keys { get; }

    /// <summary>The script's own code, after its header and fragments.</summary>
    public string Body { get; }

    /// <summary>The whole script as sent to the server.</summary>
    public string Lua { get; }

    public Task<RedisResult> EvaluateAsync(IDatabaseAsync database, T subject, RedisValue[]? arguments = null, CommandFlags flags = CommandFlags.None) =>
        database.ScriptEvaluateAsync(Lua, Keys.For(subject), arguments, flags);
}
