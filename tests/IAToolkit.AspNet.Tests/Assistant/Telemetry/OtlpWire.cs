using System.Text;

namespace IAToolkit.AspNet.Tests.Assistant.Telemetry;

/// <summary>
/// Just enough of the protobuf wire format to read what an OTLP exporter sends (OpenTelemetry.Proto is not served):
/// each message is walked field by field (varint tags; varint, fixed and length-delimited values) and only the
/// length-delimited fields on the path to a name are opened. Field numbers are those of opentelemetry-proto:
/// ExportTraceServiceRequest.resource_spans = 1, ResourceSpans.scope_spans = 2, ScopeSpans.spans = 2, Span.name = 5;
/// ExportMetricsServiceRequest.resource_metrics = 1, ResourceMetrics.scope_metrics = 2, ScopeMetrics.metrics = 2,
/// Metric.name = 1; ResourceSpans/ResourceMetrics.resource = 1, Resource.attributes = 1, KeyValue.key = 1,
/// KeyValue.value = 2, AnyValue.string_value = 1.
/// </summary>
internal static class OtlpWire
{
    /// <summary>The names of the spans in an ExportTraceServiceRequest.</summary>
    public static List<string> SpanNames(byte[] request)
        => [.. Path(request, 1, 2, 2).Select(span => Text(Fields(span, 5).Single()))];

    /// <summary>The names of the metrics in an ExportMetricsServiceRequest.</summary>
    public static List<string> MetricNames(byte[] request)
        => [.. Path(request, 1, 2, 2).Select(metric => Text(Fields(metric, 1).Single()))];

    /// <summary>The string attributes of each resource in an export request (traces or metrics: both put the resource at 1.1).</summary>
    public static List<Dictionary<string, string>> Resources(byte[] request)
        => [.. Path(request, 1, 1).Select(resource => Path(resource.ToArray(), 1)
            .Select(kv => (Key: Text(Fields(kv, 1).Single()), Value: Fields(kv, 2).SelectMany(v => Fields(v, 1)).Select(Text).FirstOrDefault()))
            .Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal))];

    // The length-delimited fields reached by following the field numbers from the top message.
    private static IEnumerable<ReadOnlyMemory<byte>> Path(ReadOnlyMemory<byte> message, params int[] fields)
    {
        IEnumerable<ReadOnlyMemory<byte>> level = [message];
        foreach (var field in fields)
        {
            var number = field;
            level = level.SelectMany(m => Fields(m, number)).ToList();
        }

        return level;
    }

    // The values of the length-delimited field number in one message, in order.
    private static List<ReadOnlyMemory<byte>> Fields(ReadOnlyMemory<byte> message, int number)
    {
        var found = new List<ReadOnlyMemory<byte>>();
        var span = message.Span;
        var at = 0;
        while (at < span.Length)
        {
            var tag = Varint(span, ref at);
            var field = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    Varint(span, ref at);
                    break;
                case 1:
                    at += 8;
                    break;
                case 2:
                    var length = checked((int)Varint(span, ref at));
                    if (field == number)
                    {
                        found.Add(message.Slice(at, length));
                    }

                    at += length;
                    break;
                case 5:
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"Wire type {tag & 7} (field {field}) is not used by OTLP.");
            }
        }

        if (at != span.Length)
        {
            throw new InvalidDataException("A field runs past the end of its message.");
        }

        return found;
    }

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("A varint is longer than 10 bytes.");
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
