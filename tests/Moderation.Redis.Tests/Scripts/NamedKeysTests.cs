using System.Reflection;
using System.Text.RegularExpressions;
using Moderation.Redis.Scripts;

namespace Moderation.Redis.Tests.Scripts;

/// <summary>No script addresses a key by its position: only the headers that <see cref="ScriptKeys{T}"/> writes do.</summary>
public sealed partial class NamedKeysTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(ScriptKeys<>).Assembly,
        typeof(Grains.GrainStorage).Assembly,
        typeof(Api.ModerationApi).Assembly,
    ];

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var script in AllScripts())
        {
            data.Add(script.Name);
        }

        return data;
    }

    [Fact]
    public void Every_script_of_the_service_is_found()
    {
        var names = AllScripts().Select(script => script.Name).ToArray();

        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.Contains("post comments", names);
        Assert.Contains("decide on a comment", names);
        Assert.Contains("commit a batch of votes", names);
        Assert.True(names.Length >= 9, $"Found only {names.Length} scripts: {string.Join(", ", names)}");
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void The_script_names_its_keys_in_its_header_and_nowhere_else(string name)
    {
        var script = AllScripts().Single(script => script.Name == name);
        var afterHeader = script.Lua[(script.Lua.IndexOf(script.Header, StringComparison.Ordinal) + script.Header.Length)..];

        Assert.Contains(script.Header, script.Lua, StringComparison.Ordinal);
        Assert.DoesNotMatch(KeysIndexing(), afterHeader);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_key_the_script_names_is_used_by_it(string name)
    {
        var script = AllScripts().Single(script => script.Name == name);
        var afterHeader = script.Lua[(script.Lua.IndexOf(script.Header, StringComparison.Ordinal) + script.Header.Length)..];

        var unused = script.Names.Select(key => key.Split('.')[0]).Distinct()
            .Where(top => !Regex.IsMatch(afterHeader, $@"\b{top}\b"))
            .ToArray();
        Assert.Empty(unused);
    }

    [Fact]
    public void No_source_file_indexes_keys_by_number_or_evaluates_a_script_outside_the_script_types()
    {
        var root = RepositoryRoot();
        var sources = new[] { "src", "silo", "client" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToArray();
        var allowed = new[] { "ScriptKeys.cs", "RedisScript.cs" };

        var offenders = sources
            .Where(path => !allowed.Contains(Path.GetFileName(path)))
            .Where(path => KeysIndexing().IsMatch(File.ReadAllText(path)) || File.ReadAllText(path).Contains("ScriptEvaluate", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(root, path))
            .ToArray();

        Assert.True(sources.Length > 100, $"Scanned only {sources.Length} files under {root}.");
        Assert.Empty(offenders);
    }

    private static IReadOnlyList<ScriptInfo> AllScripts() =>
        [.. Assemblies
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(field => field.FieldType.IsGenericType && field.FieldType.GetGenericTypeDefinition() == typeof(RedisScript<>))
            .Select(field => ScriptInfo.From(field.GetValue(null)!))];

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Moderation.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Moderation.sln is not above the test's folder.");
    }

    [GeneratedRegex(@"KEYS\s*\[")]
    private static partial Regex KeysIndexing();

    private sealed record ScriptInfo(string Name, string Lua, string Header, IReadOnlyList<string> Names)
    {
        public static ScriptInfo From(object script)
        {
            var type = script.GetType();
            var keys = type.GetProperty("Keys")!.GetValue(script)!;
            return new ScriptInfo(
                (string)type.GetProperty("Name")!.GetValue(script)!,
                (string)type.GetProperty("Lua")!.GetValue(script)!,
                (string)keys.GetType().GetMethod("Header")!.Invoke(keys, null)!,
                (IReadOnlyList<string>)keys.GetType().GetProperty("Names")!.GetValue(keys)!);
        }
    }
}
