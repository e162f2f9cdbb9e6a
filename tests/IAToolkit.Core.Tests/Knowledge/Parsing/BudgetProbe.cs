using System.Diagnostics;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Core.Tests.Knowledge.Parsing;

/// <summary>Parses a file on the test's thread and measures what it cost: the error (if any), bytes allocated, time.</summary>
internal static class BudgetProbe
{
    public static (Exception? Error, long Allocated, TimeSpan Elapsed, ParsedDocument? Document) Run(DocumentParser parser, string fileName, byte[] content)
    {
        GC.Collect();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        try
        {
            var document = parser.Parse(fileName, new MemoryStream(content));
            return (null, GC.GetAllocatedBytesForCurrentThread() - before, watch.Elapsed, document);
        }
        catch (Exception e)
        {
            return (e, GC.GetAllocatedBytesForCurrentThread() - before, watch.Elapsed, null);
        }
    }

    /// <summary>Parses and asserts the file is refused with <c>document_too_complex</c> naming the setting; returns the cost.</summary>
    public static (DocumentTooComplexException Error, long Allocated, TimeSpan Elapsed) Refused(DocumentParser parser, string fileName, byte[] content, string setting)
    {
        var (error, allocated, elapsed, _) = Run(parser, fileName, content);
        Assert.That(error, Is.TypeOf<DocumentTooComplexException>(), error?.ToString() ?? "the file was read whole");
        var refused = (DocumentTooComplexException)error!;
        Assert.That(refused.Code, Is.EqualTo("document_too_complex"));
        Assert.That(refused.Message, Does.StartWith($"Cannot read '{fileName}': ").And.Contain($"IAToolkit:Knowledge:Parsing:{setting}"));
        return (refused, allocated, elapsed);
    }

    public const long Megabyte = 1024 * 1024;
}
