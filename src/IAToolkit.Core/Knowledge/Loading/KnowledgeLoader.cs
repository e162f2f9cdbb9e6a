using System.Diagnostics;
using System.Security.Cryptography;
using IAToolkit.Companies;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Options;

namespace IAToolkit.Knowledge.Loading;

/// <summary>
/// Loads a company's document sources: lists each source, skips files whose content hash is already stored, and
/// parses, chunks, embeds and stores the new and changed ones, one document per transaction — so an interrupted
/// load, run again, finishes the work without duplicates. Documents whose file is gone are removed. A file that
/// cannot be read is reported with its reason and the load goes on.
/// </summary>
internal sealed class KnowledgeLoader
{
    private readonly DocumentConnectorFactory _connectors;
    private readonly DocumentIngestion _ingestion;
    private readonly KnowledgeStore _store;
    private readonly IOptions<KnowledgeOptions> _options;

    public KnowledgeLoader(DocumentConnectorFactory connectors, DocumentIngestion ingestion, KnowledgeStore store, IOptions<KnowledgeOptions> options)
    {
        _connectors = connectors;
        _ingestion = ingestion;
        _store = store;
        _options = options;
    }

    /// <summary>Loads every source of the company, or only <paramref name="sourceName"/>.</summary>
    public async Task<IReadOnlyList<SourceLoadSummary>> LoadAsync(Company company, string? sourceName, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        var sources = company.Configuration.KnowledgeBase?.DocumentSources.Select(s => s.Name).ToList() ?? [];
        if (sourceName is not null)
        {
            sources = sources.Contains(sourceName, StringComparer.Ordinal)
                ? [sourceName]
                : throw new IAToolkitException(ErrorCodes.KnowledgeSourceNotFound, $"Company '{company.ShortName}' has no document source '{sourceName}'; its sources are: {(sources.Count == 0 ? "none" : string.Join(", ", sources))}.");
        }

        var summaries = new List<SourceLoadSummary>();
        foreach (var source in sources.Order(StringComparer.Ordinal))
        {
            summaries.Add(await LoadSourceAsync(company, source, progress, cancellationToken));
        }

        return summaries;
    }

    private async Task<SourceLoadSummary> LoadSourceAsync(Company company, string source, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var connector = _connectors.Create(company, source);
        var summary = new SourceLoadSummary { Source = source, Location = connector.Describe() };
        var stored = await _store.ListAsync(company, source, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var file in connector.ListAsync(cancellationToken))
        {
            seen.Add(file.Path);
            var (outcome, chunks, detail) = await LoadFileAsync(company, source, connector, file, stored.GetValueOrDefault(file.Path), summary, cancellationToken);
            progress?.Report(new LoadProgress(source, file.Path, outcome, chunks, detail));
        }

        var gone = stored.Keys.Where(path => !seen.Contains(path)).ToList();
        if (gone.Count > 0)
        {
            summary.Removed = await _store.RemoveAsync(company, source, gone, cancellationToken);
            foreach (var path in gone)
            {
                progress?.Report(new LoadProgress(source, path, "removed", 0, null));
            }
        }

        summary.Elapsed = watch.Elapsed;
        return summary;
    }

    private async Task<(string Outcome, int Chunks, string? Detail)> LoadFileAsync(
        Company company, string source, IDocumentConnector connector, SourceFile file, StoredDocument? previous, SourceLoadSummary summary, CancellationToken cancellationToken)
    {
        using var span = DocumentSpan.Start(company, source, file.Path, "load");
        try
        {
            var limit = _options.Value.MaxDocumentBytes;
            if (file.Size > limit)
            {
                throw new IAToolkitException(ErrorCodes.DocumentTooLarge, $"{file.Size / (1024 * 1024)} MB is more than the {limit / (1024 * 1024)} MB limit");
            }

            if (!_ingestion.IsSupported(file.Path))
            {
                throw new IAToolkitException(ErrorCodes.DocumentUnreadable, $"{Path.GetExtension(file.Path)} is not a supported type ({_ingestion.SupportedTypes})");
            }

            byte[] content;
            await using (var stream = await connector.OpenAsync(file, cancellationToken))
            {
                content = await BoundedRead.ReadAsync(stream, limit, max => $"more than the {max / (1024 * 1024)} MB limit", cancellationToken);
            }

            var hash = SHA256.HashData(content);
            if (previous is not null && previous.ContentHash.AsSpan().SequenceEqual(hash))
            {
                summary.Unchanged++;
                span.Unchanged();
                return ("unchanged", 0, null);
            }

            var result = await _ingestion.IngestAsync(company, source, file.Path, content, hash, cancellationToken);
            summary.Chunks += result.Chunks;
            summary.Pages += result.Pages;
            summary.EmbeddingTime += result.EmbeddingTime;
            var outcome = previous is null ? "new" : "changed";
            span.Indexed(outcome, result.Pages, result.Chunks);
            if (previous is null)
            {
                summary.New++;
            }
            else
            {
                summary.Changed++;
            }

            return (outcome, result.Chunks, null);
        }
        catch (IAToolkitException ex) when (ex.Code is ErrorCodes.DocumentUnreadable or ErrorCodes.DocumentTooLarge or ErrorCodes.DocumentTooComplex)
        {
            span.Failed(ex);
            summary.Failed.Add(new FailedFile(file.Path, ex.Message));
            return ("failed", 0, ex.Message);
        }
        catch (Exception ex)
        {
            // The load stops here (the embedding provider or the database failed): the span says so before it ends.
            span.Failed(ex);
            throw;
        }
    }
}
