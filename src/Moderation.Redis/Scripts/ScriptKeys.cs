using System.Text;
using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace Moderation.Redis.Scripts;

/// <summary>
/// The keys of one script, by name, in one list: the Lua header that names each key once (<c>local comment = KEYS[1]</c>,
/// or <c>queues.pending.site_age = KEYS[9]</c> for a dotted name) and the <see cref="RedisKey"/> array in the same
/// order both come from it, so no caller and no script body counts positions. This is the one place that does.
/// </summary>
/// <typeparam name="T">What the keys are built from: an article id, a comment and its moderator, ...</typeparam>
public sealed partial class ScriptKeys<T>
{
    private readonly List<(string Name, Func<T, RedisKey> Key)> _keys = [];
    private (string Name, Func<T, IEnumerable<RedisKey>> Keys)? _rest;

    /// <summary>The names in KEYS order, without the rest list.</summary>
    public IReadOnlyList<string> Names => [.. _keys.Select(key => key.Name)];

    /// <summary>Adds one named key.</summary>
    public ScriptKeys<T> Key(string name, Func<T, RedisKey> key)
    {
        if (_rest is not null)
        {
            throw new InvalidOperationException($"Key '{name}' comes after the rest list '{_rest.Value.Name}', which must be last.");
        }

        CheckName(name);
        _keys.Add((name, key));
        return this;
    }

    /// <summary>Adds every key of a shared part (a fragment's keys), built from what <paramref name="select"/> picks.</summary>
    public ScriptKeys<T> With<TPart>(ScriptKeys<TPart> part, Func<T, TPart> select)
    {
        if (part._rest is not null)
        {
            throw new InvalidOperationException("A shared part cannot end in a rest list.");
        }

        foreach (var (name, key) in part._keys)
        {
            Key(name, subject => key(select(subject)));
        }

        return this;
    }

    /// <summary>Ends the keys with a list of any length, which the header names as one Lua table.</summary>
    public ScriptKeys<T> Rest(string name, Func<T, IEnumerable<RedisKey>> keys)
    {
        CheckName(name);
        _rest = (name, keys);
        return this;
    }

    /// <summary>The Lua that names every key, for the top of the script.</summary>
    public string Header()
    {
        var lua = new StringBuilder();
        var tables = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < _keys.Count; index++)
        {
            var name = _keys[index].Name;
            var parts = name.Split('.');
            for (var depth = 1; depth < parts.Length; depth++)
            {
                var table = string.Join('.', parts[..depth]);
                if (tables.Add(table))
                {
                    lua.Append(depth == 1 ? "local " : "").Append(table).Append(" = {}\n");
                }
            }

            lua.Append(parts.Length == 1 ? "local " : "").Append(name).Append(" = KEYS[").Append(index + 1).Append("]\n");
        }

        if (_rest is { Name: var rest })
        {
            lua.Append("local ").Append(rest).Append(" = {}\n")
                .Append("for i = ").Append(_keys.Count + 1).Append(", #KEYS do ").Append(rest).Append("[#").Append(rest).Append(" + 1] = KEYS[i] end\n");
        }

        return lua.ToString();
    }

    /// <summary>The keys for one call, in the order the header names them.</summary>
    public RedisKey[] For(T subject) =>
        [.. _keys.Select(key => key.Key(subject)), .. _rest is { Keys: var rest } ? rest(subject) : []];

    private void CheckName(string name)
    {
        if (!LuaPath().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a Lua name or dotted path of names.", nameof(name));
        }

        if (_keys.Any(key => key.Name == name || key.Name.StartsWith(name + ".", StringComparison.Ordinal) || name.StartsWith(key.Name + ".", StringComparison.Ordinal)))
        {
            throw new ArgumentException($"The key name '{name}' is taken.", nameof(name));
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*$")]
    private static partial Regex LuaPath();
}
