using IAToolkit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>Document parsing: a document to page texts, within the reading budgets of <c>IAToolkit:Knowledge:Parsing</c>.</summary>
internal static class ParsingServiceCollectionExtensions
{
    public static IServiceCollection AddDocumentParsing(this IServiceCollection services)
    {
        services.AddValidatedOptions<DocumentParsingOptions, DocumentParsingOptionsValidator>(DocumentParsingOptions.SectionName);
        services.TryAddSingleton<DocumentParser>();
        return services;
    }
}
