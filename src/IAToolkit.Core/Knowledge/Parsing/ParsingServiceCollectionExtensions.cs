using IAToolkit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// Document parsing: a document to page texts, within the reading budgets of <c>IAToolkit:Knowledge:Parsing</c>, by
/// the reader registered for its extension.
/// </summary>
internal static class ParsingServiceCollectionExtensions
{
    public static IServiceCollection AddDocumentParsing(this IServiceCollection services)
    {
        services.AddValidatedOptions<DocumentParsingOptions, DocumentParsingOptionsValidator>(DocumentParsingOptions.SectionName);
        return services.AddDocumentReaders();
    }

    /// <summary>The parser and the built-in formats, one line each.</summary>
    public static IServiceCollection AddDocumentReaders(this IServiceCollection services)
    {
        services.TryAddSingleton<DocumentParser>();
        services.AddDocumentReader<PdfDocumentReader>();
        services.AddDocumentReader<DocxDocumentReader>();
        services.AddDocumentReader<XlsxDocumentReader>();
        services.AddDocumentReader<TextDocumentReader>();
        services.AddDocumentReader<MarkdownDocumentReader>();
        return services;
    }

    /// <summary>Adds a format; a reader registered later takes an extension from one registered earlier. The same type twice is added once.</summary>
    public static IServiceCollection AddDocumentReader<TReader>(this IServiceCollection services)
        where TReader : DocumentReader
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<DocumentReader, TReader>());
        return services;
    }
}
