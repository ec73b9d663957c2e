using Moderation.Toxicity.Models;

namespace Moderation.Toxicity.Store;

/// <summary>
/// A model store in a directory: <c>versions/{version}/</c> holds each model, and the small file <c>current</c>
/// holds the current version's name. Saving writes to a temporary folder and renames it; promoting writes a
/// temporary file and renames it over <c>current</c>, so readers (also in other processes) never see half a model
/// or half a pointer.
/// </summary>
public sealed class FileSystemModelStore : IModelStore
{
    private const string PointerFile = "current";
    private readonly string _versions;
    private readonly string _pointer;

    public FileSystemModelStore(string root)
    {
        Root = Path.GetFullPath(root);
        _versions = Path.Combine(Root, "versions");
        _pointer = Path.Combine(Root, PointerFile);
        Directory.CreateDirectory(_versions);
    }

    public event EventHandler<string>? CurrentChanged;

    public string Root { get; }

    public string? CurrentVersion()
    {
        try
        {
            var version = File.ReadAllText(_pointer).Trim();
            return version.Length == 0 ? null : version;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public IReadOnlyList<string> Versions() =>
        Directory.GetDirectories(_versions).Select(Path.GetFileName).OfType<string>().Where(v => !v.StartsWith('.')).Order(StringComparer.Ordinal).ToList();

    public void Save(LoadedModel model)
    {
        var target = VersionDirectory(model.Version);
        if (Directory.Exists(target))
        {
            throw new InvalidOperationException($"Model version {model.Version} already exists in {_versions}.");
        }

        var staging = Path.Combine(_versions, $".staging-{model.Version}-{Guid.NewGuid():N}");
        model.Save(staging);
        Directory.Move(staging, target);
    }

    public LoadedModel Load(string version)
    {
        var directory = VersionDirectory(version);
        if (!Directory.Exists(directory))
        {
            throw new ModelLoadException($"Model version '{version}' is not in the store at {_versions}.");
        }

        return LoadedModel.Load(directory);
    }

    public void Promote(string version)
    {
        if (!Directory.Exists(VersionDirectory(version)))
        {
            throw new InvalidOperationException($"Cannot promote {version}: it is not in the store.");
        }

        var temporary = _pointer + $".{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, version);
        File.Move(temporary, _pointer, overwrite: true);
        CurrentChanged?.Invoke(this, version);
    }

    /// <summary>Saves and promotes <paramref name="model"/> when the store has no current model yet (a fresh data directory).</summary>
    public void SeedIfEmpty(LoadedModel model)
    {
        if (CurrentVersion() is not null)
        {
            return;
        }

        if (!Versions().Contains(model.Version))
        {
            Save(model);
        }

        Promote(model.Version);
    }

    private string VersionDirectory(string version)
    {
        if (version.Length == 0 || version.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || version.Contains("..") || version.StartsWith('.'))
        {
            throw new ArgumentException($"'{version}' is not a valid model version name.", nameof(version));
        }

        return Path.Combine(_versions, version);
    }
}
