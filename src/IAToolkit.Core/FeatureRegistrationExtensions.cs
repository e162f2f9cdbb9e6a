using IAToolkit.Assistant.Tools;
using IAToolkit.Knowledge.Parsing;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit;

/// <summary>
/// Adds a company's own features to the framework: a tool the model can call, a document format the knowledge base
/// reads. Chain them on <c>AddIAToolkit()</c>, or call the <see cref="IServiceCollection"/> forms from a company's
/// <see cref="ICompany.ConfigureServices"/>.
/// </summary>
public static class FeatureRegistrationExtensions
{
    /// <summary>
    /// Adds a tool every question is offered (of the companies its <see cref="AssistantTool.AppliesTo(string)"/>
    /// accepts), after the built-in ones. Adding the same tool type twice adds it once.
    /// </summary>
    /// <typeparam name="TTool">The tool: an <see cref="AssistantTool{TArguments}"/>, created once by the container (its constructor may take services).</typeparam>
    public static IAToolkitBuilder AddTool<TTool>(this IAToolkitBuilder builder)
        where TTool : AssistantTool
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAssistantTool<TTool>();
        return builder;
    }

    /// <summary>
    /// Adds a document format the knowledge base reads (loading, uploads and the file-store), by its extensions, within
    /// the same reading slots, deadline and budgets as the built-in formats. A reader added for an extension a built-in
    /// reader already reads takes its place.
    /// </summary>
    /// <typeparam name="TReader">The reader, created once by the container (its constructor may take services).</typeparam>
    public static IAToolkitBuilder AddDocumentReader<TReader>(this IAToolkitBuilder builder)
        where TReader : DocumentReader
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDocumentReader<TReader>();
        return builder;
    }

    /// <summary>As <see cref="AddTool{TTool}(IAToolkitBuilder)"/>, for a company's <see cref="ICompany.ConfigureServices"/>.</summary>
    /// <typeparam name="TTool">The tool.</typeparam>
    public static IServiceCollection AddIAToolkitTool<TTool>(this IServiceCollection services)
        where TTool : AssistantTool
        => services.AddAssistantTool<TTool>();

    /// <summary>As <see cref="AddDocumentReader{TReader}(IAToolkitBuilder)"/>, for a company's <see cref="ICompany.ConfigureServices"/>.</summary>
    /// <typeparam name="TReader">The reader.</typeparam>
    public static IServiceCollection AddIAToolkitDocumentReader<TReader>(this IServiceCollection services)
        where TReader : DocumentReader
        => services.AddDocumentReader<TReader>();
}
