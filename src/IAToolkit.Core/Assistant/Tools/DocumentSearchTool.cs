using System.Text.Json;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Assistant.Tools;

/// <summary>
/// <c>iat_document_search</c>: hybrid search (meaning and words) over the company's documents; each passage comes with
/// its document and page, which the answer cites.
/// </summary>
internal sealed class DocumentSearchTool : AssistantTool
{
    private const int DefaultLimit = 6;
    private const int MaxLimit = 12;
    private readonly JsonElement _schema;

    public DocumentSearchTool(ToolRun run)
        : base(run)
    {
        var types = run.Company.Configuration.KnowledgeBase?.DocumentSources
            .SelectMany(s => s.Metadata.Where(m => m.Key == "type").Select(m => m.Value.ToString()))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList() ?? [];
        var typeProperty = types.Count == 0
            ? string.Empty
            : $$$""","type":{"type":"string","enum":{{{JsonSerializer.Serialize(types)}}},"description":"Only documents of this type."}""";
        _schema = Schema($$$"""
            {"type":"object","properties":{
              "query":{"type":"string","description":"What to look for, in the documents' words."}{{{typeProperty}}},
              "limit":{"type":"integer","minimum":1,"maximum":{{{MaxLimit}}}}},
             "required":["query"]}
            """);
    }

    public override string Name => "iat_document_search";

    public override string Description => "Searches the company's documents (contracts, manuals, policies) and returns passages with document name and page. Cite them as (document, p. N).";

    public override JsonElement JsonSchema => _schema;

    protected override async Task<object?> ExecuteAsync(JsonElement arguments, CancellationToken cancellationToken)
    {
        var query = RequiredString(arguments, "query");
        var limit = arguments.TryGetProperty("limit", out var l) && l.ValueKind == JsonValueKind.Number ? Math.Clamp(l.GetInt32(), 1, MaxLimit) : DefaultLimit;
        Dictionary<string, string>? filter = arguments.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? new() { ["type"] = t.GetString()! } : null;
        var vector = await Run.Services.GetRequiredService<EmbeddingService>().EmbedQueryAsync(Run.Company, query, cancellationToken);
        var hits = await Run.Services.GetRequiredService<KnowledgeSearch>().SearchAsync(Run.Company, query, vector, limit, filter, cancellationToken);
        return new
        {
            passages = hits.Select(h => new { document = h.FileName, page = h.Page, text = h.Text, score = Math.Round(h.Score, 4) }),
            note = hits.Count == 0 ? "No passage matched; say the documents do not cover it." : "Cite each fact as (document, p. page).",
        };
    }
}
