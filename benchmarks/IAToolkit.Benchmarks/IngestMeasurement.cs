using System.Globalization;

namespace IAToolkit.Benchmarks;

/// <summary>One corpus loaded by the real loader: the first load, the parse-and-chunk pass and the re-run with nothing changed.</summary>
/// <param name="Corpus">What was loaded, for the table.</param>
/// <param name="Files">Files loaded.</param>
/// <param name="Pages">Pages the loader read.</param>
/// <param name="Chunks">Chunks the loader stored.</param>
/// <param name="Elapsed">The first load, from the first listing to the last commit.</param>
/// <param name="Model">Time inside the embedding model during the first load, as the loader reports it.</param>
/// <param name="ParseAndChunk">Parsing and chunking the same files again, timed on their own.</param>
/// <param name="Rerun">The second load, which finds every file unchanged.</param>
internal sealed record IngestMeasurement(string Corpus, int Files, int Pages, int Chunks, TimeSpan Elapsed, TimeSpan Model, TimeSpan ParseAndChunk, TimeSpan Rerun)
{
    public const string Header = """
        | corpus | files | pages | chunks | seconds | pages/s | chunks/s | in the model | parse + chunk | store and the rest | warm re-run |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        """;

    /// <summary>What is left once the model and parsing are taken out: listing, reading, hashing, the store's transaction and COPY.</summary>
    public TimeSpan Rest => Elapsed - Model - ParseAndChunk;

    public string Row()
    {
        var seconds = Elapsed.TotalSeconds;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| {Corpus} | {Files:N0} | {Pages:N0} | {Chunks:N0} | {seconds:F1} | {Pages / seconds:F1} | {Chunks / seconds:F1} | {Share(Model)} | {Share(ParseAndChunk)} | {Share(Rest)} | {Rerun.TotalMilliseconds:N0} ms |");
    }

    private string Share(TimeSpan part)
        => string.Create(CultureInfo.InvariantCulture, $"{part.TotalSeconds:F1} s ({part / Elapsed * 100:F0}%)");
}
