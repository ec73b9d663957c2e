using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Moderation.Api.Telemetry;

namespace Moderation.Api.Tests.Telemetry;

/// <summary>Every measurement of the Moderation meter of one service instance (its own meter factory), as a listener gets it.</summary>
internal sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Recorded> _recorded = new();

    public RecordedMeasurements(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ModerationMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of an instrument's measurements whose tag has the given value.</summary>
    public double Sum(string instrument, string tag, string value) =>
        _recorded.Where(m => m.Instrument == instrument && m.Tags.GetValueOrDefault(tag) == value).Sum(m => m.Value);

    public int Count(string instrument) => _recorded.Count(m => m.Instrument == instrument);

    /// <summary>Reads the observable gauges now and returns the latest value for the tag, if any.</summary>
    public double? Observe(string instrument, string tag, string value)
    {
        _recorded.Clear();
        _listener.RecordObservableInstruments();
        return _recorded.LastOrDefault(m => m.Instrument == instrument && m.Tags.GetValueOrDefault(tag) == value)?.Value;
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copied = new Dictionary<string, string?>();
        foreach (var (key, tagValue) in tags)
        {
            copied[key] = tagValue?.ToString();
        }

        _recorded.Enqueue(new Recorded(instrument.Name, value, copied));
    }

    private sealed record Recorded(string Instrument, double Value, Dictionary<string, string?> Tags);
}
