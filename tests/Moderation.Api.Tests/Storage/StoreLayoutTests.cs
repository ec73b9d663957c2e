using Moderation.Silo.Storage;
using Moderation.Testing;

namespace Moderation.Api.Tests.Storage;

public sealed class StoreLayoutTests : IDisposable
{
    private readonly string _directory = TestDirectories.Create("layout");

    [Fact]
    public void The_page_size_chosen_at_the_first_start_is_kept_when_the_memory_changes_later()
    {
        var first = StoreLayout.ForDirectory(_directory, 4 * 1024 * 1024);
        var later = StoreLayout.ForDirectory(_directory, 64 * 1024 * 1024);

        Assert.Equal(256 * 1024, first.PageBytes);
        Assert.Equal(first, later);
    }

    [Fact]
    public void The_default_memory_keeps_the_sixteen_megabyte_pages_directories_of_earlier_versions_have()
    {
        var layout = StoreLayout.ForDirectory(_directory, StorageOptions.DefaultEmbeddedMemoryBytes);

        Assert.Equal(16 * 1024 * 1024, layout.PageBytes);
    }

    [Fact]
    public void A_memory_too_small_for_the_directory_s_pages_is_refused_with_the_size_that_would_do()
    {
        StoreLayout.ForDirectory(_directory, 16 * 1024 * 1024);

        var refused = Assert.Throws<InvalidOperationException>(() => StoreLayout.ForDirectory(_directory, 4 * 1024 * 1024));

        Assert.Contains("set it to 16777216 or more", refused.Message);
    }

    [Fact]
    public void A_damaged_layout_file_stops_the_start_instead_of_guessing()
    {
        File.WriteAllText(Path.Combine(_directory, "layout"), "pageBytes=1000\n");

        var refused = Assert.Throws<InvalidOperationException>(() => StoreLayout.ForDirectory(_directory, 16 * 1024 * 1024));

        Assert.Contains("does not hold a valid layout", refused.Message);
    }

    public void Dispose() => TestDirectories.TryDelete(_directory);
}
