using System.Collections;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace IAToolkit.AspNet.Tests.Assistant.Telemetry;

/// <summary>
/// In-memory exporters attached to a test host's OpenTelemetry SDK (when the host adds it): the spans as they end, and
/// the metrics each time the meter provider is flushed.
/// </summary>
internal sealed class TelemetryCapture
{
    private readonly Locked<Activity> _spans = new();
    private readonly Locked<MetricSnapshot> _metrics = new();

    /// <summary>Adds the exporters to the host's providers (a no-op for a host without the SDK).</summary>
    public void Attach(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
    });

    public IReadOnlyList<Activity> Spans => _spans.Snapshot();

    /// <summary>
    /// The first ended span that matches. A request's span ends just after its response is sent, so it is waited for
    /// (up to 10 s), not assumed.
    /// </summary>
    public async Task<Activity> SpanAsync(Func<Activity, bool> match, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (Spans.FirstOrDefault(match) is { } span)
            {
                return span;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"No span {what} among: {string.Join(", ", Spans.Select(s => s.Source.Name + "/" + s.DisplayName))}");
        throw new InvalidOperationException();
    }

    /// <summary>Collects the metrics now (the meter provider's flush) and returns the latest snapshot of each.</summary>
    public IReadOnlyDictionary<string, MetricSnapshot> FlushMetrics(IServiceProvider services)
    {
        Assert.That(services.GetRequiredService<MeterProvider>().ForceFlush(10_000), Is.True, "the metrics were flushed");
        return _metrics.Snapshot().GroupBy(m => m.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
    }

    /// <summary>The sum of a counter's points whose tags include all of <paramref name="tags"/>.</summary>
    public static long Sum(MetricSnapshot metric, params (string Key, object Value)[] tags)
        => metric.MetricPoints.Where(p => Has(p, tags)).Sum(p => p.GetSumLong());

    /// <summary>The number of measurements of a histogram whose tags include all of <paramref name="tags"/>.</summary>
    public static long Count(MetricSnapshot metric, params (string Key, object Value)[] tags)
        => metric.MetricPoints.Where(p => Has(p, tags)).Sum(p => p.GetHistogramCount());

    private static bool Has(MetricPoint point, (string Key, object Value)[] tags)
    {
        var all = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            all[tag.Key] = tag.Value;
        }

        return tags.All(t => all.TryGetValue(t.Key, out var value) && Equals(value, t.Value));
    }

    // The exporters add from the SDK's threads while a test reads.
    private sealed class Locked<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public int Count { get { lock (_items) { return _items.Count; } } }

        public bool IsReadOnly => false;

        public List<T> Snapshot() { lock (_items) { return [.. _items]; } }

        public void Add(T item) { lock (_items) { _items.Add(item); } }

        public void Clear() { lock (_items) { _items.Clear(); } }

        public bool Contains(T item) { lock (_items) { return _items.Contains(item); } }

        public void CopyTo(T[] array, int arrayIndex) { lock (_items) { _items.CopyTo(array, arrayIndex); } }

        public bool Remove(T item) { lock (_items) { return _items.Remove(item); } }

        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
