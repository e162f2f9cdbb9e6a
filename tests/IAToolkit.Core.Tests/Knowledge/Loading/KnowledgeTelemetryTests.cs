using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using IAToolkit.Core.Tests.Knowledge.Parsing;
using IAToolkit.Diagnostics;

namespace IAToolkit.Core.Tests.Knowledge.Loading;

/// <summary>
/// The spans and metrics a load and a search leave for whatever listens to <see cref="IAToolkitTelemetry.Name"/> (the
/// OpenTelemetry SDK in a web host), through System.Diagnostics' own listeners: Core has no other telemetry dependency.
/// </summary>
public sealed class KnowledgeTelemetryTests
{
    // Its own company, so that spans of tests running at the same time are told apart.
    private const string Company = "telemetry_co";

    [Test]
    public async Task LoadAndSearch_WithAListener_EachDocumentHasASpanAndACountWithItsOutcome()
    {
        using var recorder = new Recorder();
        await using var host = await LoaderTestHost.StartAsync(null, Company);
        host.Write("manuals", "press.pdf", KnowledgeTestFiles.Pdf(["Press HP-200 manual."], ["Tighten the ram bolts to 85 newton metres every 500 hours."]), Company);
        host.Write("manuals", "broken.pdf", "%PDF-1.7\nnot really a pdf", Company);

        await host.LoadAsync(Company);
        await host.LoadAsync(Company);
        var hits = await host.SearchAsync("ram bolt torque", Company);

        var ingests = recorder.Spans("iatoolkit.ingest");
        var indexed = ingests.Single(s => Equals(s.GetTagItem("iatoolkit.outcome"), "new"));
        Assert.That(indexed.GetTagItem("iatoolkit.document.format"), Is.EqualTo("pdf"));
        Assert.That(indexed.GetTagItem("iatoolkit.document.pages"), Is.EqualTo(2));
        Assert.That(indexed.GetTagItem("iatoolkit.document.chunks"), Is.GreaterThanOrEqualTo(1));
        Assert.That(indexed.GetTagItem("iatoolkit.knowledge.source"), Is.EqualTo("manuals"));
        Assert.That(indexed.GetTagItem("iatoolkit.ingest.trigger"), Is.EqualTo("load"));
        var failed = ingests.Where(s => s.Status == ActivityStatusCode.Error).ToList();
        Assert.That(failed, Has.Count.EqualTo(2), "the unreadable file, at each load");
        Assert.That(failed.Select(s => s.GetTagItem("error.type")), Has.All.EqualTo("document_unreadable"));
        Assert.That(ingests.Count(s => Equals(s.GetTagItem("iatoolkit.outcome"), "unchanged")), Is.EqualTo(1), "the second load left the stored PDF alone");
        Assert.That(recorder.Count("iatoolkit.documents.ingested", "new"), Is.EqualTo(1));
        Assert.That(recorder.Count("iatoolkit.documents.ingested", "unchanged"), Is.EqualTo(1));
        Assert.That(recorder.Count("iatoolkit.documents.ingested", "document_unreadable"), Is.EqualTo(2));

        var search = recorder.Spans("iatoolkit.search").Single();
        Assert.That(search.GetTagItem("iatoolkit.search.results"), Is.EqualTo(hits.Count));
        Assert.That(search.GetTagItem("iatoolkit.search.filtered"), Is.False);
        Assert.That(search.TagObjects.Select(t => t.Value?.ToString()), Has.None.Contain("ram bolt"), "the question's words stay out");
        Assert.That(recorder.Measurements("iatoolkit.search.duration"), Has.Count.EqualTo(1));
    }

    /// <summary>Collects the framework's ended spans and measurements of <see cref="Company"/>.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly ActivityListener _activities;
        private readonly MeterListener _meters = new();
        private readonly ConcurrentQueue<Activity> _spans = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();

        public Recorder()
        {
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == IAToolkitTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (Equals(activity.GetTagItem("iatoolkit.company"), Company))
                    {
                        _spans.Enqueue(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_activities);
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == IAToolkitTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.Start();
        }

        public List<Activity> Spans(string name) => [.. _spans.Where(s => s.OperationName == name)];

        public List<double> Measurements(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument).Select(m => m.Value)];

        public double Count(string instrument, string outcome)
            => _measurements.Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault("iatoolkit.outcome"), outcome)).Sum(m => m.Value);

        public void Dispose()
        {
            _activities.Dispose();
            _meters.Dispose();
        }

        private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var all = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                all[tag.Key] = tag.Value;
            }

            if (Equals(all.GetValueOrDefault("iatoolkit.company"), Company))
            {
                _measurements.Enqueue((instrument.Name, value, all));
            }
        }
    }
}
