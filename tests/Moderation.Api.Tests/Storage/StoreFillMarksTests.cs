using Moderation.Redis.Capacity;
using Moderation.Silo.Storage;

namespace Moderation.Api.Tests.Storage;

public sealed class StoreFillMarksTests
{
    private static readonly StoreFillMarks Marks = new(WarnAt: 0.70, RefuseAt: 0.85);

    [Theory]
    [InlineData(0.0, StoreFillLevel.Normal)]
    [InlineData(0.699, StoreFillLevel.Normal)]
    [InlineData(0.70, StoreFillLevel.Warning)]
    [InlineData(0.849, StoreFillLevel.Warning)]
    [InlineData(0.85, StoreFillLevel.Full)]
    [InlineData(1.2, StoreFillLevel.Full)]
    public void The_level_is_the_highest_mark_the_fill_has_reached(double fill, StoreFillLevel level) =>
        Assert.Equal(level, Marks.LevelOf(fill));

    [Theory]
    [InlineData(0.70, 0.85, true)]
    [InlineData(0.85, 0.85, true)]
    [InlineData(0.90, 0.85, false)]
    [InlineData(0, 0.85, false)]
    [InlineData(0.70, 1.0, false)]
    public void Marks_are_valid_only_as_fractions_with_the_warning_no_higher_than_the_refusal_and_the_refusal_below_the_whole_memory(
        double warnAt, double refuseAt, bool valid) =>
        Assert.Equal(valid, new StoreFillMarks(warnAt, refuseAt).IsValid);

    [Theory]
    [InlineData(600, false)]
    [InlineData(870, false)]
    [InlineData(924, false)]
    [InlineData(925, true)]
    [InlineData(990, true)]
    public void An_erasure_goes_on_past_the_refusing_mark_and_stops_halfway_to_the_whole_memory(long usedBytes, bool stops)
    {
        var capacity = new StoreCapacity();
        capacity.Record(usedBytes, limitBytes: 1000, Marks);

        Assert.Equal(stops, capacity.RefusesErasureNow());
    }

    [Fact]
    public void A_store_nobody_samples_is_not_guarded_and_never_full()
    {
        var capacity = new StoreCapacity();

        Assert.False(capacity.IsGuarded);
        Assert.False(capacity.IsFull);
        Assert.Null(capacity.Last);
    }

    [Fact]
    public void A_sample_at_the_refusing_mark_makes_the_store_full_and_one_below_it_lets_writes_in_again()
    {
        var capacity = new StoreCapacity();

        Assert.Equal(StoreFillLevel.Full, capacity.Record(usedBytes: 870, limitBytes: 1000, Marks));
        Assert.True(capacity.IsFull);
        Assert.Equal(0.87, capacity.Last!.Fill, precision: 6);

        Assert.Equal(StoreFillLevel.Warning, capacity.Record(usedBytes: 800, limitBytes: 1000, Marks));
        Assert.False(capacity.IsFull);
        Assert.True(capacity.IsGuarded);
    }

    [Fact]
    public void From_the_warning_mark_on_a_writer_takes_a_fresh_sample_and_below_it_reads_the_last_one()
    {
        var capacity = new StoreCapacity();
        var used = 100L;
        var samples = 0;
        capacity.SampleWith(() =>
        {
            samples++;
            return capacity.Record(used, limitBytes: 1000, Marks);
        });
        capacity.Record(used, limitBytes: 1000, Marks);

        used = 900;
        Assert.False(capacity.IsFullNow());
        Assert.Equal(0, samples);

        capacity.Record(usedBytes: 750, limitBytes: 1000, Marks);
        Assert.True(capacity.IsFullNow());
        Assert.Equal(1, samples);
    }

    [Fact]
    public void Dropped_records_are_remembered_whatever_the_fill_is_after()
    {
        var capacity = new StoreCapacity();
        capacity.Record(usedBytes: 100, limitBytes: 1000, Marks);

        capacity.RecordDroppedRecords();
        capacity.Record(usedBytes: 100, limitBytes: 1000, Marks);

        Assert.True(capacity.HasDroppedRecords);
        Assert.False(capacity.IsFull);
    }

    [Fact]
    public void A_sample_with_no_memory_limit_is_refused()
    {
        var capacity = new StoreCapacity();

        Assert.Throws<ArgumentOutOfRangeException>(() => capacity.Record(usedBytes: 1, limitBytes: 0, Marks));
        Assert.False(capacity.IsGuarded);
    }

    [Theory]
    [InlineData("", false, true)]
    [InlineData("", true, false)]
    [InlineData("127.0.0.1:6379", false, false)]
    public void Only_the_embedded_store_without_its_storage_tier_is_guarded(string redis, bool storageTier, bool guarded)
    {
        var options = new StorageOptions { EmbeddedStorageTier = storageTier, DataDirectory = Path.GetTempPath() };

        Assert.Equal(guarded, EmbeddedStoreCapacityGuard.Applies(StoreMode.From(redis, options), options));
    }
}
