using System.Text;
using System.Text.RegularExpressions;
using Moderation.Redis.Model;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Store;

namespace Moderation.Api.Model;

/// <summary>
/// The cluster's model versions in Redis: every file of a version directory (as <see cref="LoadedModel.Save"/> writes
/// it) and the current pointer, so silos with no shared disk load the same models. A version is loaded from a local
/// cache folder, filled from Redis the first time. A promotion is announced on a pub/sub channel so every silo
/// switches at once; the watchers' polling of <see cref="CurrentVersion"/> catches a missed message.
/// </summary>
public sealed partial class RedisModelStore : IModelStore
{
    private readonly ModelVersionRecords _records;
    private readonly string _cache;
    private int _listening;

    public RedisModelStore(ModelVersionRecords records, string cacheDirectory)
    {
        _records = records;
        _cache = Path.GetFullPath(cacheDirectory);
        Directory.CreateDirectory(_cache);
    }

    public event EventHandler<string>? CurrentChanged;

    /// <summary>Starts raising <see cref="CurrentChanged"/> for promotions anywhere in the cluster (not in the constructor: the store may not be up yet).</summary>
    public void Listen()
    {
        if (Interlocked.Exchange(ref _listening, 1) == 0)
        {
            try
            {
                _records.Subscribe(version => CurrentChanged?.Invoke(this, version));
            }
            catch
            {
                _listening = 0;
                throw;
            }
        }
    }

    public static bool IsVersionName(string version) => VersionName().IsMatch(version);

    public string? CurrentVersion() => _records.Current();

    /// <summary>The saved versions, oldest trained first.</summary>
    public IReadOnlyList<string> Versions() => _records.Versions();

    public void Save(LoadedModel model)
    {
        var version = Checked(model.Version);
        var staging = Path.Combine(_cache, $".staging-{version}-{Guid.NewGuid():N}");
        model.Save(staging);
        var files = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
            .Select(file => (Path.GetRelativePath(staging, file).Replace('\\', '/'), File.ReadAllBytes(file)));
        if (!_records.SaveVersion(version, model.Manifest.TrainedAt, files))
        {
            Directory.Delete(staging, recursive: true);
            throw new InvalidOperationException($"Model version {version} already exists in the store.");
        }

        MoveIntoCache(staging, version);
    }

    public LoadedModel Load(string version)
    {
        var directory = Path.Combine(_cache, Checked(version));
        if (!Directory.Exists(directory))
        {
            Fill(version);
        }

        return LoadedModel.Load(directory);
    }

    /// <summary>A version's manifest file as stored, or null when the version is not saved.</summary>
    public string? ManifestJson(string version)
    {
        return _records.File(Checked(version), LoadedModel.ManifestFile) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
    }

    public void Promote(string version)
    {
        if (!_records.PromoteVersion(Checked(version)))
        {
            throw new InvalidOperationException($"Cannot promote {version}: it is not in the store.");
        }
    }

    private void Fill(string version)
    {
        var files = _records.Files(version);
        if (files.Count == 0)
        {
            throw new ModelLoadException($"Model version '{version}' is not in the store.");
        }

        var staging = Path.Combine(_cache, $".staging-{version}-{Guid.NewGuid():N}");
        foreach (var (name, bytes) in files)
        {
            var path = Path.GetFullPath(Path.Combine(staging, name));
            if (!path.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new ModelLoadException($"Model version '{version}' names a file outside its folder: '{name}'.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }

        MoveIntoCache(staging, version);
    }

    /// <summary>Versions never change once saved, so a complete folder under the version's name is the version.</summary>
    private void MoveIntoCache(string staging, string version)
    {
        try
        {
            Directory.Move(staging, Path.Combine(_cache, version));
        }
        catch (IOException) when (Directory.Exists(Path.Combine(_cache, version)))
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static string Checked(string version) =>
        IsVersionName(version) ? version : throw new ArgumentException($"'{version}' is not a valid model version name.", nameof(version));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex VersionName();
}
