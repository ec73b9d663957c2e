namespace Moderation.Testing;

public static class TestDirectories
{
    public static string Create(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "moderation-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A process that still holds a file there is gone by the next run; the temp folder is not ours to police.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
