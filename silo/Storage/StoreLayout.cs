using System.Globalization;
using System.Numerics;

namespace Moderation.Silo.Storage;

/// <summary>
/// The page size of the embedded store's log, fixed by its data directory. Garnet 2.2.8 cannot recover a
/// log with records on disk under another page size (measured: "Unaligned end of page", then an access violation), so
/// it is chosen from the memory at the first start, kept in a file beside the log, and read back at every start after.
/// </summary>
public sealed record StoreLayout(long PageBytes)
{
    private const string FileName = "layout";

    /// <summary>Measured: with 8 pages (512 KB) the store stopped answering after a few hundred comments; with 16 it did not.</summary>
    public const int MinimumPagesInMemory = 16;

    public static StoreLayout ForDirectory(string directory, long memoryBytes)
    {
        var path = Path.Combine(directory, FileName);
        var layout = File.Exists(path) ? Parse(File.ReadAllText(path), path) : Choose(memoryBytes);
        if (memoryBytes < layout.PageBytes * MinimumPagesInMemory)
        {
            throw new InvalidOperationException(
                $"Storage:EmbeddedMemoryBytes is {memoryBytes}, but the embedded store in {directory} has pages of {layout.PageBytes} bytes "
                + $"(fixed at its first start) and needs at least {MinimumPagesInMemory} of them in memory: set it to {layout.PageBytes * MinimumPagesInMemory} or more.");
        }

        if (!File.Exists(path))
        {
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, layout.Format());
            File.Move(temporary, path, overwrite: true);
        }

        return layout;
    }

    /// <summary>
    /// Garnet's default 16 MB pages, smaller when the memory is small so that it holds 16 of them (what this store used
    /// before the layout was kept, so directories from then read back).
    /// </summary>
    private static StoreLayout Choose(long memoryBytes) =>
        new(Math.Clamp(1L << BitOperations.Log2((ulong)Math.Max(memoryBytes / 16, 1)), 64 * 1024, 16 * 1024 * 1024));

    private string Format() => string.Create(CultureInfo.InvariantCulture, $"pageBytes={PageBytes}\n");

    private static StoreLayout Parse(string text, string path)
    {
        var values = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => long.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0);
        var page = values.GetValueOrDefault("pageBytes");
        if (!BitOperations.IsPow2(page) || page < 64 * 1024)
        {
            throw new InvalidOperationException($"{path} does not hold a valid layout of the embedded store (pageBytes, a power of two of 65536 or more): restore it from the backup of this directory.");
        }

        return new StoreLayout(page);
    }
}
