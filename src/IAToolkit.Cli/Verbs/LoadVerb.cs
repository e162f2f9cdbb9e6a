using System.CommandLine;
using System.Globalization;
using IAToolkit.Companies;
using IAToolkit.Hosting;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Cli.Verbs;

/// <summary>
/// <c>load [--company c] [--source s] [--json]</c>: loads the companies' document sources into the knowledge base,
/// one line per file as it goes, then a summary per source. Exit code 1 when any file could not be loaded (the
/// others are loaded all the same).
/// </summary>
internal sealed class LoadVerb : Verb
{
    private readonly IServiceProvider _services;
    private readonly Option<string?> _company = new("--company") { Description = "Only this company (default: every company with document sources)." };
    private readonly Option<string?> _source = new("--source") { Description = "Only this source of knowledge_base.document_sources." };
    private readonly Option<bool> _json = new("--json") { Description = "Print the summary as JSON (and no progress)." };

    public LoadVerb(IServiceProvider services) => _services = services;

    public override string Name => "load";

    public override Command Build()
    {
        var command = new Command(Name, "Load the document sources into the knowledge base: new and changed files are embedded, unchanged ones skipped, removed ones deleted.")
        {
            _company,
            _source,
            _json,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await _services.GetRequiredService<IAToolkitStartup>().EnsureStartedAsync(cancellationToken);
        var catalog = _services.GetRequiredService<ICompanyCatalog>();
        var companyName = parse.GetValue(_company);
        var source = parse.GetValue(_source);
        var json = parse.GetValue(_json);
        var companies = companyName is null
            ? catalog.Companies.Where(c => c.Configuration.KnowledgeBase?.DocumentSources.Count > 0).ToList()
            : [catalog.GetRequired(companyName)];
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var loader = _services.GetRequiredService<KnowledgeLoader>();
        var results = new List<(string Company, SourceLoadSummary Summary)>();
        foreach (var company in companies)
        {
            var progress = json ? null : new SynchronousProgress<LoadProgress>(p => error.WriteLine(Line(company.ShortName, p)));
            foreach (var summary in await loader.LoadAsync(company, source, progress, cancellationToken))
            {
                results.Add((company.ShortName, summary));
            }
        }

        if (json)
        {
            await VerbJson.WriteAsync(parse, results.Select(r => new
            {
                company = r.Company,
                source = r.Summary.Source,
                location = r.Summary.Location,
                @new = r.Summary.New,
                changed = r.Summary.Changed,
                unchanged = r.Summary.Unchanged,
                removed = r.Summary.Removed,
                failed = r.Summary.Failed.Select(f => new { path = f.Path, reason = f.Reason }),
                chunks = r.Summary.Chunks,
                pages = r.Summary.Pages,
                seconds = Math.Round(r.Summary.Elapsed.TotalSeconds, 2),
                embedding_seconds = Math.Round(r.Summary.EmbeddingTime.TotalSeconds, 2),
            }));
        }
        else if (results.Count == 0)
        {
            await output.WriteLineAsync("No company has document sources (knowledge_base.document_sources).");
        }
        else
        {
            foreach (var (company, s) in results)
            {
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{company}/{s.Source} ({s.Location}): {s.New} new, {s.Changed} changed, {s.Unchanged} unchanged, {s.Removed} removed, {s.Failed.Count} failed; {s.Chunks} chunks from {s.Pages} pages in {s.Elapsed.TotalSeconds:0.0} s ({s.EmbeddingTime.TotalSeconds:0.0} s embedding)"));
                foreach (var failed in s.Failed)
                {
                    await output.WriteLineAsync($"  failed: {failed.Path}: {failed.Reason}");
                }
            }
        }

        return results.Any(r => r.Summary.Failed.Count > 0) ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static string Line(string company, LoadProgress p)
        => $"{p.Outcome,-9} {company}/{p.Source}/{p.Path}{(p.Chunks > 0 ? $" ({p.Chunks} chunks)" : string.Empty)}{(p.Detail is null ? string.Empty : $": {p.Detail}")}";

    // Progress<T> posts to the thread pool; the lines must come out in order, as they happen.
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
