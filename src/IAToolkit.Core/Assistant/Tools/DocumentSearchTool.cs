using System.Text.Json;
using System.Text.Json.Nodes;
using IAToolkit.Companies;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Assistant.Tools;

/// <summary>
/// <c>iat_document_search</c>: hybrid search (meaning and words) over the company's documents; each passage comes with
/// its document and page, which the answer cites. Offered to companies with document sources.
/// </summary>
internal sealed class DocumentSearchTool : AssistantTool<DocumentSearchArguments>
{
    public const int MaxLimit = 12;
    private const int DefaultLimit = 6;

    public override string Name => "iat_document_search";

    public override string Description => "Searches the company's documents (contracts, manuals, policies) and returns passages with document name and page. Cite them as (document, p. N).";

    public override async Task<object?> InvokeAsync(DocumentSearchArguments arguments, AssistantToolContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var query = ToolArguments.NotBlank(arguments.Query, "query");
        var limit = arguments.Limit is { } l ? Math.Clamp(l, 1, MaxLimit) : DefaultLimit;
        Dictionary<string, string>? filter = null;
        if (arguments.Type is { } type)
        {
            (filter ??= [])["type"] = type;
        }

        if (arguments.Collection is { } collection)
        {
            (filter ??= [])["collection"] = collection;
        }

        var vector = await run.Services.GetRequiredService<EmbeddingService>().EmbedQueryAsync(run.Company, query, cancellationToken);
        var hits = await run.Services.GetRequiredService<KnowledgeSearch>().SearchAsync(run.Company, query, vector, limit, filter, cancellationToken);
        foreach (var hit in hits)
        {
            // Page 0 is a format without pages.
            run.RecordPassage(new Citation(hit.FileName, hit.Page > 0 ? hit.Page : null));
        }

        return new
        {
            passages = hits.Select(h => new { document = h.FileName, page = h.Page, text = h.Text, score = Math.Round(h.Score, 4) }),
            note = hits.Count == 0 ? "No passage matched; say the documents do not cover it." : "Cite each fact as (document, p. page).",
        };
    }

    internal override bool AppliesTo(Company company) => company.Configuration.KnowledgeBase?.DocumentSources.Count > 0;

    // The model filters by the types the company's sources declare; without any, there is nothing to filter by.
    internal override JsonElement SchemaFor(Company company)
    {
        var types = company.Configuration.KnowledgeBase?.DocumentSources
            .SelectMany(s => s.Metadata.Where(m => m.Key == "type").Select(m => m.Value.ToString()))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList() ?? [];
        var collections = company.Configuration.KnowledgeBase?.Collections ?? [];
        return ToolArguments.Schema<DocumentSearchArguments>(new AIJsonSchemaCreateOptions
        {
            TransformSchemaNode = (context, schema) =>
            {
                if (context.PropertyInfo?.Name == "type" && schema is JsonObject property)
                {
                    property["enum"] = new JsonArray([.. types.Select(t => (JsonNode?)JsonValue.Create(t))]);
                }
                else if (context.PropertyInfo?.Name == "collection" && schema is JsonObject collectionProperty)
                {
                    collectionProperty["enum"] = new JsonArray([.. collections.Select(c => (JsonNode?)JsonValue.Create(c))]);
                }
                else if (context.Path.IsEmpty && schema is JsonObject root && root["properties"] is JsonObject properties)
                {
                    if (types.Count == 0)
                    {
                        properties.Remove("type");
                    }

                    if (collections.Count == 0)
                    {
                        properties.Remove("collection");
                    }
                }

                return schema;
            },
        });
    }
}
