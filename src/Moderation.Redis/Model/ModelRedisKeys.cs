namespace Moderation.Redis.Model;

/// <summary>
/// The "model" key family: site labels and model versions. Every key carries the hash tag <c>{model}</c>, so the
/// scripts that touch several of them run on one Redis, the embedded store and Redis Cluster alike.
/// </summary>
public static class ModelRedisKeys
{
    private const string Prefix = "model:{model}:";

    /// <summary>Hash of label text hash to its origin and class: <c>d1</c>, <c>d0</c> (decision), <c>i1</c>, <c>i0</c> (import).</summary>
    public const string LabelIndex = Prefix + "labels:index";

    /// <summary>Hash of label text hash to an imported label (JSON).</summary>
    public const string LabelImports = Prefix + "labels:imports";

    /// <summary>Hash of counters: per origin and class, labels ever added per origin, and how far decisions were indexed.</summary>
    public const string LabelCounts = Prefix + "labels:counts";

    /// <summary>Hash of model version to the labels-added counters when its training read the labels.</summary>
    public const string LabelMarks = Prefix + "labels:marks";

    /// <summary>String: the current model version.</summary>
    public const string Current = Prefix + "current";

    /// <summary>Sorted set of saved versions by training time (Unix ms).</summary>
    public const string Versions = Prefix + "versions";

    /// <summary>Hash of a version's files: path relative to the version directory to its bytes.</summary>
    public static string VersionFiles(string version) => Prefix + "version:" + version + ":files";

    /// <summary>Pub/sub channel announcing a promoted version to every silo.</summary>
    public const string CurrentChangedChannel = "model:current-changed";
}
