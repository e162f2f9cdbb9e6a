using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static IAToolkit.Core.Tests.Downloads.ExcelTestFiles;

namespace IAToolkit.Core.Tests.Downloads;

/// <summary>
/// A large result set streams out: generous bounds that only a writer holding the whole sheet in memory, or doing
/// quadratic work, would break. It prints what it measured; speed itself is a benchmark's business, not a test's.
/// </summary>
public sealed class ExcelWorkbookWriterLargeTests
{
    private const int RowCount = 50_000;

    [Test]
    public void Write_50000Rows_StreamsInBoundedTimeAndMemory()
    {
        using var input = JsonDocument.Parse(Rows(RowCount));
        var writer = Writer();
        using (var warmUp = JsonDocument.Parse("""[{"a": 1}]"""))
        {
            writer.Write(null, "warm-up", warmUp.RootElement);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var sampler = new HeapSampler();
        var clock = Stopwatch.StartNew();
        var workbook = writer.Write("grande", "Datos", input.RootElement);
        clock.Stop();
        var peakGrowth = sampler.Stop() - baseline;

        TestContext.Progress.WriteLine($"{RowCount} rows: {clock.ElapsedMilliseconds} ms, {workbook.Content.Length / 1024} KiB, managed heap peak +{peakGrowth / (1024 * 1024)} MiB");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        Assert.That(peakGrowth, Is.LessThan(200L * 1024 * 1024), "the sheet is not built in memory");
        Assert.That(workbook.RowCount, Is.EqualTo(RowCount));

        using var document = Open(workbook);
        using var reader = OpenXmlReader.Create(document.WorkbookPart!.WorksheetParts.Single());
        var rows = 0;
        Row? last = null;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                rows++;
                last = (Row)reader.LoadCurrentElement()!;
            }
        }

        Assert.That(rows, Is.EqualTo(RowCount + 1));
        Assert.That(last!.RowIndex!.Value, Is.EqualTo(RowCount + 1));
        Assert.That(last.Elements<Cell>().First().CellValue!.Text, Is.EqualTo((RowCount - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string Rows(int count)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "" : ",")
                .Append(System.Globalization.CultureInfo.InvariantCulture, $$"""{"id": {{i}}, "cliente": "Cliente número {{i}}", "monto": {{i * 1.25}}, "fecha": "2024-{{(i % 12) + 1:00}}-{{(i % 28) + 1:00}}", "activo": {{(i % 2 == 0 ? "true" : "false")}}, "nota": "Observación {{i % 97}} — revisar"}""");
        }

        return json.Append(']').ToString();
    }

    /// <summary>Samples the managed heap every few milliseconds and keeps the highest value.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<long> _sampling;

        public HeapSampler() => _sampling = Task.Run(Sample);

        public long Stop()
        {
            _stop.Cancel();
            return _sampling.GetAwaiter().GetResult();
        }

        public void Dispose() => _stop.Dispose();

        private long Sample()
        {
            var peak = 0L;
            while (!_stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                Thread.Sleep(2);
            }

            return Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
        }
    }
}
