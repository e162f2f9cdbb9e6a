using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Dapper;
using IAToolkit.Companies;
using IAToolkit.Database;
using IAToolkit.Hosting;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SampleCompany.SampleData.Documents;

namespace IAToolkit.Benchmarks;

/// <summary>
/// Ingestion through the real <see cref="KnowledgeLoader"/> (as the <c>load</c> verb runs it) with the in-process
/// MiniLM, into a throwaway core database: (a) the sample company's 18 documents, (b) a larger corpus of
/// <see cref="ScaledSampleDocuments"/>, each as its own company so that each has its own HNSW index. Per corpus: the
/// first load (pages/s, chunks/s, time in the model), a second pass that only parses and chunks the same files, and a
/// re-run of the load with nothing changed. The model is loaded before anything is timed.
/// </summary>
internal static class IngestBenchmark
{
    private const string SampleName = "ingest_sample";
    private const string CorpusName = "ingest_corpus";
    private const int DefaultRounds = 10;

    private const string VersionsSql = """
        SELECT current_setting('server_version') || ', pgvector ' || coalesce((SELECT extversion FROM pg_extension WHERE extname = 'vector'), 'missing')
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var rounds = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : DefaultRounds;
        using var root = new TempContentRoot();
        var watch = Stopwatch.StartNew();
        var sample = WriteCompany(root, SampleName, SampleDocumentSet.Generate());
        var corpus = WriteCompany(root, CorpusName, ScaledSampleDocuments.Generate(rounds));
        Console.WriteLine(Invariant($"documents written to {root.Path} in {watch.Elapsed.TotalSeconds:F1} s (not timed below): (a) {sample.Description}, (b) {rounds} rounds, {corpus.Description}"));

        await using var database = await TestDatabase.CreateAsync();
        var builder = TestHost.CreateBuilder(root.Path, database.Uri, "Development");
        builder.AddIAToolkitCore().RegisterCompany<IngestCompany>(SampleName).RegisterCompany<IngestCompany>(CorpusName);
        using var host = builder.Build();
        var services = host.Services;
        await services.GetRequiredService<IAToolkitStartup>().EnsureStartedAsync(CancellationToken.None);
        var catalog = services.GetRequiredService<ICompanyCatalog>();
        await PrintSetUpAsync(services, catalog.GetRequired(SampleName));

        var results = new List<IngestMeasurement>();
        foreach (var (name, label, files) in new[] { (SampleName, "(a) sample company", sample), (CorpusName, "(b) scaled sample", corpus) })
        {
            if (files.Count == 0)
            {
                continue;
            }

            var measured = await MeasureAsync(services, catalog.GetRequired(name), label, files.Count, Path.Combine(root.Path, "companies", name, "documents"));
            if (measured is null)
            {
                return 1;
            }

            results.Add(measured);
        }

        Console.WriteLine(IngestMeasurement.Header);
        foreach (var result in results)
        {
            Console.WriteLine(result.Row());
        }

        Console.WriteLine("(parse + chunk: the same files parsed and chunked again on their own; store and the rest: the remainder, i.e. listing, reading, hashing, the transaction and the COPY of chunks and vectors)");
        return 0;
    }

    private static async Task<IngestMeasurement?> MeasureAsync(IServiceProvider services, Company company, string label, int files, string folder)
    {
        var loader = services.GetRequiredService<KnowledgeLoader>();
        var progress = new FileCountProgress(label, files);
        var watch = Stopwatch.StartNew();
        var first = await loader.LoadAsync(company, null, progress, CancellationToken.None);
        var elapsed = watch.Elapsed;
        progress.Done();
        var failed = first.SelectMany(s => s.Failed).ToList();
        if (failed.Count > 0 || first.Sum(s => s.New) != files)
        {
            await Console.Error.WriteLineAsync($"{label}: {first.Sum(s => s.New)} of {files} files loaded; failed: {string.Join("; ", failed.Select(f => $"{f.Path}: {f.Reason}"))}");
            return null;
        }

        var chunks = first.Sum(s => s.Chunks);
        var (parseAndChunk, chunked) = ParseAndChunk(services, folder);
        if (chunked != chunks)
        {
            await Console.Error.WriteLineAsync($"{label}: the loader stored {chunks} chunks but parsing and chunking the files again gives {chunked}");
            return null;
        }

        watch.Restart();
        var rerun = await loader.LoadAsync(company, null, null, CancellationToken.None);
        var rerunTime = watch.Elapsed;
        if (rerun.Sum(s => s.Unchanged) != files || rerun.Sum(s => s.Chunks) != 0)
        {
            await Console.Error.WriteLineAsync($"{label}: the re-run found {rerun.Sum(s => s.Unchanged)} of {files} files unchanged and stored {rerun.Sum(s => s.Chunks)} chunks");
            return null;
        }

        var model = TimeSpan.FromTicks(first.Sum(s => s.EmbeddingTime.Ticks));
        return new IngestMeasurement(label, files, first.Sum(s => s.Pages), chunks, elapsed, model, parseAndChunk, rerunTime);
    }

    /// <summary>Parses and chunks every file of <paramref name="folder"/> as the loader does, timing only those two steps.</summary>
    private static (TimeSpan Time, int Chunks) ParseAndChunk(IServiceProvider services, string folder)
    {
        var parser = services.GetRequiredService<DocumentParser>();
        var chunker = services.GetRequiredService<DocumentChunker>();
        var time = TimeSpan.Zero;
        var chunks = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var content = File.ReadAllBytes(path);
            var watch = Stopwatch.StartNew();
            using (var stream = new MemoryStream(content, writable: false))
            {
                chunks += chunker.Chunk(parser.Parse(Path.GetFileName(path), stream)).Count;
            }

            time += watch.Elapsed;
        }

        return (time, chunks);
    }

    private static async Task PrintSetUpAsync(IServiceProvider services, Company company)
    {
        var watch = Stopwatch.StartNew();
        await services.GetRequiredService<EmbeddingService>().EmbedAsync(company, ["warm-up"], CancellationToken.None);
        var load = watch.Elapsed;
        var embedding = services.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
        var chunking = services.GetRequiredService<IOptions<ChunkingOptions>>().Value;
        await using var connection = await services.GetRequiredService<CoreDatabase>().OpenConnectionAsync(CancellationToken.None);
        var versions = await connection.ExecuteScalarAsync<string>(VersionsSql);
        Console.WriteLine(Invariant($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; PostgreSQL {versions}"));
        Console.WriteLine(Invariant($"model: {MiniLmModel.Name} in process, {MiniLmModel.Threads} batches of up to {embedding.BatchSize} texts at once; loaded and first text embedded in {load.TotalSeconds:F1} s (before anything below is timed)"));
        Console.WriteLine(Invariant($"chunks: up to {chunking.MaxTokens} o200k tokens, {chunking.OverlapTokens} overlapping; one load runs one file at a time"));
    }

    /// <summary>Writes the company's company.yaml (two sources, as the sample's) and its documents under <c>companies/&lt;name&gt;/documents/</c>.</summary>
    private static (int Count, string Description) WriteCompany(TempContentRoot root, string name, IEnumerable<SampleDocument> documents)
    {
        var folder = root.WriteCompany(name, TempContentRoot.MinimalYaml(name) + $"""

            knowledge_base:
              document_sources:
                employee_contracts:
                  path: companies/{name}/documents/{SampleDocumentSet.ContractsFolder}
                  metadata:
                    type: employee_contract
                supplier_manuals:
                  path: companies/{name}/documents/{SampleDocumentSet.ManualsFolder}
                  metadata:
                    type: supplier_manual
            """);
        var written = new List<SampleDocument>();
        foreach (var document in documents)
        {
            var path = Path.Combine(folder, "documents", document.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, document.Content);
            written.Add(document);
        }

        var pdfs = written.Count(d => d.RelativePath.EndsWith(".pdf", StringComparison.Ordinal));
        return (written.Count, Invariant($"{written.Count} files ({pdfs} PDF, {written.Count - pdfs} DOCX, {written.Sum(d => (long)d.Content.Length) / 1024.0:N0} KB)"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class IngestCompany : CompanyBase;

    /// <summary>A running count on the terminal. The loader reports between files, on its own thread: no posting to the pool, so nothing runs beside the timed work.</summary>
    private sealed class FileCountProgress(string label, int total) : IProgress<LoadProgress>
    {
        private int _done;

        public void Report(LoadProgress value)
        {
            _done++;
            if (!Console.IsErrorRedirected)
            {
                Console.Error.Write(Invariant($"\r{label}: {_done}/{total} files"));
            }
        }

        public void Done()
        {
            if (_done > 0 && !Console.IsErrorRedirected)
            {
                Console.Error.WriteLine();
            }
        }
    }
}
